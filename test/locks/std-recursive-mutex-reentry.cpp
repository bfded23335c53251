// RUN: %maprace %s -- -std=c++20 | %check %s
// Re-entrant locking of a std::recursive_mutex is counted: an inner
// release leaves the outer level held.
#include <map>
#include <mutex>

// The erase runs after the outer lock_guard has died too.
namespace nested_guard_bad {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    {
      std::lock_guard<std::recursive_mutex> outer(mu_);
      {
        std::lock_guard<std::recursive_mutex> inner(mu_);
        m_[k] = v;
      }
    }
    m_.erase(k + 1);
    // CHECK: std-recursive-mutex-reentry.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace nested_guard_bad

// The inner guard's destructor leaves the outer one's hold: the erase is
// guarded. Must stay silent.
namespace nested_guard_ok {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::recursive_mutex> outer(mu_);
    {
      std::lock_guard<std::recursive_mutex> inner(mu_);
      m_[k] = v;
    }
    m_.erase(k + 1);
  }
};
} // namespace nested_guard_ok

// Locked twice, unlocked twice: the erase after the second unlock() holds
// nothing.
namespace manual_twice_bad {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
    mu_.unlock();
    m_.erase(k + 1);
    // CHECK: std-recursive-mutex-reentry.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace manual_twice_bad

// Locked twice, unlocked once: the erase still holds one level. Must stay
// silent.
namespace manual_twice_ok {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
    m_.erase(k + 1);
    mu_.unlock();
  }
};
} // namespace manual_twice_ok
