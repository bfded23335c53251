// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// Unstructured and exceptional control flow: goto out of and back into a
// locked region, switch fallthrough merging a locked path with an unlocked
// one, and try/catch around a locked region. The lockset at an access is what
// is held on every path to it. (Two exception shapes are missed: see
// exceptions-guard-released-by-throw.pending and
// exceptions-catch-after-call.pending.)
#include <map>
#include <mutex>
#include <stdexcept>

// A goto jumps to a label inside the locked region; the fall-through path
// unlocks and reads after the unlock.
namespace goto_forward_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    mu_.lock();
    if (k < 0)
      goto out;
    mu_.unlock();
    return m_.count(k);
    // CHECK: control-flow.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: control-flow.cpp:[[@LINE-9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: control-flow.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK-NEXT: control-flow.cpp:[[@LINE+9]]:22: note: 'm_' is declared here
  out:
    int n = m_.size();
    mu_.unlock();
    return n;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace goto_forward_bad

// Same, every path reads before the unlock at the label.
namespace goto_forward_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int n = 0;
    mu_.lock();
    if (k < 0)
      goto out;
    n = m_.count(k);
  out:
    mu_.unlock();
    return n;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace goto_forward_ok

// A backward goto retries: the read at the label is reached from the entry
// (no lock) and after an unlock.
namespace goto_backward_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int tries = 0;
  again:
    if (m_.count(k))
      return 1;
    // CHECK: control-flow.cpp:[[@LINE-2]]:9: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    mu_.lock();
    ++tries;
    mu_.unlock();
    if (tries < 3)
      goto again;
    return 0;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace goto_backward_bad

// Same, the lock is taken before the label and held around the loop.
namespace goto_backward_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int tries = 0;
    std::lock_guard<std::mutex> l(mu_);
  again:
    if (m_.count(k))
      return 1;
    ++tries;
    if (tries < 3)
      goto again;
    return 0;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace goto_backward_ok

// Case 0 locks and falls through into case 1, which is also entered
// directly without the lock: the erase is not guarded on every path.
namespace switch_fallthrough_bad {
class Cache {
public:
  void Apply(int op, int k) {
    std::unique_lock<std::mutex> l(mu_, std::defer_lock);
    switch (op) {
    case 0:
      l.lock();
      [[fallthrough]];
    case 1:
      m_.erase(k);
      // CHECK: control-flow.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
      break;
    default:
      break;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace switch_fallthrough_bad

// Same cases (case 0 writing before falling through), with the lock taken
// before the switch.
namespace switch_fallthrough_ok {
class Cache {
public:
  void Apply(int op, int k) {
    std::lock_guard<std::mutex> l(mu_);
    switch (op) {
    case 0:
      m_[k] = 0;
      [[fallthrough]];
    case 1:
      m_.erase(k);
      break;
    default:
      break;
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace switch_fallthrough_ok

// The try block throws before taking the lock; the catch handler erases
// without it.
namespace throw_before_lock_bad {
class Cache {
public:
  void Put(int k, int v) {
    try {
      if (v < 0)
        throw std::invalid_argument("negative");
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = v;
    } catch (const std::exception &) {
      m_.erase(k);
      // CHECK: control-flow.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace throw_before_lock_bad

// Same, the handler takes the lock itself.
namespace throw_before_lock_ok {
class Cache {
public:
  void Put(int k, int v) {
    try {
      if (v < 0)
        throw std::invalid_argument("negative");
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = v;
    } catch (const std::exception &) {
      std::lock_guard<std::mutex> l(mu_);
      m_.erase(k);
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace throw_before_lock_ok

// A whole try/catch inside a locked region: both the try body and the
// handler are guarded.
namespace try_inside_lock_ok {
int parse(int v);
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    try {
      m_[k] = parse(v);
    } catch (...) {
      m_.erase(k);
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace try_inside_lock_ok

// Same shape, but Get reads outside the lock.
namespace try_inside_lock_bad {
int parse(int v);
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    try {
      m_[k] = parse(v);
    } catch (...) {
      m_.erase(k);
    }
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: control-flow.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace try_inside_lock_bad
