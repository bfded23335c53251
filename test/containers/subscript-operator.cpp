// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// operator[] on std::map / std::unordered_map inserts missing keys, so even
// a read-looking `return m_[k];` is a write. On std::vector / std::deque it
// only reads the structure: it races with a structural write, never with
// other reads.
#include <deque>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

// `return m_[k];` on a std::map writes: it races with find() under mu_.
namespace map_subscript_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }
  int Get(int k) { return m_[k]; }
  // CHECK: subscript-operator.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Has' holds it [maprace-unguarded-access]
  // CHECK-NEXT: subscript-operator.cpp:[[@LINE-4]]:12: note: conflicting read ('find') in 'Cache::Has', holding 'mu_'
  // CHECK-NEXT: subscript-operator.cpp:[[@LINE-10]]:22: note: 'm_' is declared here
};
} // namespace map_subscript_bad

// Same lookup with at(), which never inserts: read-read, silent.
namespace map_subscript_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }
  int Get(int k) { return m_.at(k); }
};
} // namespace map_subscript_ok

// `return m_[k];` on a std::unordered_map writes too.
namespace unordered_subscript_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  int Get(int k) { return m_[k]; }
  // CHECK: subscript-operator.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::unordered_map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
};
} // namespace unordered_subscript_bad

// Same lookup with find(): read-read, silent.
namespace unordered_subscript_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  int Get(int k) {
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace unordered_subscript_ok

// operator[] on a std::vector reads the structure: it races with push_back
// under mu_, which may reallocate.
namespace vector_subscript_bad {
class Log {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Append(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int At(unsigned i) { return v_[i]; }
  // CHECK: subscript-operator.cpp:[[@LINE-1]]:31: warning: data race on 'v_' (std::vector<int>): read ('operator[]') without holding 'mu_'; the conflicting write in 'Log::Append' holds it [maprace-unguarded-access]
  // CHECK-NEXT: subscript-operator.cpp:[[@LINE-4]]:5: note: conflicting write ('push_back') in 'Log::Append', holding 'mu_'
  // CHECK-NEXT: subscript-operator.cpp:[[@LINE-10]]:20: note: 'v_' is declared here
};
} // namespace vector_subscript_bad

// The same unlocked operator[] next to reads only (size under mu_): silent.
namespace vector_subscript_ok {
class Log {
  std::mutex mu_;
  std::vector<int> v_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return v_.size();
  }
  int At(unsigned i) { return v_[i]; }
};
} // namespace vector_subscript_ok

// operator[] on a std::deque reads the structure: it races with push_front
// under mu_.
namespace deque_subscript_bad {
class Log {
  std::mutex mu_;
  std::deque<int> d_;

public:
  void Prepend(int x) {
    std::lock_guard<std::mutex> l(mu_);
    d_.push_front(x);
  }
  int At(unsigned i) { return d_[i]; }
  // CHECK: subscript-operator.cpp:[[@LINE-1]]:31: warning: data race on 'd_' (std::deque<int>): read ('operator[]') without holding 'mu_'; the conflicting write in 'Log::Prepend' holds it [maprace-unguarded-access]
};
} // namespace deque_subscript_bad

// The same unlocked operator[] next to reads only (front under mu_): silent.
namespace deque_subscript_ok {
class Log {
  std::mutex mu_;
  std::deque<int> d_;

public:
  int First() {
    std::lock_guard<std::mutex> l(mu_);
    return d_.front();
  }
  int At(unsigned i) { return d_[i]; }
};
} // namespace deque_subscript_ok

// Assigning through a std::vector's operator[] changes an element, not the
// structure: no structural write, so next to size() under mu_ it is silent.
namespace vector_element_store_ok {
class Table {
  std::mutex mu_;
  std::vector<int> v_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return v_.size();
  }
  void Set(unsigned i, int x) { v_[i] = x; }
};
} // namespace vector_element_store_ok
