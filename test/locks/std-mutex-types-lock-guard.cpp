// RUN: %maprace %s -- -std=c++20 | %check %s
// Every standard mutex type locked through std::lock_guard guards the
// container: Get without the guard races with Put under it.
#include <map>
#include <mutex>
#include <shared_mutex>

// std::mutex under lock_guard in Put; Get reads without it.
namespace mutex_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace mutex_bad

// Same, Get also holds the lock_guard on the std::mutex.
namespace mutex_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace mutex_ok

// std::recursive_mutex under lock_guard in Put; Get reads without it.
namespace recursive_mutex_bad {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::recursive_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace recursive_mutex_bad

// Same, Get also holds the lock_guard on the std::recursive_mutex.
namespace recursive_mutex_ok {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::recursive_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::recursive_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace recursive_mutex_ok

// std::timed_mutex under lock_guard in Put; Get reads without it.
namespace timed_mutex_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace timed_mutex_bad

// Same, Get also holds the lock_guard on the std::timed_mutex.
namespace timed_mutex_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace timed_mutex_ok

// std::recursive_timed_mutex under lock_guard in Put; Get reads without it.
namespace recursive_timed_mutex_bad {
class Cache {
  std::recursive_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::recursive_timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace recursive_timed_mutex_bad

// Same, Get also holds the lock_guard on the std::recursive_timed_mutex.
namespace recursive_timed_mutex_ok {
class Cache {
  std::recursive_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::recursive_timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::recursive_timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace recursive_timed_mutex_ok

// std::shared_mutex under lock_guard in Put; Get reads without it.
namespace shared_mutex_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace shared_mutex_bad

// Same, Get also holds the lock_guard on the std::shared_mutex.
namespace shared_mutex_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::shared_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace shared_mutex_ok

// std::shared_timed_mutex under lock_guard in Put; Get reads without it.
namespace shared_timed_mutex_bad {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace shared_timed_mutex_bad

// Same, Get also holds the lock_guard on the std::shared_timed_mutex.
namespace shared_timed_mutex_ok {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_timed_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::shared_timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace shared_timed_mutex_ok

// Class template argument deduction (`std::lock_guard l(mu_);`): Get reads
// without any guard.
namespace ctad_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace ctad_bad

// Same, both sides use the deduced lock_guard / unique_lock.
namespace ctad_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::unique_lock l(mu_);
    return m_.count(k);
  }
};
} // namespace ctad_ok
