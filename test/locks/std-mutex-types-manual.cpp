// RUN: %maprace %s -- -std=c++20 | %check %s
// Every standard mutex type locked and unlocked by hand (lock()/unlock())
// guards the accesses between the two calls.
#include <map>
#include <mutex>
#include <shared_mutex>

// std::mutex: Put locks by hand; Get reads without locking.
namespace mutex_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-12]]:22: note: 'm_' is declared here
  }
};
} // namespace mutex_bad

// Same, Get also locks the std::mutex by hand around the read.
namespace mutex_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace mutex_ok

// std::recursive_mutex: Put locks by hand; Get reads without locking.
namespace recursive_mutex_bad {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace recursive_mutex_bad

// Same, Get also locks the std::recursive_mutex by hand around the read.
namespace recursive_mutex_ok {
class Cache {
  std::recursive_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace recursive_mutex_ok

// std::timed_mutex: Put locks by hand; Get reads without locking.
namespace timed_mutex_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace timed_mutex_bad

// Same, Get also locks the std::timed_mutex by hand around the read.
namespace timed_mutex_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace timed_mutex_ok

// std::recursive_timed_mutex: Put locks by hand; Get reads without locking.
namespace recursive_timed_mutex_bad {
class Cache {
  std::recursive_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace recursive_timed_mutex_bad

// Same, Get also locks the std::recursive_timed_mutex by hand around the read.
namespace recursive_timed_mutex_ok {
class Cache {
  std::recursive_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace recursive_timed_mutex_ok

// std::shared_mutex: Put locks by hand; Get reads without locking.
namespace shared_mutex_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace shared_mutex_bad

// Same, Get also locks the std::shared_mutex by hand around the read.
namespace shared_mutex_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace shared_mutex_ok

// std::shared_timed_mutex: Put locks by hand; Get reads without locking.
namespace shared_timed_mutex_bad {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-mutex-types-manual.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace shared_timed_mutex_bad

// Same, Get also locks the std::shared_timed_mutex by hand around the read.
namespace shared_timed_mutex_ok {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock();
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace shared_timed_mutex_ok
