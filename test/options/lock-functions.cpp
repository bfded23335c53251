// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.LockFunctions: 'proj::EnterCritical;proj::Gate::Enter', maprace-unguarded-access.UnlockFunctions: 'proj::LeaveCritical;proj::EndRead;proj::Gate::Leave', maprace-unguarded-access.SharedLockFunctions: 'proj::BeginRead'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.LockFunctions: 'proj::EnterCritical;proj::Gate::Enter', maprace-unguarded-access.SharedLockFunctions: 'proj::BeginRead'}}" -- -std=c++20 | %check --check-prefix=NOUNLOCK %s
// RUN: %maprace %s -- -std=c++20 | %check --check-prefix=NOOPT %s
// LockFunctions / SharedLockFunctions / UnlockFunctions name declared-only
// project functions that lock, lock shared, or unlock: free functions act on
// their first argument, member functions on the object they are called on.
// Without them, the locked readers below look unlocked (in the NOOPT run:
// false positives in the _ok namespaces, a miss for the member Gate);
// without UnlockFunctions the lock is never released (in the NOUNLOCK run:
// the reads after the unlock are missed).
#include <map>
#include <mutex>
#include <shared_mutex>

namespace proj {
void EnterCritical(std::mutex *mu);
void LeaveCritical(std::mutex *mu);
void BeginRead(std::shared_mutex &mu);
void EndRead(std::shared_mutex &mu);
class Gate {
public:
  void Enter();
  void Leave();
};
} // namespace proj

// Get locks through the free functions, Put through std::lock_guard.
namespace lock_function_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::EnterCritical(&mu_);
    int n = m_.count(k);
    // NOOPT: lock-functions.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    proj::LeaveCritical(&mu_);
    return n;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace lock_function_ok

// LeaveCritical releases mu_: the read after it is unguarded.
namespace unlock_function_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::EnterCritical(&mu_);
    proj::LeaveCritical(&mu_);
    return m_.count(k);
    // CHECK: lock-functions.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: lock-functions.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: lock-functions.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: lock-functions.cpp:[[@LINE+6]]:22: note: 'm_' is declared here
    // NOOPT: lock-functions.cpp:[[@LINE-5]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace unlock_function_bad

// Get reads under the shared-lock function, Put writes under unique_lock.
namespace shared_lock_function_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::BeginRead(mu_);
    int n = m_.count(k);
    // NOOPT: lock-functions.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    proj::EndRead(mu_);
    return n;
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> m_;
};
} // namespace shared_lock_function_ok

// EndRead releases the read lock: the read after it is unguarded.
namespace shared_lock_function_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::BeginRead(mu_);
    proj::EndRead(mu_);
    return m_.count(k);
    // CHECK: lock-functions.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: lock-functions.cpp:[[@LINE-3]]:5: note: 'mu_' is released here, before the access
    // NOOPT: lock-functions.cpp:[[@LINE-3]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> m_;
};
} // namespace shared_lock_function_bad

// Member functions named by the options: Gate::Enter()/Leave() lock the
// gate they are called on; Get takes no lock.
namespace member_function_bad {
class Cache {
public:
  void Put(int k, int v) {
    gate_.Enter();
    m_[k] = v;
    gate_.Leave();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: lock-functions.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'gate_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // NOUNLOCK: lock-functions.cpp:[[@LINE-2]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'gate_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  proj::Gate gate_;
  std::map<int, int> m_;
};
} // namespace member_function_bad

// Same, Get enters the gate too.
namespace member_function_ok {
class Cache {
public:
  void Put(int k, int v) {
    gate_.Enter();
    m_[k] = v;
    gate_.Leave();
  }
  int Get(int k) {
    gate_.Enter();
    int n = m_.count(k);
    gate_.Leave();
    return n;
  }

private:
  proj::Gate gate_;
  std::map<int, int> m_;
};
} // namespace member_function_ok
