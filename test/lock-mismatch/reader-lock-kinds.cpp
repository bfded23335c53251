// RUN: %maprace %s -config="{CheckOptions: {ReaderLockTypes: 'proj::ReadHold'}}" -- -std=c++20 | %check %s
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-lock-mismatch -config="{CheckOptions: {maprace-lock-mismatch.ReaderLockTypes: 'proj::ReadHold'}}" %s -- -std=c++20 | %check %s
// Every way of taking a reader lock makes a write under it a race: manual
// lock_shared()/try_lock_shared(), shared_timed_mutex's timed shared locks,
// a deferred shared_lock locked later, pthread_rwlock_rdlock, Clang
// capability attributes (acquire_shared_capability on a method or a
// scoped_lockable holder, requires_shared_capability on a helper),
// absl::ReaderMutexLock, and a project holder named by ReaderLockTypes.
// Each _ok twin writes under the exclusive form of the same lock.
#include <chrono>
#include <map>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <string>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mu {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
};

class SCOPED_CAPABILITY ReaderHold {
public:
  explicit ReaderHold(Mu *mu) ACQUIRE_SHARED(mu);
  ~ReaderHold() RELEASE();
};

class SCOPED_CAPABILITY WriterHold {
public:
  explicit WriterHold(Mu *mu) ACQUIRE(mu);
  ~WriterHold() RELEASE();
};

// absl's shapes, declared only: maprace knows these names.
namespace absl {
class Mutex {
public:
  void Lock();
  void Unlock();
  void ReaderLock();
  void ReaderUnlock();
};
class MutexLock {
public:
  explicit MutexLock(Mutex *mu);
  ~MutexLock();
};
class ReaderMutexLock {
public:
  explicit ReaderMutexLock(Mutex *mu);
  ~ReaderMutexLock();
};
} // namespace absl

// A project reader holder, known only through the ReaderLockTypes option.
namespace proj {
class ReadHold {
public:
  explicit ReadHold(std::shared_mutex &mu);
  ~ReadHold();
};
} // namespace proj

// lock_shared() ... unlock_shared() around a write.
namespace lock_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    mu_.lock_shared();
    int n = m_.count(k);
    mu_.unlock_shared();
    return n;
  }
  void Put(int k, int v) {
    mu_.lock_shared();
    m_[k] = v;
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
    mu_.unlock_shared();
  }
};
} // namespace lock_shared_bad

// lock() ... unlock() around the write.
namespace lock_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    mu_.lock_shared();
    int n = m_.count(k);
    mu_.unlock_shared();
    return n;
  }
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
};
} // namespace lock_shared_ok

// A write where try_lock_shared() succeeded.
namespace try_lock_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  bool TryRemove(int k) {
    if (!mu_.try_lock_shared())
      return false;
    m_.erase(k);
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); 'Cache::TryRemove' may run on several threads at once [maprace-lock-mismatch]
    mu_.unlock_shared();
    return true;
  }
};
} // namespace try_lock_shared_bad

// A write where try_lock() succeeded.
namespace try_lock_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  bool TryRemove(int k) {
    if (!mu_.try_lock())
      return false;
    m_.erase(k);
    mu_.unlock();
    return true;
  }
};
} // namespace try_lock_shared_ok

// shared_timed_mutex::try_lock_shared_for, then a write.
namespace timed_shared_bad {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    if (mu_.try_lock_shared_for(std::chrono::milliseconds(5))) {
      m_.insert_or_assign(k, v);
      // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('insert_or_assign') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
      mu_.unlock_shared();
    }
  }
};
} // namespace timed_shared_bad

// shared_timed_mutex::try_lock_for, then the write.
namespace timed_shared_ok {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    if (mu_.try_lock_for(std::chrono::milliseconds(5))) {
      m_.insert_or_assign(k, v);
      mu_.unlock();
    }
  }
};
} // namespace timed_shared_ok

// A deferred shared_lock, locked later, then a write.
namespace deferred_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::shared_lock lk(mu_, std::defer_lock);
    lk.lock();
    m_.insert({k, v});
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('insert') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace deferred_shared_bad

// A deferred unique_lock, locked later, then the write.
namespace deferred_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::unique_lock lk(mu_, std::defer_lock);
    lk.lock();
    m_.insert({k, v});
  }
};
} // namespace deferred_shared_ok

// pthread_rwlock_rdlock, then a write.
namespace pthread_rdlock_bad {
class Cache {
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;

public:
  int Get(int k) {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    return n;
  }
  void Put(int k, int v) {
    pthread_rwlock_rdlock(&mu_);
    m_.emplace(k, v);
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('emplace') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
    pthread_rwlock_unlock(&mu_);
  }
};
} // namespace pthread_rdlock_bad

// pthread_rwlock_wrlock around the write.
namespace pthread_rdlock_ok {
class Cache {
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;

public:
  int Get(int k) {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    return n;
  }
  void Put(int k, int v) {
    pthread_rwlock_wrlock(&mu_);
    m_.emplace(k, v);
    pthread_rwlock_unlock(&mu_);
  }
};
} // namespace pthread_rdlock_ok

// A capability method with acquire_shared_capability, then a write.
namespace attr_method_bad {
class Cache {
  Mu mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    mu_.ReaderLock();
    int n = m_.count(k);
    mu_.ReaderUnlock();
    return n;
  }
  void Remove(int k) {
    mu_.ReaderLock();
    m_.erase(k);
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Remove' may run on several threads at once [maprace-lock-mismatch]
    mu_.ReaderUnlock();
  }
};
} // namespace attr_method_bad

// The acquire_capability method around the write.
namespace attr_method_ok {
class Cache {
  Mu mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    mu_.ReaderLock();
    int n = m_.count(k);
    mu_.ReaderUnlock();
    return n;
  }
  void Remove(int k) {
    mu_.Lock();
    m_.erase(k);
    mu_.Unlock();
  }
};
} // namespace attr_method_ok

// A scoped_lockable holder whose constructor acquires shared, then a write.
namespace attr_scoped_bad {
class Cache {
  Mu mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    ReaderHold h(&mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    ReaderHold h(&mu_);
    m_.try_emplace(k, v);
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('try_emplace') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace attr_scoped_bad

// The exclusive scoped_lockable holder around the write.
namespace attr_scoped_ok {
class Cache {
  Mu mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    ReaderHold h(&mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    WriterHold h(&mu_);
    m_.try_emplace(k, v);
  }
};
} // namespace attr_scoped_ok

// A private helper that requires mu_ only shared writes; its caller holds
// a shared_lock.
namespace requires_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;
  int LookupLocked(int k) REQUIRES_SHARED(mu_) { return m_[k]; }
  // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:57: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::LookupLocked' may run on several threads at once [maprace-lock-mismatch]

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return LookupLocked(k);
  }
  void Put(int k, int v) {
    std::unique_lock lk(mu_);
    m_[k] = v;
  }
};
} // namespace requires_shared_bad

// The helper reads with find(); a writer helper requires mu_ exclusively.
namespace requires_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;
  int LookupLocked(int k) REQUIRES_SHARED(mu_) {
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
  void PutLocked(int k, int v) REQUIRES(mu_) { m_[k] = v; }

public:
  int Get(int k) {
    std::shared_lock lk(mu_);
    return LookupLocked(k);
  }
  void Put(int k, int v) {
    std::unique_lock lk(mu_);
    PutLocked(k, v);
  }
};
} // namespace requires_shared_ok

// absl::ReaderMutexLock, then a write.
namespace absl_reader_bad {
class Cache {
  absl::Mutex mu_;
  std::map<std::string, int> m_;

public:
  int Get(const std::string &k) {
    absl::ReaderMutexLock l(&mu_);
    return m_[k];
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::Get' may run on several threads at once [maprace-lock-mismatch]
  }
  void Put(const std::string &k, int v) {
    absl::MutexLock l(&mu_);
    m_[k] = v;
  }
};
} // namespace absl_reader_bad

// absl::ReaderMutexLock for the find(), absl::MutexLock for the write.
namespace absl_reader_ok {
class Cache {
  absl::Mutex mu_;
  std::map<std::string, int> m_;

public:
  int Get(const std::string &k) {
    absl::ReaderMutexLock l(&mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
  void Put(const std::string &k, int v) {
    absl::MutexLock l(&mu_);
    m_[k] = v;
  }
};
} // namespace absl_reader_ok

// The ReaderLockTypes holder proj::ReadHold, then a write.
namespace option_holder_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    proj::ReadHold h(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    proj::ReadHold h(mu_);
    m_[k] = v;
    // CHECK: reader-lock-kinds.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace option_holder_bad

// proj::ReadHold for the read, lock_guard for the write.
namespace option_holder_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    proj::ReadHold h(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard h(mu_);
    m_[k] = v;
  }
};
} // namespace option_holder_ok
