// RUN: %maprace %s -- -std=c++20 | %check %s
// A project mutex wrapper with visible bodies (class Mutex { std::mutex
// mu_; void Lock() { mu_.lock(); } ... }) is named after the wrapper object
// ('mu_', 'g_mu'), not its private member. The racy twins of
// wrapper-visible.cpp.
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
// BasicLockable spelling, for std::lock_guard.
class BasicMutex {
  std::mutex mu_;

public:
  void lock() { mu_.lock(); }
  void unlock() { mu_.unlock(); }
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }

private:
  Mutex *mu_;
};
class MutexLockRef {
public:
  explicit MutexLockRef(Mutex &mu) : mu_(mu) { mu_.Lock(); }
  ~MutexLockRef() { mu_.Unlock(); }

private:
  Mutex &mu_;
};
class PosixMutex {
public:
  PosixMutex() { pthread_mutex_init(&mu_, nullptr); }
  ~PosixMutex() { pthread_mutex_destroy(&mu_); }
  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }

private:
  pthread_mutex_t mu_;
};
class Locker {
public:
  void Lock() { mu_.lock(); }
  void UnLock() { mu_.unlock(); }

private:
  std::mutex mu_;
};
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

// Put locks the wrapper directly; Get reads without it.
namespace direct_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace direct_bad

// The pointer holder's scope ends before the read; the end of its scope is
// the release note.
namespace holder_pointer_bad {
class Cache {
public:
  void Put(int k, int v) {
    MutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    { MutexLock l(&mu_); }
    return m_.count(k);
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-4]]:26: note: 'mu_' is released here, before the access
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace holder_pointer_bad

// The reference holder guards Put; Get takes no lock.
namespace holder_reference_bad {
class Cache {
public:
  void Put(int k, int v) {
    MutexLockRef l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace holder_reference_bad

// A global Mutex held by the thread through the holder; the spawner reads
// without it.
namespace holder_global_bad {
Mutex g_mu;
std::map<int, int> g;
void writer() {
  MutexLock l(&g_mu);
  g[1] = 1;
}
int run() {
  std::thread t(writer);
  int n = g.size();
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'g_mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-6]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'g_mu'
  t.join();
  return n;
}
} // namespace holder_global_bad

// The pthread-based wrapper guards Put; Get takes no lock.
namespace posix_wrapper_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  PosixMutex mu_;
  std::map<int, int> m_;
};
} // namespace posix_wrapper_bad

// UnLock() before the read.
namespace unlock_spelling_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.UnLock();
  }
  int Get(int k) {
    mu_.Lock();
    mu_.UnLock();
    return m_.count(k);
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }

private:
  Locker mu_;
  std::map<int, int> m_;
};
} // namespace unlock_spelling_bad

// The read after Release() is unguarded.
namespace releasable_bad {
class Cache {
public:
  void Put(int k, int v) {
    ReleasableMutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    ReleasableMutexLock l(&mu_);
    int n = m_.count(k);
    l.Release();
    return n + m_.size();
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace releasable_bad

// std::lock_guard<BasicMutex> in Put (lock named 'mu_'), direct
// lock()/unlock() in Get (lock named 'mu_.mu_'): the read after Unlock() is reported, but
// the release note is missing because the two spellings differ.
namespace guard_and_direct_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<BasicMutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n + m_.size();
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-visible-lock-name.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }

private:
  BasicMutex mu_;
  std::map<int, int> m_;
};
} // namespace guard_and_direct_bad
