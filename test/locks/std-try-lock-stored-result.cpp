// RUN: %maprace %s -- -std=c++20 | %check %s
// A try_lock() result stored in a bool and tested later still decides
// which branch holds the lock.
#include <map>
#include <mutex>

// The write runs in the branch where the stored attempt failed.
namespace stored_result_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    bool ok = mu_.try_lock();
    if (ok) {
      mu_.unlock();
    } else {
      m_[k] = v;
      // CHECK: std-try-lock-stored-result.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace stored_result_bad

// The write runs only where the stored attempt succeeded. Must stay silent.
namespace stored_result_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    bool ok = mu_.try_lock();
    if (ok) {
      m_[k] = v;
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace stored_result_ok
