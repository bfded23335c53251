// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ScopedLockTypes: 'proj::Guard;proj::Holder', maprace-unguarded-access.ReaderLockTypes: 'proj::ReadGuard'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -- -std=c++20 | %check --check-prefix=NOOPT %s
// ScopedLockTypes / ReaderLockTypes name declared-only RAII holders whose
// constructor locks its first argument (exclusively / shared) and whose
// destructor unlocks it; a class template is named without arguments.
// Without the options the holders do nothing, so the readers that use them
// look unlocked (in the NOOPT run: false positives in the _ok namespaces, and
// the release note is missing from the _bad ones).
#include <map>
#include <mutex>
#include <shared_mutex>

namespace proj {
class Guard {
public:
  explicit Guard(std::mutex &mu);
  ~Guard();
};
class ReadGuard {
public:
  explicit ReadGuard(std::shared_mutex *mu);
  ~ReadGuard();
};
template <class M> class Holder {
public:
  explicit Holder(M &mu);
  ~Holder();
};
} // namespace proj

// Get reads under the project guard, Put writes under std::lock_guard.
namespace scoped_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::Guard g(mu_);
    return m_.count(k);
    // NOOPT: scoped-lock-types.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace scoped_ok

// The guard's scope ends before the read; the end of the scope is the
// release note.
namespace scoped_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    { proj::Guard g(mu_); }
    return m_.count(k);
    // CHECK: scoped-lock-types.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: scoped-lock-types.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: scoped-lock-types.cpp:[[@LINE-4]]:27: note: 'mu_' is released here, before the access
    // CHECK: scoped-lock-types.cpp:[[@LINE+6]]:22: note: 'm_' is declared here
    // NOOPT: scoped-lock-types.cpp:[[@LINE-5]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace scoped_bad

// A class template holder named 'proj::Holder' in the option.
namespace template_holder_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::Holder<std::mutex> g(mu_);
    return m_.count(k);
    // NOOPT: scoped-lock-types.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace template_holder_ok

// The template holder guards Put; Get takes no lock.
namespace template_holder_bad {
class Cache {
public:
  void Put(int k, int v) {
    proj::Holder<std::mutex> g(mu_);
    m_[k] = v;
  }
  int Size() { return m_.size(); }
  // CHECK: scoped-lock-types.cpp:[[@LINE-1]]:23: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace template_holder_bad

// Get reads under the reader holder; Put writes under unique_lock.
namespace reader_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::ReadGuard g(&mu_);
    return m_.count(k);
    // NOOPT: scoped-lock-types.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> m_;
};
} // namespace reader_ok

// The reader holder's scope ends before the second read.
namespace reader_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int n;
    {
      proj::ReadGuard g(&mu_);
      n = m_.count(k);
      // NOOPT: scoped-lock-types.cpp:[[@LINE-1]]:11: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    }
    return n + m_.size();
    // CHECK: scoped-lock-types.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: scoped-lock-types.cpp:[[@LINE-3]]:5: note: 'mu_' is released here, before the access
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> m_;
};
} // namespace reader_bad
