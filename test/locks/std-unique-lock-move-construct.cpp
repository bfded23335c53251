// RUN: %maprace %s -- -std=c++20 | %check %s
// Move-constructing a unique_lock moves the ownership: the lock is released
// when the new lock dies.
#include <map>
#include <mutex>
#include <utility>

// The lock moves into `inner` and is released when `inner` dies; `lk` is
// moved-from and releases nothing, so the erase holds no lock.
namespace move_construct_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    {
      std::unique_lock<std::mutex> inner(std::move(lk));
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-unique-lock-move-construct.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-move-construct.cpp:[[@LINE-4]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-move-construct.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }
};
} // namespace move_construct_bad

// Twin: the moved-to lock lives to the end of the function.
namespace move_construct_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    std::unique_lock<std::mutex> other(std::move(lk));
    m_[k] = v;
    m_.erase(k + 1);
  }
};
} // namespace move_construct_ok
