// RUN: %maprace %s -- -std=c++20 | %check %s
// Where the held region starts and ends: a lookup made before the lock is
// taken, or after it is released (mutex unlock(), unique_lock::unlock(), the
// end of the guard's block), holds nothing.
#include <map>
#include <mutex>
#include <string>
#include <thread>

// The lookup runs before the lock_guard is constructed.
namespace before_guard_bad {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    auto it = m_.find(k);
    // CHECK: std-lock-scope.cpp:[[@LINE-1]]:15: warning: data race on 'm_' (std::map<std::string, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    std::lock_guard<std::mutex> l(mu_);
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace before_guard_bad

// The lookup runs after the lock_guard is constructed.
namespace before_guard_ok {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace before_guard_ok

// The lookup runs before mu_.lock().
namespace before_manual_lock_bad {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool Has(const std::string &k) {
    bool has = m_.count(k) != 0;
    // CHECK: std-lock-scope.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<std::string, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    mu_.lock();
    mu_.unlock();
    return has;
  }
};
} // namespace before_manual_lock_bad

// The lookup runs between mu_.lock() and mu_.unlock().
namespace before_manual_lock_ok {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool Has(const std::string &k) {
    mu_.lock();
    bool has = m_.count(k) != 0;
    mu_.unlock();
    return has;
  }
};
} // namespace before_manual_lock_ok

// The lookup runs after mu_.unlock(); the note points at the release.
namespace after_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    mu_.lock();
    bool empty = m_.empty();
    mu_.unlock();
    if (empty)
      return 0;
    auto it = m_.find(k);
    // CHECK: std-lock-scope.cpp:[[@LINE-1]]:15: warning: data race on 'm_' (std::map<std::string, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-lock-scope.cpp:[[@LINE-10]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-lock-scope.cpp:[[@LINE-6]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-lock-scope.cpp:[[@LINE+2]]:18: note: 'm_' is also read here without holding 'mu_'
    // CHECK: std-lock-scope.cpp:[[@LINE-18]]:30: note: 'm_' is declared here
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace after_unlock_bad

// Everything runs before mu_.unlock().
namespace after_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    mu_.lock();
    int r = 0;
    if (!m_.empty()) {
      auto it = m_.find(k);
      r = it == m_.end() ? 0 : it->second;
    }
    mu_.unlock();
    return r;
  }
};
} // namespace after_unlock_ok

// The lookup runs after unique_lock::unlock().
namespace after_guard_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    std::unique_lock<std::mutex> lk(mu_);
    if (m_.empty())
      return 0;
    lk.unlock();
    return m_.count(k);
    // CHECK: std-lock-scope.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<std::string, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-lock-scope.cpp:[[@LINE-9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-lock-scope.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-lock-scope.cpp:[[@LINE-16]]:30: note: 'm_' is declared here
  }
};
} // namespace after_guard_unlock_bad

// The lookup runs before unique_lock::unlock().
namespace after_guard_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    std::unique_lock<std::mutex> lk(mu_);
    if (m_.empty())
      return 0;
    int n = m_.count(k);
    lk.unlock();
    return n;
  }
};
} // namespace after_guard_unlock_ok

// A write after the guard's block has ended.
namespace after_block_bad {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    {
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = v;
    }
    m_.erase(k + "~");
    // CHECK: std-lock-scope.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<std::string, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-lock-scope.cpp:[[@LINE-4]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-lock-scope.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-lock-scope.cpp:[[@LINE-12]]:30: note: 'm_' is declared here
  }
  int Get(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace after_block_bad

// Both writes inside the guard's block.
namespace after_block_ok {
class Cache {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    {
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = v;
      m_.erase(k + "~");
    }
  }
  int Get(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace after_block_ok

// Globals and threads: the worker looks up before locking.
namespace global_threads_bad {
std::mutex mu;
std::map<std::string, int> g;
int hits;
void worker() {
  bool has = g.count("a") != 0;
  // CHECK: std-lock-scope.cpp:[[@LINE-1]]:14: warning: data race on 'g' (std::map<std::string, int>): read ('count') without holding 'mu'; the conflicting write in 'run' holds it [maprace-unguarded-access]
  // CHECK: std-lock-scope.cpp:[[@LINE+10]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'run', holding 'mu'
  // CHECK: std-lock-scope.cpp:[[@LINE+6]]:15: note: this read runs on the thread started here
  // CHECK: std-lock-scope.cpp:[[@LINE-7]]:28: note: 'g' is declared here
  std::lock_guard<std::mutex> l(mu);
  hits += has;
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g["b"] = 2;
  }
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: the worker looks up under the lock.
namespace global_threads_ok {
std::mutex mu;
std::map<std::string, int> g;
int hits;
void worker() {
  std::lock_guard<std::mutex> l(mu);
  bool has = g.count("a") != 0;
  hits += has;
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g["b"] = 2;
  }
  t.join();
}
} // namespace global_threads_ok
