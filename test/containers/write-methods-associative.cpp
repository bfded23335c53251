// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Member calls and whole-object operations that change an associative
// container's structure. Unlocked, each one races with the read Size makes
// under mu_ (bad); under mu_ too, silent (ok).
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

// operator[] on a std::map inserts a missing key: a write.
namespace map_subscript_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_[k] = 1;
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace map_subscript_bad

// Same, Mutate also holds mu_.
namespace map_subscript_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = 1;
  }
};
} // namespace map_subscript_ok

// operator[] on a std::unordered_map inserts too.
namespace unordered_subscript_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_[k] += 1;
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::unordered_map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace unordered_subscript_bad

// Same, Mutate also holds mu_.
namespace unordered_subscript_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] += 1;
  }
};
} // namespace unordered_subscript_ok

// insert() is a write.
namespace insert_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.insert({k, 1});
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('insert') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace insert_bad

// Same, Mutate also holds mu_.
namespace insert_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, 1});
  }
};
} // namespace insert_ok

// emplace() is a write.
namespace emplace_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.emplace(k, 1);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::unordered_map<int, int>): write ('emplace') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace emplace_bad

// Same, Mutate also holds mu_.
namespace emplace_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, 1);
  }
};
} // namespace emplace_ok

// try_emplace() is a write.
namespace try_emplace_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.try_emplace(k, 1);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('try_emplace') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace try_emplace_bad

// Same, Mutate also holds mu_.
namespace try_emplace_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.try_emplace(k, 1);
  }
};
} // namespace try_emplace_ok

// insert_or_assign() is a write.
namespace insert_or_assign_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.insert_or_assign(k, 1);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::unordered_map<int, int>): write ('insert_or_assign') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace insert_or_assign_bad

// Same, Mutate also holds mu_.
namespace insert_or_assign_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert_or_assign(k, 1);
  }
};
} // namespace insert_or_assign_ok

// erase() is a write.
namespace erase_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.erase(k);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace erase_bad

// Same, Mutate also holds mu_.
namespace erase_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
};
} // namespace erase_ok

// clear() is a write.
namespace clear_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    m_.clear();
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::unordered_map<int, int>): write ('clear') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace clear_bad

// Same, Mutate also holds mu_.
namespace clear_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    m_.clear();
  }
};
} // namespace clear_ok

// swap() with another map is a write.
namespace swap_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(std::map<int, int> &other) {
    m_.swap(other);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('swap') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace swap_bad

// Same, Mutate also holds mu_.
namespace swap_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(std::map<int, int> &other) {
    std::lock_guard<std::mutex> l(mu_);
    m_.swap(other);
  }
};
} // namespace swap_ok

// Assigning the whole map (`m_ = other`) is a write.
namespace assign_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(const std::map<int, int> &other) {
    m_ = other;
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator=') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace assign_bad

// Same, Mutate also holds mu_.
namespace assign_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(const std::map<int, int> &other) {
    std::lock_guard<std::mutex> l(mu_);
    m_ = other;
  }
};
} // namespace assign_ok

// Moving the map out (`auto out = std::move(m_)`) is a write: it empties m_.
namespace move_out_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    auto out = std::move(m_);
    // CHECK: write-methods-associative.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): write (moved from) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace move_out_bad

// Same, Mutate also holds mu_.
namespace move_out_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    auto out = std::move(m_);
  }
};
} // namespace move_out_ok

// A global map: a thread erases while run() looks a key up, no lock on
// either side.
namespace global_erase_bad {
std::map<int, int> table;
void evict() { table.erase(1); }
// CHECK: write-methods-associative.cpp:[[@LINE-1]]:16: warning: data race on 'table' (std::map<int, int>): write ('erase') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: write-methods-associative.cpp:[[@LINE+3]]:16: note: conflicting read ('find') in 'run', with no lock held
bool run() {
  std::thread t(evict);
  bool found = table.find(1) != table.end();
  t.join();
  return found;
}
} // namespace global_erase_bad

// Same, both sides hold mu.
namespace global_erase_ok {
std::map<int, int> table;
std::mutex mu;
void evict() {
  std::lock_guard<std::mutex> l(mu);
  table.erase(1);
}
bool run() {
  std::thread t(evict);
  bool found;
  {
    std::lock_guard<std::mutex> l(mu);
    found = table.find(1) != table.end();
  }
  t.join();
  return found;
}
} // namespace global_erase_ok

// Two threads run the same emplace at once.
namespace two_writers_bad {
std::map<int, int> table;
void fill() { table.emplace(1, 1); }
// CHECK: write-methods-associative.cpp:[[@LINE-1]]:15: warning: data race on 'table' (std::map<int, int>): write ('emplace') with no lock held, made concurrently by several threads [maprace-unguarded-access]
void run() {
  std::thread a(fill);
  std::thread b(fill);
  a.join();
  b.join();
}
} // namespace two_writers_bad

// Same, fill holds mu.
namespace two_writers_ok {
std::map<int, int> table;
std::mutex mu;
void fill() {
  std::lock_guard<std::mutex> l(mu);
  table.emplace(1, 1);
}
void run() {
  std::thread a(fill);
  std::thread b(fill);
  a.join();
  b.join();
}
} // namespace two_writers_ok
