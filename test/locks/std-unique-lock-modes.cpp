// RUN: %maprace %s -- -std=c++20 | %check %s
// std::unique_lock construction modes: defer_lock (not held until lock()),
// try_to_lock (held only where owns_lock() / the bool conversion says so),
// adopt_lock (already held), and timed attempts on std::timed_mutex.
#include <chrono>
#include <map>
#include <mutex>

// defer_lock: the read before lk.lock() holds nothing.
namespace defer_before_lock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    int n = m_.count(k);
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    lk.lock();
    return n;
  }
};
} // namespace defer_before_lock_bad

// defer_lock: the read after lk.lock() is guarded.
namespace defer_before_lock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    lk.lock();
    return m_.count(k);
  }
};
} // namespace defer_before_lock_ok

// try_to_lock: the write in the branch where owns_lock() is false holds nothing.
namespace try_to_lock_owns_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (lk.owns_lock())
      return;
    m_[k] = v;
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_owns_bad

// try_to_lock: the write only where owns_lock() is true is guarded.
namespace try_to_lock_owns_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (!lk.owns_lock())
      return;
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_owns_ok

// try_to_lock tested with `if (lk)`: the write in the else branch is unguarded.
namespace try_to_lock_bool_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (lk) {
      return true;
    } else {
      m_[k] = v;
      // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
      return false;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_bool_bad

// try_to_lock tested with `if (lk)`: the write in the true branch is guarded.
namespace try_to_lock_bool_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (lk) {
      m_[k] = v;
      return true;
    } else {
      return false;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_bool_ok

// try_to_lock without any test of the result: the write may run unlocked.
namespace try_to_lock_unchecked_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    m_[k] = v;
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_unchecked_bad

// try_to_lock, then lock() when the attempt failed: the write is guarded.
namespace try_to_lock_unchecked_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (!lk.owns_lock())
      lk.lock();
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_unchecked_ok

// adopt_lock: the adopting unique_lock releases at the end of its scope, so
// the write after the block holds nothing.
namespace adopt_lock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    {
      std::unique_lock<std::mutex> lk(mu_, std::adopt_lock);
      m_[k] = v;
    }
    m_.erase(k + 1);
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-4]]:7: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace adopt_lock_bad

// adopt_lock: the write inside the adopting scope is guarded.
namespace adopt_lock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    {
      std::unique_lock<std::mutex> lk(mu_, std::adopt_lock);
      m_[k] = v;
      m_.erase(k + 1);
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace adopt_lock_ok

// timed_mutex: unique_lock::try_lock_for failed, the write in the else
// branch holds nothing.
namespace try_lock_for_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::timed_mutex> lk(mu_, std::defer_lock);
    if (lk.try_lock_for(std::chrono::milliseconds(10))) {
      m_[k] = v;
    } else {
      m_.erase(k);
      // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_lock_for_bad

// timed_mutex: the writes run only where try_lock_for succeeded.
namespace try_lock_for_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::timed_mutex> lk(mu_, std::defer_lock);
    if (lk.try_lock_for(std::chrono::milliseconds(10))) {
      m_[k] = v;
      m_.erase(k + 1);
    }
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_lock_for_ok

// timed_mutex::try_lock_for called on the mutex itself: the write after the
// failed attempt's branch holds nothing.
namespace mutex_try_lock_for_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (!mu_.try_lock_for(std::chrono::milliseconds(10))) {
      m_[k] = v;
      // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
      return;
    }
    mu_.unlock();
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace mutex_try_lock_for_bad

// timed_mutex::try_lock_for on the mutex: the write in the success branch,
// before unlock(), is guarded.
namespace mutex_try_lock_for_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    if (mu_.try_lock_for(std::chrono::milliseconds(10))) {
      m_[k] = v;
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace mutex_try_lock_for_ok

// unique_lock constructed with a timeout on a timed_mutex: the write without
// checking owns_lock() may run unlocked.
namespace timeout_ctor_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::timed_mutex> lk(mu_, std::chrono::milliseconds(10));
    m_[k] = v;
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace timeout_ctor_bad

// unique_lock constructed with a timeout: the write after checking
// owns_lock() is guarded.
namespace timeout_ctor_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::timed_mutex> lk(mu_, std::chrono::milliseconds(10));
    if (lk.owns_lock())
      m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace timeout_ctor_ok

// try_to_lock with `if (!lk) return;`: the write before the test holds
// nothing.
namespace try_to_lock_not_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    m_.erase(k);
    // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    if (!lk)
      return;
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_not_bad

// try_to_lock with `if (!lk) return;`: the writes after the test are guarded.
namespace try_to_lock_not_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (!lk)
      return;
    m_.erase(k);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_to_lock_not_ok

// timed_mutex::try_lock_until: the write after unlock() holds nothing.
namespace try_lock_until_bad {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    if (mu_.try_lock_until(deadline)) {
      m_[k] = v;
      mu_.unlock();
      m_.erase(k + 1);
      // CHECK: std-unique-lock-modes.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_lock_until_bad

// timed_mutex::try_lock_until: both writes in the success branch, before
// unlock().
namespace try_lock_until_ok {
class Cache {
  std::timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
    if (mu_.try_lock_until(deadline)) {
      m_[k] = v;
      m_.erase(k + 1);
      mu_.unlock();
    }
  }
  int Get(int k) {
    std::lock_guard<std::timed_mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace try_lock_until_ok
