// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// Template-heavy code: class templates instantiated with several types, a
// mutex type as a template parameter, variadic templates with fold
// expressions, if constexpr, member function templates and a 60-level deep
// recursive instantiation. Races are found in the instantiations, reported at
// the template's source, once per source location and container.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A cache template instantiated with two types; the <int, int> instance is
// shared with a thread and Has reads it without the lock, the <std::string,
// double> instance is only used by one thread. (When BOTH instances race,
// the warning is duplicated: see template-instantiations-duplicate.pending.)
namespace class_template_bad {
template <typename K, typename V> class Cache {
public:
  void Put(const K &k, const V &v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool Has(const K &k) { return m_.count(k) != 0; }
  // CHECK: templates.cpp:[[@LINE-1]]:33: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: templates.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: templates.cpp:[[@LINE+11]]:15: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: templates.cpp:[[@LINE+4]]:18: note: 'm_' is declared here

private:
  std::mutex mu_;
  std::map<K, V> m_;
};
Cache<int, int> shared;
bool run() {
  Cache<std::string, double> local;
  local.Put("a", 1.0);
  std::thread t([] { shared.Put(1, 2); });
  bool r = shared.Has(1) && local.Has("a");
  t.join();
  return r;
}
} // namespace class_template_bad

// Same, Has takes the lock.
namespace class_template_ok {
template <typename K, typename V> class Cache {
public:
  void Put(const K &k, const V &v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool Has(const K &k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k) != 0;
  }

private:
  std::mutex mu_;
  std::map<K, V> m_;
};
Cache<int, int> shared;
bool run() {
  Cache<std::string, double> local;
  local.Put("a", 1.0);
  std::thread t([] { shared.Put(1, 2); });
  bool r = shared.Has(1) && local.Has("a");
  t.join();
  return r;
}
} // namespace class_template_ok

// The mutex type is a template parameter (std::recursive_mutex here).
namespace mutex_policy_bad {
template <typename Mutex> class Guarded {
public:
  void Put(int k) {
    std::lock_guard<Mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: templates.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Guarded::Put' holds it [maprace-unguarded-access]

private:
  Mutex mu_;
  std::map<int, int> m_;
};
Guarded<std::recursive_mutex> g;
void run() {
  std::thread t([] { g.Put(1); });
  g.Get(1);
  t.join();
}
} // namespace mutex_policy_bad

// Same, Get takes the policy mutex.
namespace mutex_policy_ok {
template <typename Mutex> class Guarded {
public:
  void Put(int k) {
    std::lock_guard<Mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    std::lock_guard<Mutex> l(mu_);
    return m_.count(k);
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
Guarded<std::recursive_mutex> g;
void run() {
  std::thread t([] { g.Put(1); });
  g.Get(1);
  t.join();
}
} // namespace mutex_policy_ok

// A variadic template pushes every argument with a fold expression; two
// instantiations (3 and 1 arguments) run on the thread: one warning.
namespace variadic_bad {
std::vector<int> v;
template <typename... Args> void push_all(Args... args) {
  (v.push_back(args), ...);
  // CHECK: templates.cpp:[[@LINE-1]]:4: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
}
int run() {
  std::thread t([] {
    push_all(1, 2, 3);
    push_all(4L);
  });
  int n = v.size();
  t.join();
  return n;
}
} // namespace variadic_bad

// Same, the variadic function locks before the fold.
namespace variadic_ok {
std::vector<int> v;
std::mutex mu;
template <typename... Args> void push_all(Args... args) {
  std::lock_guard<std::mutex> l(mu);
  (v.push_back(args), ...);
}
int run() {
  std::thread t([] {
    push_all(1, 2, 3);
    push_all(4L);
  });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = v.size();
  }
  t.join();
  return n;
}
} // namespace variadic_ok

// if constexpr picks the unlocked branch in the instantiation run on the
// thread.
namespace if_constexpr_bad {
std::map<int, int> m;
std::mutex mu;
template <bool Locked> void add(int k) {
  if constexpr (Locked) {
    std::lock_guard<std::mutex> l(mu);
    m[k] = 1;
  } else {
    m[k] = 2;
    // CHECK: templates.cpp:[[@LINE-1]]:5: warning: data race on 'm' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'run' holds it [maprace-unguarded-access]
  }
}
void run() {
  std::thread t(add<false>, 1);
  {
    std::lock_guard<std::mutex> l(mu);
    m.erase(1);
  }
  t.join();
}
} // namespace if_constexpr_bad

// Same template, the thread runs the locked instantiation.
namespace if_constexpr_ok {
std::map<int, int> m;
std::mutex mu;
template <bool Locked> void add(int k) {
  if constexpr (Locked) {
    std::lock_guard<std::mutex> l(mu);
    m[k] = 1;
  } else {
    m[k] = 2;
  }
}
void run() {
  std::thread t(add<true>, 1);
  {
    std::lock_guard<std::mutex> l(mu);
    m.erase(1);
  }
  t.join();
}
} // namespace if_constexpr_ok

// A member function template of a non-template class, instantiated for
// int and long, writes without the lock.
namespace member_template_bad {
class Counter {
public:
  template <typename T> void Add(T k) { m_[static_cast<int>(k)]++; }
  // CHECK: templates.cpp:[[@LINE-1]]:41: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Counter::Get' holds it [maprace-unguarded-access]
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Both() {
    Add(1);
    Add(2L);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace member_template_bad

// Same, the template locks.
namespace member_template_ok {
class Counter {
public:
  template <typename T> void Add(T k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[static_cast<int>(k)]++;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Both() {
    Add(1);
    Add(2L);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace member_template_ok

// 60 nested instantiations of a recursive function template, each writing
// the map passed by reference, run on a thread: one warning, no blow-up.
namespace deep_instantiation_bad {
template <int N> void fill(std::map<int, int> &m) {
  m[N] = N;
  // CHECK: templates.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  if constexpr (N > 1)
    fill<N - 1>(m);
}
std::map<int, int> g;
int run() {
  std::thread t([] { fill<60>(g); });
  int n = g.size();
  t.join();
  return n;
}
} // namespace deep_instantiation_bad

// Same, the spawner reads after the join.
namespace deep_instantiation_ok {
template <int N> void fill(std::map<int, int> &m) {
  m[N] = N;
  if constexpr (N > 1)
    fill<N - 1>(m);
}
std::map<int, int> g;
int run() {
  std::thread t([] { fill<60>(g); });
  t.join();
  return g.size();
}
} // namespace deep_instantiation_ok
