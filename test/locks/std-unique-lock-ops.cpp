// RUN: %maprace %s -- -std=c++20 | %check %s
// std::unique_lock operations after construction: unlock() and lock() again,
// release() (the mutex stays locked until a manual unlock()), a unique_lock
// moved out of a helper (the lock travels with the object) and one
// initialised from a prvalue. Move construction/assignment from a named
// unique_lock: see std-unique-lock-move-*.pending.
#include <map>
#include <mutex>
#include <utility>

// unlock() then lock(): the read between them holds nothing.
namespace relock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    m_[k] = v;
    lk.unlock();
    int n = m_.count(k);
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
    lk.lock();
    m_[k + 1] = n;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace relock_bad

// unlock() then lock(): accesses before the unlock and after the relock are
// guarded.
namespace relock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    m_[k] = v;
    lk.unlock();
    int n = v * 2;
    lk.lock();
    m_[k + 1] = m_.count(k) + n;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace relock_ok

// release(): the guard lets go of the mutex without unlocking it; the write
// after the manual unlock() holds nothing.
namespace release_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    {
      std::unique_lock<std::mutex> lk(mu_);
      lk.release();
    }
    m_[k] = v;
    mu_.unlock();
    m_.erase(k + 1);
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-14]]:22: note: 'm_' is declared here
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace release_bad

// release(): the mutex is still locked after the released guard's scope
// ends, so the writes before the manual unlock() are guarded.
namespace release_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    {
      std::unique_lock<std::mutex> lk(mu_);
      lk.release();
    }
    m_[k] = v;
    m_.erase(k + 1);
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace release_ok

// release() in the same scope, then unlock() on the mutex.
namespace release_same_scope_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    lk.release();
    m_[k] = v;
    mu_.unlock();
    m_.erase(k + 1);
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace release_same_scope_bad

// Same, every access before mu_.unlock().
namespace release_same_scope_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_);
    lk.release();
    m_[k] = v;
    m_.erase(k + 1);
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace release_same_scope_ok

// A unique_lock returned from a helper by value (move): the caller holds it.
namespace move_return_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  std::unique_lock<std::mutex> Acquire() { return std::unique_lock<std::mutex>(mu_); }

public:
  void Put(int k, int v) {
    {
      auto lk = Acquire();
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace move_return_bad

// Same, both writes while the returned lock is alive.
namespace move_return_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  std::unique_lock<std::mutex> Acquire() { return std::unique_lock<std::mutex>(mu_); }

public:
  void Put(int k, int v) {
    auto lk = Acquire();
    m_[k] = v;
    m_.erase(k + 1);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace move_return_ok

// unlock()/lock() inside a loop: the write between them, in the body, holds
// nothing.
namespace loop_relock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Fill(int n) {
    std::unique_lock<std::mutex> lk(mu_);
    for (int i = 0; i < n; ++i) {
      lk.unlock();
      m_[i] = i * i;
      // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
      lk.lock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_relock_bad

// unlock()/lock() inside a loop around work that does not touch the map: the
// writes after the relock, and after the loop, are guarded.
namespace loop_relock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Fill(int n) {
    std::unique_lock<std::mutex> lk(mu_);
    for (int i = 0; i < n; ++i) {
      lk.unlock();
      int v = i * i;
      lk.lock();
      m_[i] = v;
    }
    m_.erase(-1);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace loop_relock_ok

// `auto lk = std::unique_lock<std::mutex>(mu_);` (copy elision, no move):
// the erase after lk's block holds nothing.
namespace auto_init_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    {
      auto lk = std::unique_lock<std::mutex>(mu_);
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-unique-lock-ops.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace auto_init_bad

// `auto lk = std::unique_lock<std::mutex>(mu_);` guards the rest of the
// function.
namespace auto_init_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    auto lk = std::unique_lock<std::mutex>(mu_);
    m_[k] = v;
    m_.erase(k + 1);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace auto_init_ok
