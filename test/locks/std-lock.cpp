// RUN: %maprace %s -- -std=c++20 | %check %s
// std::lock locks several mutexes at once: followed by lock_guard(...,
// adopt_lock) on each, or applied to deferred unique_locks, the accesses in
// the guards' scope are guarded.
#include <map>
#include <mutex>
#include <thread>

// std::lock(a_, b_) + adopting lock_guards: the read before std::lock holds
// nothing.
namespace adopt_guards_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  int Swap(int k) {
    int n = m_.count(k);
    // CHECK: std-lock.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'a_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    std::lock(a_, b_);
    std::lock_guard<std::mutex> la(a_, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
    m_.erase(k);
    return n;
  }
};
} // namespace adopt_guards_bad

// std::lock(a_, b_) + adopting lock_guards: the read and the erase after them
// are guarded.
namespace adopt_guards_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  int Swap(int k) {
    std::lock(a_, b_);
    std::lock_guard<std::mutex> la(a_, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
    int n = m_.count(k);
    m_.erase(k);
    return n;
  }
};
} // namespace adopt_guards_ok

// std::lock(a_, b_) + adopting lock_guards in a block: the erase after the
// block holds nothing.
namespace adopt_guards_scope_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(b_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock(a_, b_);
    {
      std::lock_guard<std::mutex> la(a_, std::adopt_lock);
      std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
      m_[k] = 0;
    }
    m_.erase(k);
    // CHECK: std-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'b_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-lock.cpp:[[@LINE-11]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'b_'
    // CHECK: std-lock.cpp:[[@LINE-4]]:5: note: 'b_' is released here, before the access
    // CHECK: std-lock.cpp:[[@LINE-18]]:22: note: 'm_' is declared here
  }
};
} // namespace adopt_guards_scope_bad

// Same, the erase inside the block.
namespace adopt_guards_scope_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(b_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock(a_, b_);
    {
      std::lock_guard<std::mutex> la(a_, std::adopt_lock);
      std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
      m_[k] = 0;
      m_.erase(k);
    }
  }
};
} // namespace adopt_guards_scope_ok

// std::lock on two deferred unique_locks: the read before std::lock holds
// nothing.
namespace deferred_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  int Take(int k) {
    std::unique_lock<std::mutex> la(a_, std::defer_lock);
    std::unique_lock<std::mutex> lb(b_, std::defer_lock);
    int n = m_.count(k);
    // CHECK: std-lock.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'a_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    std::lock(la, lb);
    m_.erase(k);
    return n;
  }
};
} // namespace deferred_bad

// std::lock on two deferred unique_locks: the accesses after it are guarded.
namespace deferred_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  int Take(int k) {
    std::unique_lock<std::mutex> la(a_, std::defer_lock);
    std::unique_lock<std::mutex> lb(b_, std::defer_lock);
    std::lock(la, lb);
    int n = m_.count(k);
    m_.erase(k);
    return n;
  }
};
} // namespace deferred_ok

// std::lock(a_, b_) then manual unlocks: the erase after them holds nothing.
namespace manual_unlock_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock(a_, b_);
    m_[k] = 0;
    a_.unlock();
    b_.unlock();
    m_.erase(k);
    // CHECK: std-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'a_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace manual_unlock_bad

// std::lock(a_, b_) then manual unlocks: both writes before the unlocks.
namespace manual_unlock_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock(a_, b_);
    m_[k] = 0;
    m_.erase(k);
    a_.unlock();
    b_.unlock();
  }
};
} // namespace manual_unlock_ok

// Globals and threads: the worker takes both locks with std::lock and
// adopting guards; the spawner writes with no lock.
namespace global_threads_bad {
std::mutex ma, mb;
std::map<int, int> g;
void worker() {
  std::lock(ma, mb);
  std::lock_guard<std::mutex> la(ma, std::adopt_lock);
  std::lock_guard<std::mutex> lb(mb, std::adopt_lock);
  g[1] = 1;
}
void run() {
  std::thread t(worker);
  g.erase(1);
  // CHECK: std-lock.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('erase') without holding 'ma' or 'mb'; the conflicting write in 'worker' holds them [maprace-unguarded-access]
  // CHECK: std-lock.cpp:[[@LINE-6]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'worker', holding 'ma' and 'mb'
  // CHECK: std-lock.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  // CHECK: std-lock.cpp:[[@LINE-13]]:20: note: 'g' is declared here
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: the spawner's lock_guard(mb) is common with the
// worker's std::lock(ma, mb).
namespace global_threads_ok {
std::mutex ma, mb;
std::map<int, int> g;
void worker() {
  std::lock(ma, mb);
  std::lock_guard<std::mutex> la(ma, std::adopt_lock);
  std::lock_guard<std::mutex> lb(mb, std::adopt_lock);
  g[1] = 1;
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mb);
    g.erase(1);
  }
  t.join();
}
} // namespace global_threads_ok
