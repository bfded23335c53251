// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Go's "concurrent map iteration and map write" in C++: a loop over a shared
// container (range-for, iterator loop, or an algorithm over begin()/end())
// while another context writes it, and the loop does not hold, for its whole
// duration, a lock that the write holds.
#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <shared_mutex>
#include <thread>
#include <vector>

// A range-for with no lock while the writer holds mu_ (notes in full).
namespace range_for_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_)
      // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      // CHECK-NEXT: cross-thread.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Registry::Set', holding 'mu_'
      // CHECK-NEXT: cross-thread.cpp:[[@LINE-12]]:22: note: 'm_' is declared here
      sum += kv.second;
    return sum;
  }
};
} // namespace range_for_bad

// The range-for holds mu_ for the whole loop.
namespace range_for_ok {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    std::lock_guard<std::mutex> l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace range_for_ok

// An explicit iterator loop with no lock while the writer erases under mu_.
namespace iterator_loop_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Total() {
    int sum = 0;
    for (auto it = m_.begin(); it != m_.end(); ++it)
      // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('erase') in 'Registry::Drop' holds it [maprace-iteration-mutation]
      // CHECK-NEXT: cross-thread.cpp:[[@LINE-6]]:5: note: concurrent write ('erase') in 'Registry::Drop', holding 'mu_'
      // CHECK-NEXT: cross-thread.cpp:[[@LINE-12]]:22: note: 'm_' is declared here
      sum += it->second;
    return sum;
  }
};
} // namespace iterator_loop_bad

// The iterator loop runs under a unique_lock held until the return.
namespace iterator_loop_ok {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Total() {
    std::unique_lock<std::mutex> lk(mu_);
    int sum = 0;
    for (auto it = m_.begin(); it != m_.end(); ++it)
      sum += it->second;
    return sum;
  }
};
} // namespace iterator_loop_ok

// std::count_if over begin()/end() with no lock: the warning sits on the call.
namespace count_if_bad {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Positive() {
    return std::count_if(v_.begin(), v_.end(), [](int x) { return x > 0; });
    // CHECK: cross-thread.cpp:[[@LINE-1]]:12: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-5]]:5: note: concurrent write ('push_back') in 'Registry::Add', holding 'mu_'
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-11]]:20: note: 'v_' is declared here
  }
};
} // namespace count_if_bad

// std::count_if under the lock.
namespace count_if_ok {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Positive() {
    std::lock_guard<std::mutex> l(mu_);
    return std::count_if(v_.begin(), v_.end(), [](int x) { return x > 0; });
  }
};
} // namespace count_if_ok

// std::for_each with no lock while the writer holds the exclusive lock of a
// shared_mutex.
namespace for_each_bad {
class Registry {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    std::for_each(m_.begin(), m_.end(), [&](const auto &kv) { sum += kv.second; });
    // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Registry::Set', holding 'mu_'
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-12]]:22: note: 'm_' is declared here
    return sum;
  }
};
} // namespace for_each_bad

// std::for_each under std::shared_lock: shared mode is enough for a loop.
namespace for_each_ok {
class Registry {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    std::shared_lock<std::shared_mutex> l(mu_);
    int sum = 0;
    std::for_each(m_.begin(), m_.end(), [&](const auto &kv) { sum += kv.second; });
    return sum;
  }
};
} // namespace for_each_ok

// std::find_if / std::any_of with no lock (any_of avoids a second end() read,
// which would be maprace-unguarded-access's report).
namespace any_of_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool HasZero() {
    return std::any_of(m_.begin(), m_.end(),
    // CHECK: cross-thread.cpp:[[@LINE-1]]:12: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
                       [](const auto &kv) { return kv.second == 0; });
  }
};
} // namespace any_of_bad

// std::any_of under std::shared_lock, writers under std::lock_guard of the
// same shared_mutex.
namespace any_of_ok {
class Registry {
  mutable std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  bool HasZero() const {
    std::shared_lock<std::shared_mutex> l(mu_);
    return std::any_of(m_.begin(), m_.end(),
                       [](const auto &kv) { return kv.second == 0; });
  }
};
} // namespace any_of_ok

// std::accumulate with no lock.
namespace accumulate_bad {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Sum() { return std::accumulate(v_.begin(), v_.end(), 0); }
  // CHECK: cross-thread.cpp:[[@LINE-1]]:22: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
};
} // namespace accumulate_bad

// std::accumulate under the lock.
namespace accumulate_ok {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int Sum() {
    std::lock_guard<std::mutex> l(mu_);
    return std::accumulate(v_.begin(), v_.end(), 0);
  }
};
} // namespace accumulate_ok

// The lock is held only around each iteration's body: the iterator lives
// across iterations unprotected.
namespace lock_per_iteration_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_) {
      // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      std::lock_guard<std::mutex> l(mu_);
      sum += kv.second;
    }
    return sum;
  }
};
} // namespace lock_per_iteration_bad

// The same body, with the lock taken before the loop.
namespace lock_per_iteration_ok {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    std::lock_guard<std::mutex> l(mu_);
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace lock_per_iteration_ok

// An iterator loop locking and unlocking by hand around each body.
namespace manual_per_iteration_bad {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    mu_.lock();
    v_.push_back(x);
    mu_.unlock();
  }
  int Total() {
    int sum = 0;
    for (auto it = v_.begin(); it != v_.end(); ++it) {
      // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
      mu_.lock();
      sum += *it;
      mu_.unlock();
    }
    return sum;
  }
};
} // namespace manual_per_iteration_bad

// lock()/unlock() by hand around the whole loop.
namespace manual_per_iteration_ok {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    mu_.lock();
    v_.push_back(x);
    mu_.unlock();
  }
  int Total() {
    int sum = 0;
    mu_.lock();
    for (auto it = v_.begin(); it != v_.end(); ++it)
      sum += *it;
    mu_.unlock();
    return sum;
  }
};
} // namespace manual_per_iteration_ok

// The loop holds b_, the writer holds a_: no common lock (the write under a
// different lock is also maprace-lock-mismatch's report).
namespace other_lock_bad {
class Registry {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
    // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'a_'; the conflicting iteration in 'Registry::Total' holds 'b_' [maprace-lock-mismatch]
  }
  int Total() {
    std::lock_guard<std::mutex> l(b_);
    int sum = 0;
    for (const auto &kv : m_)
      // CHECK: cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'a_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      sum += kv.second;
    return sum;
  }
};
} // namespace other_lock_bad

// Both hold a_ (the loop holds b_ as well).
namespace other_lock_ok {
class Registry {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(a_);
    m_[k] = v;
  }
  int Total() {
    std::scoped_lock l(a_, b_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace other_lock_ok

// A global map iterated in main while a std::thread writes it; no lock at
// either (the write is also maprace-unguarded-access's report).
namespace global_no_lock_bad {
std::map<int, int> g;
void writer() { g[1] = 2; }
// CHECK: cross-thread.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting iteration in 'main_like' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: cross-thread.cpp:[[@LINE+10]]:25: note: conflicting iteration (range-for) in 'main_like', with no lock held
// CHECK-NEXT: cross-thread.cpp:[[@LINE+8]]:15: note: this write runs on the thread started here
// CHECK-NEXT: cross-thread.cpp:[[@LINE-5]]:20: note: 'g' is declared here
// CHECK: cross-thread.cpp:[[@LINE+7]]:3: warning: loop over 'g' (std::map<int, int>) while the concurrent write ('operator[]' inserts missing keys) in 'writer' may change it; no lock is held at either [maprace-iteration-mutation]
// CHECK-NEXT: cross-thread.cpp:[[@LINE-6]]:17: note: concurrent write ('operator[]' inserts missing keys) in 'writer', with no lock held
// CHECK-NEXT: cross-thread.cpp:[[@LINE+4]]:15: note: the concurrent write runs on the thread started here
// CHECK-NEXT: cross-thread.cpp:[[@LINE-9]]:20: note: 'g' is declared here
int main_like() {
  int sum = 0;
  std::thread t(writer);
  for (const auto &kv : g)
    sum += kv.second;
  t.join();
  return sum;
}
} // namespace global_no_lock_bad

// The same, with both sides holding g_mu.
namespace global_no_lock_ok {
std::mutex g_mu;
std::map<int, int> g;
void writer() {
  std::lock_guard<std::mutex> l(g_mu);
  g[1] = 2;
}
int main_like() {
  int sum = 0;
  std::thread t(writer);
  {
    std::lock_guard<std::mutex> l(g_mu);
    for (const auto &kv : g)
      sum += kv.second;
  }
  t.join();
  return sum;
}
} // namespace global_no_lock_ok

// A lambda thread pushes under mu while main iterates without it.
namespace lambda_thread_bad {
int main_like() {
  std::mutex mu;
  std::vector<int> v;
  std::thread t([&] {
    std::lock_guard<std::mutex> l(mu);
    v.push_back(1);
  });
  int sum = 0;
  for (int x : v)
    // CHECK: cross-thread.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) without holding 'mu' for the whole loop; the concurrent write ('push_back') in a lambda in 'main_like' holds it [maprace-iteration-mutation]
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-5]]:5: note: concurrent write ('push_back') in a lambda in 'main_like', holding 'mu'
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-8]]:15: note: the concurrent write runs on the thread started here
    // CHECK-NEXT: cross-thread.cpp:[[@LINE-10]]:20: note: 'v' is declared here
    sum += x;
  t.join();
  return sum;
}
} // namespace lambda_thread_bad

// main iterates only after join().
namespace lambda_thread_ok {
int main_like() {
  std::mutex mu;
  std::vector<int> v;
  std::thread t([&] {
    std::lock_guard<std::mutex> l(mu);
    v.push_back(1);
  });
  t.join();
  int sum = 0;
  for (int x : v)
    sum += x;
  return sum;
}
} // namespace lambda_thread_ok
