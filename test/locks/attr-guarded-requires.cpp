// RUN: %maprace %s -- -std=c++20 | %check %s
// guarded_by(mu_) on a container declares it shared and protected by mu_;
// requires_capability(mu_) / requires_shared_capability(mu_) on a function
// means its accesses hold mu_ (in that mode).
#include <map>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define GUARDED_BY(x) __attribute__((guarded_by(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))
#define REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mu {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
};
class SCOPED_CAPABILITY Hold {
public:
  explicit Hold(Mu *mu) ACQUIRE(mu);
  ~Hold() RELEASE();
};
class SCOPED_CAPABILITY ReaderHold {
public:
  explicit ReaderHold(Mu *mu) ACQUIRE_SHARED(mu);
  ~ReaderHold() RELEASE();
};

// A guarded_by container written without its mutex.
namespace guarded_by_bad {
class Cache {
public:
  void Put(int k, int v) { m_[k] = v; }
  int Get(int k) {
    Hold h(&mu_);
    return m_.count(k);
  }
  // CHECK: attr-guarded-requires.cpp:[[@LINE-5]]:28: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  // CHECK: attr-guarded-requires.cpp:[[@LINE-3]]:12: note: conflicting read ('count') in 'Cache::Get', holding 'mu_'
  // CHECK: attr-guarded-requires.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  Mu mu_;
  std::map<int, int> m_ GUARDED_BY(mu_);
};
} // namespace guarded_by_bad

// Same, both sides hold mu_.
namespace guarded_by_ok {
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
  std::map<int, int> m_ GUARDED_BY(mu_);
};
} // namespace guarded_by_ok

// Without guarded_by and without any lock, the class is not meant to be
// shared: silent.
namespace not_guarded_ok {
class Cache {
public:
  void Put(int k, int v) { m_[k] = v; }
  int Get(int k) { return m_.count(k); }

private:
  std::map<int, int> m_;
};
} // namespace not_guarded_ok

// A guarded_by global written by a thread without g_mu.
namespace guarded_global_bad {
Mu g_mu;
std::map<int, int> g GUARDED_BY(g_mu);
void writer() { g[1] = 1; }
// CHECK: attr-guarded-requires.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'g_mu'; the conflicting read in 'run' holds it [maprace-unguarded-access]

int run() {
  std::thread t(writer);
  int n;
  {
    Hold h(&g_mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace guarded_global_bad

// Same, the thread holds g_mu too.
namespace guarded_global_ok {
Mu g_mu;
std::map<int, int> g GUARDED_BY(g_mu);
void writer() {
  Hold h(&g_mu);
  g[1] = 1;
}
int run() {
  std::thread t(writer);
  int n;
  {
    Hold h(&g_mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace guarded_global_ok

// PutLocked requires mu_ (it is an API entry of its own: nobody in the file
// calls it); Get reads without mu_.
namespace requires_bad {
class Cache {
public:
  void PutLocked(int k, int v) REQUIRES(mu_) { m_[k] = v; }
  int Get(int k) { return m_.count(k); }
  // CHECK: attr-guarded-requires.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::PutLocked' holds it [maprace-unguarded-access]
  // CHECK: attr-guarded-requires.cpp:[[@LINE-3]]:48: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::PutLocked', holding 'mu_'
  // CHECK: attr-guarded-requires.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace requires_bad

// Same, Get holds mu_; PutLocked's accesses hold it by contract.
namespace requires_ok {
class Cache {
public:
  void PutLocked(int k, int v) REQUIRES(mu_) { m_[k] = v; }
  void Put(int k, int v) {
    Hold h(&mu_);
    PutLocked(k, v);
  }
  int Get(int k) {
    Hold h(&mu_);
    return m_.count(k);
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace requires_ok

// GetLocked requires mu_ shared; Put writes without any lock.
namespace requires_shared_bad {
class Cache {
public:
  void Put(int k, int v) { m_[k] = v; }
  // CHECK: attr-guarded-requires.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::GetLocked' holds it [maprace-unguarded-access]

  int GetLocked(int k) REQUIRES_SHARED(mu_) { return m_.count(k); }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace requires_shared_bad

// Same, Put holds mu_ exclusively: reads under the shared requirement and
// writes under the exclusive lock share mu_.
namespace requires_shared_ok {
class Cache {
public:
  void Put(int k, int v) {
    Hold h(&mu_);
    m_[k] = v;
  }
  int GetLocked(int k) REQUIRES_SHARED(mu_) { return m_.count(k); }
  int Get(int k) {
    ReaderHold h(&mu_);
    return GetLocked(k);
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace requires_shared_ok
