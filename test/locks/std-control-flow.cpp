// RUN: %maprace %s -- -std=c++20 | %check %s
// Locks held across loops, early returns and branches: a lock taken on every
// path into an access guards it; a lock taken on only some paths does not.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

// The lookup at the top of each iteration runs after the previous
// iteration's guard has been destroyed (and before this one's).
namespace loop_guard_inside_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void PutAll(const std::vector<int> &keys) {
    for (int k : keys) {
      if (m_.count(k))
      // CHECK: std-control-flow.cpp:[[@LINE-1]]:11: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::PutAll' holds it [maprace-unguarded-access]
      // CHECK: std-control-flow.cpp:[[@LINE+5]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::PutAll', holding 'mu_'
      // CHECK: std-control-flow.cpp:[[@LINE+5]]:5: note: 'mu_' is released here, before the access
      // CHECK: std-control-flow.cpp:[[@LINE-9]]:22: note: 'm_' is declared here
        continue;
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = 1;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_guard_inside_bad

// One guard held across the whole loop.
namespace loop_guard_inside_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void PutAll(const std::vector<int> &keys) {
    std::lock_guard<std::mutex> l(mu_);
    for (int k : keys) {
      if (m_.count(k))
        continue;
      m_[k] = 1;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_guard_inside_ok

// The loop condition reads the map outside the lock taken in the body.
namespace loop_condition_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drain() {
    while (!m_.empty()) {
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Drain' holds it [maprace-unguarded-access]
    // CHECK: std-control-flow.cpp:[[@LINE+4]]:7: note: conflicting write ('erase') in 'Cache::Drain', holding 'mu_'
    // CHECK: std-control-flow.cpp:[[@LINE+4]]:7: note: 'mu_' is released here, before the access
    // CHECK: std-control-flow.cpp:[[@LINE-8]]:22: note: 'm_' is declared here
      mu_.lock();
      m_.erase(m_.begin());
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_condition_bad

// Locked before the loop, unlocked after it: the condition is guarded too.
namespace loop_condition_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drain() {
    mu_.lock();
    while (!m_.empty())
      m_.erase(m_.begin());
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_condition_ok

// A break out of a loop still holding the lock; the write after the
// unlock() that follows the loop holds nothing.
namespace loop_break_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Trim(int limit) {
    mu_.lock();
    for (int i = 0; i < limit; ++i) {
      if (m_.empty())
        break;
      m_.erase(m_.begin());
    }
    mu_.unlock();
    m_[limit] = 0;
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Cache::Trim' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_break_bad

// A break out of a loop still holding the lock; every access before unlock().
namespace loop_break_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Trim(int limit) {
    mu_.lock();
    for (int i = 0; i < limit; ++i) {
      if (m_.empty())
        break;
      m_.erase(m_.begin());
    }
    m_[limit] = 0;
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_break_ok

// An unlocked fast path returns early before the lock is taken.
namespace early_return_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    if (m_.empty())
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:9: warning: data race on 'm_' (std::map<int, int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
      return 0;
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace early_return_bad

// Early returns after the lock is taken, one of them after a manual unlock.
namespace early_return_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.lock();
    if (m_.empty()) {
      mu_.unlock();
      return 0;
    }
    int n = m_.count(k);
    mu_.unlock();
    return n;
  }
};
} // namespace early_return_ok

// An unlock in one branch only: after the if, the lock may not be held.
namespace unlock_one_branch_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    if (v < 0)
      mu_.unlock();
    m_.erase(k + 1);
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    if (v >= 0)
      mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace unlock_one_branch_bad

// Unlock in both branches, after the last access.
namespace unlock_one_branch_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    m_.erase(k + 1);
    if (v < 0)
      mu_.unlock();
    else
      mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace unlock_one_branch_ok

// Only one branch locks: the write after the if may run unlocked.
namespace lock_one_branch_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v, bool shared) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (shared)
      lk.lock();
    m_[k] = v;
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace lock_one_branch_bad

// Both branches lock: the write after the if is guarded.
namespace lock_one_branch_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v, bool shared) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (shared)
      lk.lock();
    else
      lk.lock();
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace lock_one_branch_ok

// Manual lock in one branch of an if/else: the erase after it may run
// unlocked.
namespace manual_one_branch_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drop(int k, bool locked) {
    if (locked) {
      mu_.lock();
    } else {
      k = -k;
    }
    m_.erase(k);
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    if (locked)
      mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace manual_one_branch_bad

// Manual lock in both branches of an if/else: the erase after it is guarded.
namespace manual_one_branch_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drop(int k, bool negate) {
    if (negate) {
      mu_.lock();
      k = -k;
    } else {
      mu_.lock();
    }
    m_.erase(k);
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace manual_one_branch_ok

// Globals and threads: the worker's loop condition reads outside the lock
// taken in the body, while the spawner fills the queue under it. (run() is an
// API entry, so two workers may also run at once: the partner named is the
// other worker's pop_back, the earliest locked write.)
namespace global_threads_bad {
std::mutex mu;
std::vector<int> queue;
void worker() {
  while (!queue.empty()) {
  // CHECK: std-control-flow.cpp:[[@LINE-1]]:11: warning: data race on 'queue' (std::vector<int>): read ('empty') without holding 'mu'; the conflicting write in 'worker' holds it [maprace-unguarded-access]
  // CHECK: std-control-flow.cpp:[[@LINE+5]]:5: note: conflicting write ('pop_back') in 'worker', holding 'mu'
  // CHECK: std-control-flow.cpp:[[@LINE+8]]:15: note: this read runs on the thread started here
  // CHECK: std-control-flow.cpp:[[@LINE+4]]:3: note: 'mu' is released here, before the access
  // CHECK: std-control-flow.cpp:[[@LINE-7]]:18: note: 'queue' is declared here
    std::lock_guard<std::mutex> l(mu);
    queue.pop_back();
  }
}
void run() {
  std::thread t(worker);
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> l(mu);
    queue.push_back(i);
  }
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: the worker checks and pops under one guard per
// iteration.
namespace global_threads_ok {
std::mutex mu;
std::vector<int> queue;
void worker() {
  for (;;) {
    std::lock_guard<std::mutex> l(mu);
    if (queue.empty())
      break;
    queue.pop_back();
  }
}
void run() {
  std::thread t(worker);
  for (int i = 0; i < 3; ++i) {
    std::lock_guard<std::mutex> l(mu);
    queue.push_back(i);
  }
  t.join();
}
} // namespace global_threads_ok

// A do-while condition re-reads the map after the body's guard has died.
namespace do_while_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drain() {
    do {
      std::lock_guard<std::mutex> l(mu_);
      if (!m_.empty())
        m_.erase(m_.begin());
    } while (!m_.empty());
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:15: warning: data race on 'm_' (std::map<int, int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Drain' holds it [maprace-unguarded-access]
  }
};
} // namespace do_while_bad

// The guard is taken once around the whole do-while.
namespace do_while_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drain() {
    std::lock_guard<std::mutex> l(mu_);
    do {
      if (!m_.empty())
        m_.erase(m_.begin());
    } while (!m_.empty());
  }
};
} // namespace do_while_ok

// A switch whose default case does not lock: the write after it may run
// unlocked.
namespace switch_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v, int mode) {
    switch (mode) {
    case 0:
      mu_.lock();
      break;
    case 1:
      mu_.lock();
      k = -k;
      break;
    default:
      break;
    }
    m_[k] = v;
    // CHECK: std-control-flow.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    if (mode == 0 || mode == 1)
      mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace switch_bad

// Every case of the switch locks: the write after it is guarded.
namespace switch_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v, int mode) {
    switch (mode) {
    case 0:
      mu_.lock();
      break;
    case 1:
      mu_.lock();
      k = -k;
      break;
    default:
      mu_.lock();
      break;
    }
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace switch_ok
