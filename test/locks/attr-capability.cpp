// RUN: %maprace %s -- -std=c++20 | %check %s
// Clang thread-safety attributes are ground truth: a `capability("mutex")`
// class whose acquire/release/try-acquire members have no visible body, and
// free functions carrying acquire_capability(g_mu) / acquire_capability(m).
#include <map>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))

// Declared only: the names say nothing, the attributes say everything.
class CAPABILITY("mutex") Mu {
public:
  void Enter() ACQUIRE();
  void Leave() RELEASE();
  void EnterShared() ACQUIRE_SHARED();
  void LeaveShared() RELEASE_SHARED();
  bool TryEnter() TRY_ACQUIRE(true);
};

// Put holds mu_ via Enter(); Get reads without it.
namespace acquire_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: attr-capability.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: attr-capability.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK: attr-capability.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace acquire_bad

// Get reads under acquire_shared_capability: shares mu_ with the writer.
namespace acquire_shared_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) {
    mu_.EnterShared();
    int n = m_.count(k);
    mu_.LeaveShared();
    return n;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace acquire_shared_ok

// release_shared_capability ends the read section: the read after it is
// unguarded, and the release is a note.
namespace release_shared_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) {
    mu_.EnterShared();
    int n = m_.count(k);
    mu_.LeaveShared();
    return n + m_.size();
    // CHECK: attr-capability.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: attr-capability.cpp:[[@LINE-9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: attr-capability.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: attr-capability.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace release_shared_bad

// Same, both reads before LeaveShared().
namespace release_shared_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) {
    mu_.EnterShared();
    int n = m_.count(k) + m_.size();
    mu_.LeaveShared();
    return n;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace release_shared_ok

// try_acquire_capability(true): the `!TryEnter()` branch holds nothing.
namespace try_acquire_bad {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) {
    if (!mu_.TryEnter())
      return m_.count(k);
    // CHECK: attr-capability.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

    int n = m_.count(k);
    mu_.Leave();
    return n;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace try_acquire_bad

// Reads only where TryEnter() returned true.
namespace try_acquire_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Enter();
    m_[k] = v;
    mu_.Leave();
  }
  int Get(int k) {
    if (mu_.TryEnter()) {
      int n = m_.count(k);
      mu_.Leave();
      return n;
    }
    return -1;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace try_acquire_ok

// Free functions with acquire_capability(g_mu)/release_capability(g_mu):
// the thread writes under g_mu, the spawner reads without it.
namespace free_function_bad {
Mu g_mu;
std::map<int, int> g;
void LockG() ACQUIRE(g_mu);
void UnlockG() RELEASE(g_mu);
void writer() {
  LockG();
  g[1] = 1;
  UnlockG();
}
int run() {
  std::thread t(writer);
  int n = g.size();
  // CHECK: attr-capability.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'g_mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK: attr-capability.cpp:[[@LINE-7]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'g_mu'
  // CHECK: attr-capability.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  // CHECK: attr-capability.cpp:[[@LINE-14]]:20: note: 'g' is declared here
  t.join();
  return n;
}
} // namespace free_function_bad

// Same, the spawner calls LockG()/UnlockG() too.
namespace free_function_ok {
Mu g_mu;
std::map<int, int> g;
void LockG() ACQUIRE(g_mu);
void UnlockG() RELEASE(g_mu);
void writer() {
  LockG();
  g[1] = 1;
  UnlockG();
}
int run() {
  std::thread t(writer);
  LockG();
  int n = g.size();
  UnlockG();
  t.join();
  return n;
}
} // namespace free_function_ok

// acquire_capability(m) on a parameter: the call site's argument is locked;
// the read after ReleaseMu(mu_) is unguarded.
namespace parameter_bad {
void AcquireMu(Mu &m) ACQUIRE(m);
void ReleaseMu(Mu &m) RELEASE(m);
class Cache {
public:
  void Put(int k, int v) {
    AcquireMu(mu_);
    m_[k] = v;
    ReleaseMu(mu_);
  }
  int Get(int k) {
    AcquireMu(mu_);
    ReleaseMu(mu_);
    return m_.count(k);
    // CHECK: attr-capability.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace parameter_bad

// Same, the read sits between AcquireMu and ReleaseMu.
namespace parameter_ok {
void AcquireMu(Mu &m) ACQUIRE(m);
void ReleaseMu(Mu &m) RELEASE(m);
class Cache {
public:
  void Put(int k, int v) {
    AcquireMu(mu_);
    m_[k] = v;
    ReleaseMu(mu_);
  }
  int Get(int k) {
    AcquireMu(mu_);
    int n = m_.count(k);
    ReleaseMu(mu_);
    return n;
  }

private:
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace parameter_ok
