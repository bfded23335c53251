// RUN: %maprace %s -- -std=c++20 | %check %s
// try_lock() on a mutex (or a deferred unique_lock) used as a condition: the
// branch where it succeeded holds the lock, the other branch does not.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>

// The write in the else branch of `if (mu_.try_lock())` holds nothing.
namespace if_else_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (mu_.try_lock()) {
      m_[k] = v;
      mu_.unlock();
    } else {
      m_.erase(k);
      // CHECK: std-try-lock.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace if_else_bad

// Writes only in the true branch of `if (mu_.try_lock())`.
namespace if_else_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (mu_.try_lock()) {
      m_[k] = v;
      m_.erase(k + 1);
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace if_else_ok

// `if (!mu_.try_lock())`: the write inside that branch holds nothing.
namespace negated_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Put(int k, int v) {
    if (!mu_.try_lock()) {
      m_.erase(k);
      // CHECK: std-try-lock.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
      return false;
    }
    m_[k] = v;
    mu_.unlock();
    return true;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace negated_bad

// `if (!mu_.try_lock()) return;`: the write after it is guarded.
namespace negated_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Put(int k, int v) {
    if (!mu_.try_lock())
      return false;
    m_[k] = v;
    mu_.unlock();
    return true;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace negated_ok

// A write after the if, once the true branch has unlocked, holds nothing.
namespace after_if_bad {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (mu_.try_lock()) {
      m_[k] = v;
      mu_.unlock();
    }
    m_.erase(k + 1);
    // CHECK: std-try-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-try-lock.cpp:[[@LINE-5]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-try-lock.cpp:[[@LINE-5]]:7: note: 'mu_' is released here, before the access
    // CHECK: std-try-lock.cpp:[[@LINE-12]]:22: note: 'm_' is declared here
  }
  int Get(int k) {
    std::lock_guard<std::recursive_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace after_if_bad

// Same with recursive_mutex, every write in the locked branch.
namespace after_if_ok {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (mu_.try_lock()) {
      m_[k] = v;
      m_.erase(k + 1);
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::recursive_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace after_if_ok

// unique_lock(defer_lock).try_lock(): the write in the else branch holds
// nothing.
namespace guard_try_lock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (lk.try_lock())
      m_[k] = v;
    else
      m_.erase(k);
      // CHECK: std-try-lock.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace guard_try_lock_bad

// unique_lock(defer_lock).try_lock(): the write only in the true branch.
namespace guard_try_lock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (lk.try_lock())
      m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace guard_try_lock_ok

// try_lock_shared(): the read in the else branch holds nothing while Put
// writes under the exclusive lock.
namespace try_lock_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    if (mu_.try_lock_shared()) {
      int n = m_.count(k);
      mu_.unlock_shared();
      return n;
    }
    return m_.count(k);
    // CHECK: std-try-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace try_lock_shared_bad

// try_lock_shared(): the read only where it succeeded.
namespace try_lock_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    if (mu_.try_lock_shared()) {
      int n = m_.count(k);
      mu_.unlock_shared();
      return n;
    }
    return -1;
  }
};
} // namespace try_lock_shared_ok

// Globals and threads: the worker writes in the failed-try_lock branch while
// the spawner writes under the lock.
namespace global_threads_bad {
std::mutex mu;
std::map<int, int> g;
void worker() {
  if (mu.try_lock()) {
    int n = g.count(1);
    mu.unlock();
    (void)n;
  } else {
    g[2] = 2;
    // CHECK: std-try-lock.cpp:[[@LINE-1]]:5: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'run' holds it [maprace-unguarded-access]
    // CHECK: std-try-lock.cpp:[[@LINE+9]]:5: note: conflicting write ('erase') in 'run', holding 'mu'
    // CHECK: std-try-lock.cpp:[[@LINE+5]]:15: note: this write runs on the thread started here
    // CHECK: std-try-lock.cpp:[[@LINE-11]]:20: note: 'g' is declared here
  }
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g.erase(1);
  }
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: the worker skips the write when try_lock fails.
namespace global_threads_ok {
std::mutex mu;
std::map<int, int> g;
void worker() {
  if (mu.try_lock()) {
    g[2] = 2;
    mu.unlock();
  }
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g.erase(1);
  }
  t.join();
}
} // namespace global_threads_ok
