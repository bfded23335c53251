// RUN: %maprace %s -- -std=c++20 | %check %s
// A try-lock's result stored first (`int rc = pthread_mutex_trylock(&mu_);
// if (rc == 0)`, `bool ok = mu_.try_lock(); if (ok)`) still decides which
// branch holds the lock.
#include <map>
#include <pthread.h>

// The read is inside `if (rc == 0)`: must stay silent.
namespace trylock_result_variable_ok {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    int rc = pthread_mutex_trylock(&mu_);
    if (rc == 0) {
      int n = m_.count(k);
      pthread_mutex_unlock(&mu_);
      return n;
    }
    return -1;
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_result_variable_ok

// The read is in the failure branch (rc != 0): reported.
namespace trylock_result_variable_bad {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    int rc = pthread_mutex_trylock(&mu_);
    if (rc != 0)
      return m_.count(k);
    // CHECK: pthread-trylock-result-variable.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

    int n = m_.count(k);
    pthread_mutex_unlock(&mu_);
    return n;
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_result_variable_bad
