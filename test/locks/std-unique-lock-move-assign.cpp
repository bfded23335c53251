// RUN: %maprace %s -- -std=c++20 | %check %s
// Move-assigning a unique_lock (from a named lock or a temporary) moves
// the ownership: the moved-from lock releases nothing, the target releases
// when it dies.
#include <map>
#include <mutex>
#include <utility>

// The lock moves into `inner`, which dies at the end of the block; the erase
// after it holds nothing.
namespace move_assign_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    {
      std::unique_lock<std::mutex> inner;
      inner = std::move(lk);
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-unique-lock-move-assign.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-move-assign.cpp:[[@LINE-4]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-move-assign.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }
};
} // namespace move_assign_bad

// The lock moves into `outer`, which lives to the end of the function: both
// writes are guarded even though `lk` died first. Must stay silent.
namespace move_assign_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> outer;
    {
      std::unique_lock<std::mutex> lk(mu_);
      outer = std::move(lk);
    }
    m_[k] = v;
    m_.erase(k + 1);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace move_assign_ok

// A temporary unique_lock is move-assigned into `lk` after the write.
namespace temp_assign_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk;
    m_[k] = v;
    // CHECK: std-unique-lock-move-assign.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    lk = std::unique_lock<std::mutex>(mu_);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace temp_assign_bad

// A temporary unique_lock is move-assigned into `lk` before the write: `lk`
// holds the mutex to the end of the function. Must stay silent.
namespace temp_assign_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk;
    lk = std::unique_lock<std::mutex>(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace temp_assign_ok
