// RUN: %maprace %s -- -std=c++20 | %check %s
// `scoped_lockable` RAII classes: the constructor's acquire_capability(mu)
// (or acquire_shared_capability) says what is locked, the destructor's
// release_capability() releases it at the end of the scope, and a member
// with release_capability() unlocks early. Bodies are not visible, except in
// the last pair where attributes and bodies coexist.
#include <map>
#include <mutex>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mu {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
};

// Holder taking the mutex by pointer.
class SCOPED_CAPABILITY Hold {
public:
  explicit Hold(Mu *mu) ACQUIRE(mu);
  ~Hold() RELEASE();
};

// Holder taking the mutex by reference, with an early Unlock().
class SCOPED_CAPABILITY RefHold {
public:
  explicit RefHold(Mu &mu) ACQUIRE(mu);
  ~RefHold() RELEASE();
  void Unlock() RELEASE();
};

// Reader holder.
class SCOPED_CAPABILITY ReaderHold {
public:
  explicit ReaderHold(Mu *mu) ACQUIRE_SHARED(mu);
  ~ReaderHold() RELEASE();
};

// The holder's scope ends at the inner block: the read after it holds
// nothing, and the end of the scope is the release note.
namespace scope_end_bad {
class Cache {
public:
  void Put(int k, int v) {
    Hold h(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    { Hold h(&mu_); }
    return m_.count(k);
    // CHECK: attr-scoped.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: attr-scoped.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: attr-scoped.cpp:[[@LINE-4]]:21: note: 'mu_' is released here, before the access
    // CHECK: attr-scoped.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace scope_end_bad

// Same, the holder lives until the return.
namespace scope_end_ok {
class Cache {
public:
  void Put(int k, int v) {
    Hold h(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    Hold h(&mu_);
    return m_.count(k);
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace scope_end_ok

// By-reference holder: the read after h.Unlock() is unguarded.
namespace early_unlock_bad {
class Cache {
public:
  void Put(int k, int v) {
    RefHold h(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    RefHold h(mu_);
    int n = m_.count(k);
    h.Unlock();
    return n + m_.size();
    // CHECK: attr-scoped.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: attr-scoped.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: attr-scoped.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: attr-scoped.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace early_unlock_bad

// Same, every read before h.Unlock().
namespace early_unlock_ok {
class Cache {
public:
  void Put(int k, int v) {
    RefHold h(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    RefHold h(mu_);
    int n = m_.count(k) + m_.size();
    h.Unlock();
    return n;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace early_unlock_ok

// A holder-locked writer and a reader that takes no lock.
namespace reader_hold_bad {
class Cache {
public:
  void Put(int k, int v) {
    Hold h(&mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: attr-scoped.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace reader_hold_bad

// The reader holds mu_ shared through the scoped reader holder.
namespace reader_hold_ok {
class Cache {
public:
  void Put(int k, int v) {
    Hold h(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    ReaderHold h(&mu_);
    return m_.count(k);
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace reader_hold_ok

// Holder over a global capability, mixed with direct Lock()/Unlock().
namespace global_bad {
Mu g_mu;
std::map<int, int> g;
void Put(int k, int v) {
  Hold h(&g_mu);
  g[k] = v;
}
int Get(int k) {
  g_mu.Lock();
  g_mu.Unlock();
  return g.count(k);
  // CHECK: attr-scoped.cpp:[[@LINE-1]]:10: warning: data race on 'g' (std::map<int, int>): read ('count') without holding 'g_mu'; the conflicting write in 'Put' holds it [maprace-unguarded-access]
}
} // namespace global_bad

// Same, the read between Lock() and Unlock().
namespace global_ok {
Mu g_mu;
std::map<int, int> g;
void Put(int k, int v) {
  Hold h(&g_mu);
  g[k] = v;
}
int Get(int k) {
  g_mu.Lock();
  int n = g.count(k);
  g_mu.Unlock();
  return n;
}
} // namespace global_ok

// Attributes on classes whose bodies are visible: the attributes decide, and
// the lock is named after the capability object ('mu_'), not its insides.
class CAPABILITY("mutex") AnnotatedMutex {
  std::mutex impl_;

public:
  void Lock() ACQUIRE() { impl_.lock(); }
  void Unlock() RELEASE() { impl_.unlock(); }
};
class SCOPED_CAPABILITY AnnotatedLock {
  AnnotatedMutex *mu_;

public:
  explicit AnnotatedLock(AnnotatedMutex *mu) ACQUIRE(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~AnnotatedLock() RELEASE() { mu_->Unlock(); }
};

// The read after Lock()/Unlock() is unguarded.
namespace visible_bodies_bad {
class Cache {
public:
  void Put(int k, int v) {
    AnnotatedLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.Lock();
    mu_.Unlock();
    return m_.count(k);
    // CHECK: attr-scoped.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: attr-scoped.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: attr-scoped.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: attr-scoped.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  AnnotatedMutex mu_;
  std::map<int, int> m_ GUARDED_BY(mu_);
};
} // namespace visible_bodies_bad

// Same, the read between Lock() and Unlock().
namespace visible_bodies_ok {
class Cache {
public:
  void Put(int k, int v) {
    AnnotatedLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.Lock();
    int n = m_.count(k);
    mu_.Unlock();
    return n;
  }

private:
  AnnotatedMutex mu_;
  std::map<int, int> m_ GUARDED_BY(mu_);
};
} // namespace visible_bodies_ok
