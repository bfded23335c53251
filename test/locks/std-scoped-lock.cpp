// RUN: %maprace %s -- -std=c++20 | %check %s
// std::scoped_lock holds every mutex it names until the end of its scope: an
// access under scoped_lock(a, b) and one under lock_guard(a) share a lock.
#include <map>
#include <mutex>
#include <thread>

// scoped_lock over one mutex in Put; Get reads without it.
namespace one_mutex_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock lk(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: std-scoped-lock.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
};
} // namespace one_mutex_bad

// scoped_lock over one mutex on both sides.
namespace one_mutex_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::scoped_lock<std::mutex> lk(mu_);
    return m_.count(k);
  }
};
} // namespace one_mutex_ok

// scoped_lock(a_, b_) in Move; Get reads `from_` holding nothing.
namespace two_mutexes_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> from_, to_;

public:
  void Move(int k) {
    std::scoped_lock lk(a_, b_);
    to_[k] = from_[k];
    from_.erase(k);
  }
  int Get(int k) { return from_.count(k); }
  // CHECK: std-scoped-lock.cpp:[[@LINE-1]]:27: warning: data race on 'from_' (std::map<int, int>): read ('count') without holding 'a_' or 'b_'; the conflicting write in 'Cache::Move' holds them [maprace-unguarded-access]
  // CHECK: std-scoped-lock.cpp:[[@LINE-5]]:14: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Move', holding 'a_' and 'b_'
  // CHECK: std-scoped-lock.cpp:[[@LINE-11]]:22: note: 'from_' is declared here
};
} // namespace two_mutexes_bad

// scoped_lock(a_, b_) in Move; Get holds lock_guard(a_) only: a_ is common.
namespace two_mutexes_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> from_, to_;

public:
  void Move(int k) {
    std::scoped_lock lk(a_, b_);
    to_[k] = from_[k];
    from_.erase(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return from_.count(k);
  }
  int GetTo(int k) {
    std::lock_guard<std::mutex> l(b_);
    return to_.count(k);
  }
};
} // namespace two_mutexes_ok

// scoped_lock(a_, b_, c_); Get reads after its own scoped_lock ended.
namespace three_mutexes_bad {
class Cache {
  std::mutex a_, b_, c_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock lk(a_, b_, c_);
    m_[k] = v;
  }
  int Get(int k) {
    {
      std::scoped_lock lk(a_, b_, c_);
      if (m_.empty())
        return 0;
    }
    return m_.count(k);
    // CHECK: std-scoped-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'a_', 'b_' or 'c_'; the conflicting write in 'Cache::Put' holds them [maprace-unguarded-access]
  }
};
} // namespace three_mutexes_bad

// scoped_lock(a_, b_, c_); Get holds only the third mutex, which is common.
namespace three_mutexes_ok {
class Cache {
  std::mutex a_, b_, c_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock lk(a_, b_, c_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(c_);
    return m_.count(k);
  }
};
} // namespace three_mutexes_ok

// scoped_lock(adopt_lock, a_, b_) after std::lock: the erase after its scope
// holds nothing.
namespace adopt_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock(a_, b_);
    {
      std::scoped_lock lk(std::adopt_lock, a_, b_);
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-scoped-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'a_' or 'b_'; the conflicting write in 'Cache::Put' holds them [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(b_);
    return m_.count(k);
  }
};
} // namespace adopt_bad

// scoped_lock(adopt_lock, a_, b_) after std::lock: both writes are guarded.
namespace adopt_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock(a_, b_);
    std::scoped_lock lk(std::adopt_lock, a_, b_);
    m_[k] = v;
    m_.erase(k + 1);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(b_);
    return m_.count(k);
  }
};
} // namespace adopt_ok

// Globals and threads: the worker holds scoped_lock(a, b), the spawner writes
// holding nothing.
namespace global_threads_bad {
std::mutex a, b;
std::map<int, int> left, right;
void worker() {
  std::scoped_lock lk(a, b);
  left[1] = right.count(1);
}
void run() {
  std::thread t(worker);
  right[2] = 3;
  // CHECK: std-scoped-lock.cpp:[[@LINE-1]]:3: warning: data race on 'right' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'a' or 'b'; the conflicting read in 'worker' holds them [maprace-unguarded-access]
  // CHECK: std-scoped-lock.cpp:[[@LINE-6]]:13: note: conflicting read ('count') in 'worker', holding 'a' and 'b'
  // CHECK: std-scoped-lock.cpp:[[@LINE-4]]:15: note: the conflicting read runs on the thread started here
  // CHECK: std-scoped-lock.cpp:[[@LINE-11]]:26: note: 'right' is declared here
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: the spawner's lock_guard(b) shares b with the worker's
// scoped_lock(a, b).
namespace global_threads_ok {
std::mutex a, b;
std::map<int, int> left, right;
void worker() {
  std::scoped_lock lk(a, b);
  left[1] = right.count(1);
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(b);
    right[2] = 3;
  }
  t.join();
}
} // namespace global_threads_ok
