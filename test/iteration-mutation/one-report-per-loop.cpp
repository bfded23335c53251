// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// One report per loop and cause: several mutations in one body, several
// writers, or several releases give a single warning on the loop; a loop that
// both invalidates itself and races with another thread gets one warning for
// each cause; two loops in one function are reported separately.
#include <map>
#include <mutex>
#include <vector>

// Three invalidating calls in one body: one warning, on the first.
namespace several_mutations_bad {
void Churn(std::vector<int> &v) {
  for (int x : v) {
    // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE+3]]:7: note: 'v' is modified here, while the loop iterates over it
    // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-4]]:30: note: 'v' is declared here
    if (x > 0)
      v.push_back(x);
    if (x < 0)
      v.erase(v.begin());
    if (x == 0)
      v.clear();
  }
}
} // namespace several_mutations_bad

// The same decisions, applied after the loop.
namespace several_mutations_ok {
void Churn(std::vector<int> &v) {
  std::vector<int> extra;
  bool drop_first = false, reset = false;
  for (int x : v) {
    if (x > 0)
      extra.push_back(x);
    drop_first |= x < 0;
    reset |= x == 0;
  }
  if (reset)
    v.clear();
  else if (drop_first && !v.empty())
    v.erase(v.begin());
  v.insert(v.end(), extra.begin(), extra.end());
}
} // namespace several_mutations_ok

// Two writers under mu_, one unlocked loop: one warning, naming one writer.
namespace several_writers_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_)
      // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      sum += kv.second;
    return sum;
  }
};
} // namespace several_writers_bad

// The loop holds mu_.
namespace several_writers_ok {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Total() {
    std::lock_guard<std::mutex> l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace several_writers_ok

// Two releases in one body: one warning, the note on the first.
namespace several_releases_bad {
void Flush(int v);
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    for (const auto &kv : m_) {
      // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = kv.second;
      lk.unlock();
      Flush(v);
      lk.lock();
      lk.unlock();
      Flush(-v);
      lk.lock();
    }
  }
};
} // namespace several_releases_bad

// The slow work runs on a copy after the lock's scope.
namespace several_releases_ok {
void Flush(int v);
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::map<int, int> copy;
    {
      std::lock_guard<std::mutex> l(mu_);
      copy = m_;
    }
    for (const auto &kv : copy) {
      Flush(kv.second);
      Flush(-kv.second);
    }
  }
};
} // namespace several_releases_ok

// An unlocked loop that also erases its current element: one warning per
// cause, and the erase itself is maprace-unguarded-access's report.
namespace two_causes_bad {
class Sessions {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Expire() {
    for (auto &kv : m_)
      // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE+6]]:9: note: 'm_' is modified here, while the loop iterates over it
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-4]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Sessions::Set' holds it [maprace-iteration-mutation]
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-8]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Sessions::Set', holding 'mu_'
      // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-14]]:22: note: 'm_' is declared here
      if (kv.second == 0)
        m_.erase(kv.first);
        // CHECK-NEXT: one-report-per-loop.cpp:[[@LINE-1]]:9: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Sessions::Set' holds it [maprace-unguarded-access]
  }
};
} // namespace two_causes_bad

// Under the lock, with it = erase(it).
namespace two_causes_ok {
class Sessions {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Expire() {
    std::lock_guard<std::mutex> l(mu_);
    for (auto it = m_.begin(); it != m_.end();) {
      if (it->second == 0)
        it = m_.erase(it);
      else
        ++it;
    }
  }
};
} // namespace two_causes_ok

// Two unlocked loops in one function: one warning each.
namespace two_loops_bad {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Spread() {
    int lo = 0, hi = 0;
    for (int x : v_)
      // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
      lo = x < lo ? x : lo;
    for (int x : v_)
      // CHECK: one-report-per-loop.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
      hi = x > hi ? x : hi;
    return hi - lo;
  }
};
} // namespace two_loops_bad

// Both loops under one lock.
namespace two_loops_ok {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Spread() {
    std::lock_guard<std::mutex> l(mu_);
    int lo = 0, hi = 0;
    for (int x : v_)
      lo = x < lo ? x : lo;
    for (int x : v_)
      hi = x > hi ? x : hi;
    return hi - lo;
  }
};
} // namespace two_loops_ok
