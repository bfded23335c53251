// RUN: %maprace %s -- -std=c++20 | %check %s
// The mutex pointer returned by unique_lock::release() is the guard's
// mutex: unlocking through it releases the lock.
// release() hands the still-locked mutex back; unlocking it through the
// returned pointer leaves the erase unguarded.
#include <map>
#include <mutex>

// release() hands the still-locked mutex back; unlocking it through the
// returned pointer leaves the erase unguarded.
namespace release_pointer_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::mutex *held;
    {
      std::unique_lock<std::mutex> lk(mu_);
      held = lk.release();
    }
    m_[k] = v;
    held->unlock();
    m_.erase(k + 1);
    // CHECK: std-unique-lock-release-pointer.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-release-pointer.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-release-pointer.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }
};
} // namespace release_pointer_bad

// Twin: both writes before the unlock through the returned pointer.
namespace release_pointer_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::mutex *held;
    {
      std::unique_lock<std::mutex> lk(mu_);
      held = lk.release();
    }
    m_[k] = v;
    m_.erase(k + 1);
    held->unlock();
  }
};
} // namespace release_pointer_ok
