// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Loops locked through the project's own wrappers: a Mutex class with
// Lock()/Unlock() members around std::mutex, RAII holders built on it, a
// holder that releases the lock for its scope, and a releasable holder.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <vector>

void Flush(int value);

class Mutex {
  std::mutex m_;

public:
  void Lock() { m_.lock(); }
  void Unlock() { m_.unlock(); }
};

// Holds the mutex for its scope.
class MutexLock {
  Mutex &mu_;

public:
  explicit MutexLock(Mutex &mu) : mu_(mu) { mu_.Lock(); }
  ~MutexLock() { mu_.Unlock(); }
};

// Releases a held mutex for its scope and takes it again on exit.
class MutexUnlock {
  Mutex &mu_;

public:
  explicit MutexUnlock(Mutex &mu) : mu_(mu) { mu_.Unlock(); }
  ~MutexUnlock() { mu_.Lock(); }
};

// Holds the mutex until Release() or the end of its scope.
class ReleasableMutexLock {
  Mutex *mu_;

public:
  explicit ReleasableMutexLock(Mutex &mu) : mu_(&mu) { mu_->Lock(); }
  void Release() {
    mu_->Unlock();
    mu_ = nullptr;
  }
  ~ReleasableMutexLock() {
    if (mu_)
      mu_->Unlock();
  }
};

// A reader/writer wrapper around std::shared_mutex.
class RWMutex {
  std::shared_mutex m_;

public:
  void Lock() { m_.lock(); }
  void Unlock() { m_.unlock(); }
  void ReaderLock() { m_.lock_shared(); }
  void ReaderUnlock() { m_.unlock_shared(); }
};

// The loop calls the wrapper's Unlock() and Lock() around slow work (notes in
// full).
namespace wrapper_unlock_bad {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  void Purge() {
    mu_.Lock();
    for (const auto &kv : m_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: wrappers.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: wrappers.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: wrappers.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = kv.second;
      mu_.Unlock();
      Flush(v);
      mu_.Lock();
    }
    mu_.Unlock();
  }
};
} // namespace wrapper_unlock_bad

// Lock() before the loop, Unlock() after it.
namespace wrapper_unlock_ok {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  int Total() {
    mu_.Lock();
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    mu_.Unlock();
    return sum;
  }
};
} // namespace wrapper_unlock_ok

// The loop takes no lock while the writer holds the wrapper.
namespace wrapper_no_lock_bad {
class Cache {
  Mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    MutexLock l(mu_);
    v_.push_back(x);
  }
  int Total() {
    int sum = 0;
    for (auto it = v_.begin(); it != v_.end(); ++it)
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Cache::Add' holds it [maprace-iteration-mutation]
      sum += *it;
    return sum;
  }
};
} // namespace wrapper_no_lock_bad

// MutexLock held across the iterator loop.
namespace wrapper_no_lock_ok {
class Cache {
  Mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    MutexLock l(mu_);
    v_.push_back(x);
  }
  int Total() {
    MutexLock l(mu_);
    int sum = 0;
    for (auto it = v_.begin(); it != v_.end(); ++it)
      sum += *it;
    return sum;
  }
};
} // namespace wrapper_no_lock_ok

// MutexLock inside the body: held only per iteration.
namespace holder_per_iteration_bad {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' holds it [maprace-iteration-mutation]
      MutexLock l(mu_);
      sum += kv.second;
    }
    return sum;
  }
};
} // namespace holder_per_iteration_bad

// MutexLock in the enclosing scope.
namespace holder_per_iteration_ok {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  int Total() {
    MutexLock l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace holder_per_iteration_ok

// A MutexUnlock holder releases mu_ for the rest of the body (the note is on
// its declaration).
namespace scoped_unlock_bad {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  void Purge() {
    MutexLock l(mu_);
    for (const auto &kv : m_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: wrappers.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: wrappers.cpp:[[@LINE+3]]:19: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: wrappers.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = kv.second;
      MutexUnlock u(mu_);
      Flush(v);
    }
  }
};
} // namespace scoped_unlock_bad

// MutexUnlock only after the loop, around the slow work on a copy.
namespace scoped_unlock_ok {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  void Purge() {
    MutexLock l(mu_);
    std::vector<int> pending;
    for (const auto &kv : m_)
      pending.push_back(kv.second);
    MutexUnlock u(mu_);
    for (int v : pending)
      Flush(v);
  }
};
} // namespace scoped_unlock_ok

// ReleasableMutexLock::Release() on the first match, and the loop goes on
// without the lock.
namespace releasable_bad {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  int Scan() {
    ReleasableMutexLock l(mu_);
    bool held = true;
    int sum = 0;
    for (const auto &kv : m_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: wrappers.cpp:[[@LINE-8]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: wrappers.cpp:[[@LINE+5]]:9: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: wrappers.cpp:[[@LINE-15]]:22: note: 'm_' is declared here
      sum += kv.second;
      if (held && kv.second < 0) {
        held = false;
        l.Release();
      }
    }
    return sum;
  }
};
} // namespace releasable_bad

// Release() after the loop.
namespace releasable_ok {
class Cache {
  Mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    MutexLock l(mu_);
    m_[k] = v;
  }
  int Scan() {
    ReleasableMutexLock l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    l.Release();
    return sum;
  }
};
} // namespace releasable_ok

// A custom holder over std::mutex that unlocks for its scope.
namespace std_unlocker_bad {
class Unlocker {
  std::mutex &mu_;

public:
  explicit Unlocker(std::mutex &mu) : mu_(mu) { mu_.unlock(); }
  ~Unlocker() { mu_.lock(); }
};
class Cache {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Purge() {
    std::lock_guard<std::mutex> l(mu_);
    for (int x : v_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) releases 'mu_' inside its body, so the concurrent write ('push_back') in 'Cache::Add' can change it between iterations [maprace-iteration-mutation]
      Unlocker u(mu_);
      Flush(x);
    }
  }
};
} // namespace std_unlocker_bad

// The Unlocker around the slow work after the loop.
namespace std_unlocker_ok {
class Unlocker {
  std::mutex &mu_;

public:
  explicit Unlocker(std::mutex &mu) : mu_(mu) { mu_.unlock(); }
  ~Unlocker() { mu_.lock(); }
};
class Cache {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Purge() {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<int> copy(v_);
    Unlocker u(mu_);
    for (int x : copy)
      Flush(x);
  }
};
} // namespace std_unlocker_ok

// A reader-lock wrapper: ReaderUnlock() inside the loop.
namespace reader_wrapper_bad {
class Cache {
  RWMutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  void Report() {
    mu_.ReaderLock();
    for (const auto &kv : m_) {
      // CHECK: wrappers.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      int v = kv.second;
      mu_.ReaderUnlock();
      Flush(v);
      mu_.ReaderLock();
    }
    mu_.ReaderUnlock();
  }
};
} // namespace reader_wrapper_bad

// ReaderLock() held across the loop: shared mode is enough.
namespace reader_wrapper_ok {
class Cache {
  RWMutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  void Report() {
    mu_.ReaderLock();
    for (const auto &kv : m_)
      Flush(kv.second);
    mu_.ReaderUnlock();
  }
};
} // namespace reader_wrapper_ok
