// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// Lock effects that cross function boundaries: a helper that releases the
// caller's lock in the middle (and takes it again), a helper that only
// releases it, and lock()/unlock() done in separate Lock()/Unlock() helpers.
#include <map>
#include <mutex>

void slow();

// A ...Locked helper drops the caller's lock around a slow call and touches
// the map before taking it again: the erase is unguarded.
namespace release_in_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Refresh(int k) {
    std::lock_guard<std::mutex> l(mu_);
    RefreshLocked(k);
  }

private:
  void RefreshLocked(int k) {
    mu_.unlock();
    slow();
    m_.erase(k);
    // CHECK: lock-helpers.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-13]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-5]]:5: note: 'mu_' is released here, before the access
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE+4]]:22: note: 'm_' is declared here
    mu_.lock();
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace release_in_helper_bad

// Same, the helper takes the lock again before the erase.
namespace release_in_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Refresh(int k) {
    std::lock_guard<std::mutex> l(mu_);
    RefreshLocked(k);
  }

private:
  void RefreshLocked(int k) {
    mu_.unlock();
    slow();
    mu_.lock();
    m_.erase(k);
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace release_in_helper_ok

// A Pause() helper releases and re-takes the caller's lock; the caller's
// access after the call is still guarded.
namespace pause_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Refresh(int k) {
    std::unique_lock<std::mutex> l(mu_);
    Pause();
    m_.erase(k);
  }

private:
  void Pause() {
    mu_.unlock();
    slow();
    mu_.lock();
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace pause_helper_ok

// A Drop() helper releases the caller's lock and returns: the caller's
// erase after the call is unguarded; the release note points at the call.
namespace drop_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Refresh(int k) {
    mu_.lock();
    Drop();
    m_.erase(k);
    // CHECK: lock-helpers.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE+6]]:22: note: 'm_' is declared here
  }

private:
  void Drop() { mu_.unlock(); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace drop_helper_bad

// Same, the caller takes the lock again after Drop() returns.
namespace drop_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Refresh(int k) {
    mu_.lock();
    Drop();
    mu_.lock();
    m_.erase(k);
    mu_.unlock();
  }

private:
  void Drop() { mu_.unlock(); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace drop_helper_ok

// lock()/unlock() wrapped in Lock()/Unlock() helpers of the class: every
// access between the two calls is guarded.
namespace lock_unlock_helpers_ok {
class Cache {
public:
  void Put(int k, int v) {
    Lock();
    m_[k] = v;
    Unlock();
  }
  int Get(int k) {
    Lock();
    int n = m_.count(k);
    Unlock();
    return n;
  }

private:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace lock_unlock_helpers_ok

// Same helpers, Get reads after Unlock(): reported, with the release at the
// Unlock() call.
namespace lock_unlock_helpers_bad {
class Cache {
public:
  void Put(int k, int v) {
    Lock();
    m_[k] = v;
    Unlock();
  }
  int Get(int k) {
    Lock();
    Unlock();
    return m_.count(k);
    // CHECK: lock-helpers.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK-NEXT: lock-helpers.cpp:[[@LINE+7]]:22: note: 'm_' is declared here
  }

private:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace lock_unlock_helpers_bad

// Lock()/Unlock() helpers around a call to a ...Locked helper: the helper
// inherits the lock taken by the Lock() helper.
namespace lock_helper_and_locked_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    Lock();
    PutLocked(k, v);
    Unlock();
  }
  int Get(int k) {
    Lock();
    int n = m_.count(k);
    Unlock();
    return n;
  }

private:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
  void PutLocked(int k, int v) { m_[k] = v; }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace lock_helper_and_locked_helper_ok

// Same, Put calls the ...Locked helper before Lock(): Get's locked read is
// the partner of the helper's unguarded write.
namespace lock_helper_and_locked_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    PutLocked(k, v);
    Lock();
    Unlock();
  }
  int Get(int k) {
    Lock();
    int n = m_.count(k);
    Unlock();
    return n;
  }

private:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
  void PutLocked(int k, int v) { m_[k] = v; }
  // CHECK: lock-helpers.cpp:[[@LINE-1]]:34: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  // CHECK-NEXT: lock-helpers.cpp:[[@LINE-10]]:13: note: conflicting read ('count') in 'Cache::Get', holding 'mu_'
  // CHECK-NEXT: lock-helpers.cpp:[[@LINE+2]]:22: note: 'm_' is declared here
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace lock_helper_and_locked_helper_bad
