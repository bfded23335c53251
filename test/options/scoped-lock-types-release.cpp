// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ScopedLockTypes: 'proj::ReleasableMutexLock'}}" -- -std=c++20 | %check %s
// A declared-only holder named by ScopedLockTypes honours an early
// `Release()` (absl::ReleasableMutexLock's spelling).
#include <map>

namespace proj {
class Mutex {
public:
  void Lock();
  void Unlock();
};
class ReleasableMutexLock {
public:
  explicit ReleasableMutexLock(Mutex *mu);
  ~ReleasableMutexLock();
  void Release();
};
} // namespace proj

// The read after Release() holds nothing.
namespace release_bad {
class Cache {
public:
  void Put(int k, int v) {
    proj::ReleasableMutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::ReleasableMutexLock l(&mu_);
    int n = m_.count(k);
    l.Release();
    return n + m_.size();
    // CHECK: scoped-lock-types-release.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: scoped-lock-types-release.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: scoped-lock-types-release.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }

private:
  proj::Mutex mu_;
  std::map<int, int> m_;
};
} // namespace release_bad

// Same, every read before Release().
namespace release_ok {
class Cache {
public:
  void Put(int k, int v) {
    proj::ReleasableMutexLock l(&mu_);
    m_[k] = v;
  }
  int Get(int k) {
    proj::ReleasableMutexLock l(&mu_);
    int n = m_.count(k) + m_.size();
    l.Release();
    return n;
  }

private:
  proj::Mutex mu_;
  std::map<int, int> m_;
};
} // namespace release_ok
