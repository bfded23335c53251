// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Member calls that only read the container's structure. Unlocked, each one
// races with a write made under mu_ (bad); next to other reads only, locked
// (Peek) or not, it is silent: read-read is never a race (ok).
#include <deque>
#include <map>
#include <mutex>
#include <vector>

// find() is a read.
namespace find_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.find(k)->second;
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace find_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace find_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.find(k)->second;
  }
};
} // namespace find_ok

// count() is a read.
namespace count_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace count_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace count_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.count(k);
  }
};
} // namespace count_ok

// contains() is a read.
namespace contains_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  bool Get(int k) {
    return m_.contains(k);
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('contains') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace contains_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace contains_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  bool Get(int k) {
    return m_.contains(k);
  }
};
} // namespace contains_ok

// at() is a read (it throws rather than insert).
namespace at_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.at(k);
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('at') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace at_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace at_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.at(k);
  }
};
} // namespace at_ok

// size() is a read.
namespace size_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.size();
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace size_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace size_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.size();
  }
};
} // namespace size_ok

// empty() is a read.
namespace empty_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  bool Get(int k) {
    return m_.empty();
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace empty_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace empty_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  bool Get(int k) {
    return m_.empty();
  }
};
} // namespace empty_ok

// begin() is a read.
namespace begin_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.begin()->second;
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('begin') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace begin_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace begin_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.begin()->second;
  }
};
} // namespace begin_ok

// lower_bound() is a read.
namespace lower_bound_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.lower_bound(k)->second;
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('lower_bound') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace lower_bound_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace lower_bound_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.lower_bound(k)->second;
  }
};
} // namespace lower_bound_ok

// equal_range() is a read.
namespace equal_range_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.equal_range(k).first->second;
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('equal_range') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace equal_range_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace equal_range_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.equal_range(k).first->second;
  }
};
} // namespace equal_range_ok

// front() of a vector is a read.
namespace front_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    return m_.front();
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::vector<int>): read ('front') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('push_back') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace front_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace front_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.front();
  }
};
} // namespace front_ok

// back() of a deque is a read.
namespace back_bad {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    return m_.back();
    // CHECK: read-methods.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::deque<int>): read ('back') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: read-methods.cpp:[[@LINE-5]]:5: note: conflicting write ('push_back') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: read-methods.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace back_bad

// Peek reads under mu_ instead of writing: read-read, silent.
namespace back_ok {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  void Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (void)m_.size();
  }
  int Get(int k) {
    return m_.back();
  }
};
} // namespace back_ok

// A range-for over the map is an iteration (a read of every node); it races
// with operator[] under mu_ (reported by maprace-iteration-mutation).
namespace range_for_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Sum() {
    int s = 0;
    for (const auto &kv : m_)
      // CHECK: read-methods.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holds it [maprace-iteration-mutation]
      s += kv.second;
    return s;
  }
};
} // namespace range_for_bad

// The same loop next to reads only (find under mu_): silent.
namespace range_for_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }
  int Sum() {
    int s = 0;
    for (const auto &kv : m_)
      s += kv.second;
    return s;
  }
};
} // namespace range_for_ok

// Copying the map out (copy construction) reads it: next to other reads
// only, silent. (Against a write it is reported; see
// read-detail-copy-and-arguments.pending for the expected message.)
namespace copy_construct_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  std::map<int, int> Snapshot() {
    auto c = m_;
    return c;
  }
  int Count(int k) { return m_.count(k); }
};
} // namespace copy_construct_ok
