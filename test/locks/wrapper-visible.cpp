// RUN: %maprace %s -- -std=c++20 | %check %s
// Project mutex wrappers and RAII holders with VISIBLE bodies, understood
// through their summaries: Mutex::Lock() locks the std::mutex inside,
// MutexLock's constructor/destructor call Lock()/Unlock() on the mutex it
// was given (by pointer or by reference), a wrapper over pthread_mutex_t, an
// unlock spelled UnLock(), and ReleasableMutexLock::Release().
//
// Most namespaces here are the correctly synchronized twins, which must stay
// silent. Their racy twins are in wrapper-visible-lock-name.pending: they are
// found today, but the lock is named after the wrapper's private member
// ('mu_.mu_') instead of the wrapper object ('mu_'). The RAII holder over a
// raw pthread_mutex_t* (PosixLock) has no such member, and both its twins
// are here.
#include <map>
#include <mutex>
#include <pthread.h>
#include <thread>

class Mutex {
  std::mutex mu_;

public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
};

// RAII holder by pointer.
class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }

private:
  Mutex *mu_;
};

// RAII holder by reference.
class MutexLockRef {
public:
  explicit MutexLockRef(Mutex &mu) : mu_(mu) { mu_.Lock(); }
  ~MutexLockRef() { mu_.Unlock(); }

private:
  Mutex &mu_;
};

// Wrapper over a pthread mutex.
class PosixMutex {
public:
  PosixMutex() { pthread_mutex_init(&mu_, nullptr); }
  ~PosixMutex() { pthread_mutex_destroy(&mu_); }
  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }

private:
  pthread_mutex_t mu_;
};

// RAII holder over a raw pthread mutex.
class PosixLock {
public:
  explicit PosixLock(pthread_mutex_t *m) : m_(m) { pthread_mutex_lock(m_); }
  ~PosixLock() { pthread_mutex_unlock(m_); }

private:
  pthread_mutex_t *m_;
};

// Unlock spelled UnLock().
class Locker {
public:
  void Lock() { mu_.lock(); }
  void UnLock() { mu_.unlock(); }

private:
  std::mutex mu_;
};

// Holder that can unlock early.
class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~ReleasableMutexLock() {
    if (mu_)
      mu_->Unlock();
  }
  void Release() {
    mu_->Unlock();
    mu_ = nullptr;
  }

private:
  Mutex *mu_;
};

// Direct Lock()/Unlock() on both sides.
namespace direct_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) {
    mu_.Lock();
    int n = m_.count(k);
    mu_.Unlock();
    return n;
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace direct_ok

// The pointer holder on both sides.
namespace holder_pointer_ok {
class Cache {
public:
  void Put(int k, int v) {
    MutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    MutexLock l(&mu_);
    return m_.count(k);
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace holder_pointer_ok

// The reference holder on one side, direct calls on the other: same lock.
namespace holder_reference_ok {
class Cache {
public:
  void Put(int k, int v) {
    MutexLockRef l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.Lock();
    int n = m_.count(k);
    mu_.Unlock();
    return n;
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace holder_reference_ok

// Pointer and reference holders over a global Mutex, thread and spawner.
namespace holder_global_ok {
Mutex g_mu;
std::map<int, int> g;
void writer() {
  MutexLock l(&g_mu);
  g[1] = 1;
}
int run() {
  std::thread t(writer);
  int n;
  {
    MutexLockRef l(g_mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace holder_global_ok

// The pthread-based wrapper on both sides.
namespace posix_wrapper_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) {
    mu_.Lock();
    int n = m_.count(k);
    mu_.Unlock();
    return n;
  }

private:
  PosixMutex mu_;
  std::map<int, int> m_;
};
} // namespace posix_wrapper_ok

// The pthread holder's scope ends before the read; the end of its scope is
// the release note.
namespace posix_holder_bad {
class Cache {
public:
  void Put(int k, int v) {
    PosixLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    { PosixLock l(&mu_); }
    return m_.count(k);
    // CHECK: wrapper-visible.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-visible.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-visible.cpp:[[@LINE-4]]:26: note: 'mu_' is released here, before the access
    // CHECK: wrapper-visible.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace posix_holder_bad

// Same, the holder lives until the return.
namespace posix_holder_ok {
class Cache {
public:
  void Put(int k, int v) {
    PosixLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    PosixLock l(&mu_);
    return m_.count(k);
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace posix_holder_ok

// UnLock() ends the critical section only after the read.
namespace unlock_spelling_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.UnLock();
  }
  int Get(int k) {
    mu_.Lock();
    int n = m_.count(k);
    mu_.UnLock();
    return n;
  }

private:
  Locker mu_;
  std::map<int, int> m_;
};
} // namespace unlock_spelling_ok

// Every access before Release().
namespace releasable_ok {
class Cache {
public:
  void Put(int k, int v) {
    ReleasableMutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    ReleasableMutexLock l(&mu_);
    int n = m_.count(k) + m_.size();
    l.Release();
    return n;
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace releasable_ok
