// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// Recursion and mutual recursion terminate (no hang, no crash) and the
// accesses inside recursive functions are still checked in every context.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

// Direct recursion reads the map at its base case without the lock, while a
// thread writes it under the lock.
namespace direct_recursion_bad {
std::map<int, int> g;
std::mutex mu;
int depth(int n) {
  if (n <= 0)
    return g.size();
  // CHECK: recursion.cpp:[[@LINE-1]]:12: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK-NEXT: recursion.cpp:[[@LINE+7]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'mu'
  // CHECK-NEXT: recursion.cpp:[[@LINE+9]]:15: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: recursion.cpp:[[@LINE-8]]:20: note: 'g' is declared here
  return depth(n - 1) + 1;
}
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[0] = 1;
}
int run() {
  std::thread t(writer);
  int r = depth(3);
  t.join();
  return r;
}
} // namespace direct_recursion_bad

// Same, the caller holds the lock around the whole recursion.
namespace direct_recursion_ok {
std::map<int, int> g;
std::mutex mu;
int depth(int n) {
  if (n <= 0)
    return g.size();
  return depth(n - 1) + 1;
}
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[0] = 1;
}
int run() {
  std::thread t(writer);
  int r;
  {
    std::lock_guard<std::mutex> l(mu);
    r = depth(3);
  }
  t.join();
  return r;
}
} // namespace direct_recursion_ok

// Mutual recursion ping -> pong -> ping writes the map on the main thread
// while a thread writes it under the lock.
namespace mutual_recursion_bad {
std::map<int, int> g;
std::mutex mu;
int ping(int n);
int pong(int n) {
  if (n > 0)
    g[n] = 1;
  // CHECK: recursion.cpp:[[@LINE-1]]:5: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  return n ? ping(n - 1) : 0;
}
int ping(int n) { return n ? pong(n - 1) : 0; }
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[0] = 1;
}
int run() {
  std::thread t(writer);
  int r = ping(4);
  t.join();
  return r;
}
} // namespace mutual_recursion_bad

// Same, ping is entered with the lock held.
namespace mutual_recursion_ok {
std::map<int, int> g;
std::mutex mu;
int ping(int n);
int pong(int n) {
  if (n > 0)
    g[n] = 1;
  return n ? ping(n - 1) : 0;
}
int ping(int n) { return n ? pong(n - 1) : 0; }
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[0] = 1;
}
int run() {
  std::thread t(writer);
  std::unique_lock<std::mutex> l(mu);
  int r = ping(4);
  l.unlock();
  t.join();
  return r;
}
} // namespace mutual_recursion_ok

// A directly recursive function writing the container passed by reference,
// run as a thread body while the spawner reads.
namespace param_recursion_bad {
std::vector<int> items;
void fill(std::vector<int> &v, int n) {
  v.push_back(n);
  // CHECK: recursion.cpp:[[@LINE-1]]:3: warning: data race on 'items' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: recursion.cpp:[[@LINE+10]]:11: note: conflicting read ('size') in 'run', with no lock held
  // CHECK-NEXT: recursion.cpp:[[@LINE+8]]:15: note: this write runs on the thread started here
  // CHECK-NEXT: recursion.cpp:[[@LINE+5]]:15: note: 'items' is reached through this call
  // CHECK-NEXT: recursion.cpp:[[@LINE-7]]:18: note: 'items' is declared here
  if (n > 0)
    fill(v, n - 1);
}
void body() { fill(items, 5); }
int run() {
  std::thread t(body);
  int n = items.size();
  t.join();
  return n;
}
} // namespace param_recursion_bad

// Same, the spawner reads after the join.
namespace param_recursion_ok {
std::vector<int> items;
void fill(std::vector<int> &v, int n) {
  v.push_back(n);
  if (n > 0)
    fill(v, n - 1);
}
void body() { fill(items, 5); }
int run() {
  std::thread t(body);
  t.join();
  return items.size();
}
} // namespace param_recursion_ok

// A three-function cycle a -> b -> c -> a passing the container by reference,
// run as a thread body; the spawner reads after the join. (Its racy twin is
// missed: see mutual-recursion-param-summary.pending.)
namespace param_cycle_ok {
std::vector<int> items;
void a(std::vector<int> &v, int n);
void c(std::vector<int> &v, int n) {
  v.push_back(n);
  a(v, n - 1);
}
void b(std::vector<int> &v, int n) { c(v, n); }
void a(std::vector<int> &v, int n) {
  if (n > 0)
    b(v, n);
}
void body() { a(items, 5); }
int run() {
  std::thread t(body);
  t.join();
  return items.size();
}
} // namespace param_cycle_ok

// A recursive ...Locked member helper called without the lock from one
// public method.
namespace recursive_locked_helper_bad {
class Tree {
public:
  void Add(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  void Prune(int n) { PruneLocked(n); }

private:
  void PruneLocked(int n) {
    if (n <= 0)
      return;
    m_.erase(n);
    // CHECK: recursion.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Tree::Add' holds it [maprace-unguarded-access]
    PruneLocked(n - 1);
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace recursive_locked_helper_bad

// Same, Prune takes the lock before the recursion.
namespace recursive_locked_helper_ok {
class Tree {
public:
  void Add(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  void Prune(int n) {
    std::lock_guard<std::mutex> l(mu_);
    PruneLocked(n);
  }

private:
  void PruneLocked(int n) {
    if (n <= 0)
      return;
    m_.erase(n);
    PruneLocked(n - 1);
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace recursive_locked_helper_ok

// Each level of a recursion takes a recursive_mutex itself.
namespace recursive_mutex_ok {
std::map<int, int> g;
std::recursive_mutex mu;
void fill(int n) {
  std::lock_guard<std::recursive_mutex> l(mu);
  g[n] = n;
  if (n > 0)
    fill(n - 1);
}
int run() {
  std::thread t(fill, 10);
  int r;
  {
    std::lock_guard<std::recursive_mutex> l(mu);
    r = g.size();
  }
  t.join();
  return r;
}
} // namespace recursive_mutex_ok

// Same recursion; the spawner reads without the recursive_mutex.
namespace recursive_mutex_bad {
std::map<int, int> g;
std::recursive_mutex mu;
void fill(int n) {
  std::lock_guard<std::recursive_mutex> l(mu);
  g[n] = n;
  if (n > 0)
    fill(n - 1);
}
int run() {
  std::thread t(fill, 10);
  int r = g.size();
  // CHECK: recursion.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'mu'; the conflicting write in 'fill' holds it [maprace-unguarded-access]
  t.join();
  return r;
}
} // namespace recursive_mutex_bad
