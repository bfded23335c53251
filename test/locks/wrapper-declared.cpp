// RUN: %maprace %s -- -std=c++20 | %check %s
// Project mutex wrappers whose bodies live in another translation unit
// (declared only), recognised by shape: a class with a Lock-like and an
// Unlock-like member is a mutex, and those members lock/unlock the object
// they are called on. The lock is named after the wrapper object.
#include <map>
#include <mutex>
#include <thread>

class SpinLock {
public:
  void Lock();
  void Unlock();
  bool TryLock();
};
class RWLock {
public:
  void ReaderLock();
  void ReaderUnlock();
  void WriterLock();
  void WriterUnlock();
};
// BasicLockable spelling, used through std::lock_guard.
class SpinMutex {
public:
  void lock();
  void unlock();
};
// Acquire()/Release() alone do not make a mutex (pools, ref counts).
class BufferPool {
public:
  void Acquire();
  void Release();
};

// Put holds the SpinLock member; Get reads without it.
namespace lock_unlock_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: wrapper-declared.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: wrapper-declared.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK: wrapper-declared.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  SpinLock mu_;
  std::map<int, int> m_;
};
} // namespace lock_unlock_bad

// Same, Get locks too.
namespace lock_unlock_ok {
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
  SpinLock mu_;
  std::map<int, int> m_;
};
} // namespace lock_unlock_ok

// Reader side unlocks before reading; the release is a note.
namespace reader_writer_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.WriterLock();
    m_[k] = v;
    mu_.WriterUnlock();
  }
  int Get(int k) {
    mu_.ReaderLock();
    mu_.ReaderUnlock();
    return m_.count(k);
    // CHECK: wrapper-declared.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: wrapper-declared.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: wrapper-declared.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: wrapper-declared.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  RWLock mu_;
  std::map<int, int> m_;
};
} // namespace reader_writer_bad

// Reads under ReaderLock, writes under WriterLock.
namespace reader_writer_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.WriterLock();
    m_[k] = v;
    mu_.WriterUnlock();
  }
  int Get(int k) {
    mu_.ReaderLock();
    int n = m_.count(k);
    mu_.ReaderUnlock();
    return n;
  }

private:
  RWLock mu_;
  std::map<int, int> m_;
};
} // namespace reader_writer_ok

// TryLock() failed: the read in that branch holds nothing.
namespace try_lock_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) {
    if (!mu_.TryLock())
      return m_.count(k);
    // CHECK: wrapper-declared.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

    int n = m_.count(k);
    mu_.Unlock();
    return n;
  }

private:
  SpinLock mu_;
  std::map<int, int> m_;
};
} // namespace try_lock_bad

// Reads only where TryLock() succeeded.
namespace try_lock_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) {
    if (mu_.TryLock()) {
      int n = m_.count(k);
      mu_.Unlock();
      return n;
    }
    return -1;
  }

private:
  SpinLock mu_;
  std::map<int, int> m_;
};
} // namespace try_lock_ok

// A global SpinLock guards the thread's write; the spawner reads without it.
namespace global_bad {
SpinLock g_mu;
std::map<int, int> g;
void writer() {
  g_mu.Lock();
  g[1] = 2;
  g_mu.Unlock();
}
int run() {
  std::thread t(writer);
  int n = g.size();
  // CHECK: wrapper-declared.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'g_mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  t.join();
  return n;
}
} // namespace global_bad

// Same, both sides lock g_mu.
namespace global_ok {
SpinLock g_mu;
std::map<int, int> g;
void writer() {
  g_mu.Lock();
  g[1] = 2;
  g_mu.Unlock();
}
int run() {
  std::thread t(writer);
  g_mu.Lock();
  int n = g.size();
  g_mu.Unlock();
  t.join();
  return n;
}
} // namespace global_ok

// std::lock_guard over a declared-only lock()/unlock() class; Get takes no
// lock.
namespace std_guard_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<SpinMutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: wrapper-declared.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  SpinMutex mu_;
  std::map<int, int> m_;
};
} // namespace std_guard_bad

// Same, Get uses the guard too.
namespace std_guard_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<SpinMutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<SpinMutex> l(mu_);
    return m_.count(k);
  }

private:
  SpinMutex mu_;
  std::map<int, int> m_;
};
} // namespace std_guard_ok

// A pool's Acquire()/Release() is not a lock, so the class takes no lock
// and is not meant to be shared: silent (the ok side of the shape rule).
namespace acquire_release_not_a_mutex_ok {
class Cache {
public:
  void Put(int k, int v) {
    pool_.Acquire();
    m_[k] = v;
    pool_.Release();
  }
  int Get(int k) { return m_.count(k); }

private:
  BufferPool pool_;
  std::map<int, int> m_;
};
} // namespace acquire_release_not_a_mutex_ok
