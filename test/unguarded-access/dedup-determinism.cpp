// RUN: %maprace %s -- -std=c++20 > %t.1
// RUN: %maprace %s -- -std=c++20 > %t.2
// RUN: diff %t.1 %t.2
// RUN: sed '/^ *[0-9]* |/d' %t.1 | %check %s
// Determinism: two runs on the same file give byte-identical output, and
// warnings come in source order (line, then column), whatever the order in
// which functions are declared, defined, called or started as threads.
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

// Out-of-line methods defined in reverse order of declaration, each with an
// unguarded access to a different member.
namespace out_of_line_bad {
class Registry {
public:
  void Add(int k);
  int CountA(int k);
  int CountB(int k);
  int CountC(const std::string &k);

private:
  std::mutex mu_;
  std::map<int, int> a_;
  std::set<int> b_;
  std::unordered_map<std::string, int> c_;
};
int Registry::CountC(const std::string &k) { return c_.count(k); }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:53: warning: data race on 'c_' (std::unordered_map<std::string, int>): read ('count') without holding 'mu_'; the conflicting write in 'Registry::Add' holds it [maprace-unguarded-access]
int Registry::CountB(int k) { return b_.count(k); }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:38: warning: data race on 'b_' (std::set<int>): read ('count') without holding 'mu_'; the conflicting write in 'Registry::Add' holds it [maprace-unguarded-access]
int Registry::CountA(int k) { return a_.count(k); }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:38: warning: data race on 'a_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Registry::Add' holds it [maprace-unguarded-access]
void Registry::Add(int k) {
  std::lock_guard<std::mutex> l(mu_);
  a_[k] = k;
  b_.insert(k);
  c_[std::to_string(k)] = k;
}
} // namespace out_of_line_bad

// Same, every reader takes the lock.
namespace out_of_line_ok {
class Registry {
public:
  void Add(int k);
  int CountA(int k);
  int CountB(int k);

private:
  std::mutex mu_;
  std::map<int, int> a_;
  std::set<int> b_;
};
int Registry::CountB(int k) {
  std::lock_guard<std::mutex> l(mu_);
  return b_.count(k);
}
int Registry::CountA(int k) {
  std::lock_guard<std::mutex> l(mu_);
  return a_.count(k);
}
void Registry::Add(int k) {
  std::lock_guard<std::mutex> l(mu_);
  a_[k] = k;
  b_.insert(k);
}
} // namespace out_of_line_ok

// Threads started in the reverse order of their bodies, three globals on one
// line of the spawner: reported in source order.
namespace thread_order_bad {
std::map<int, int> x;
std::vector<int> y;
std::set<int> z;
void third() { z.insert(3); }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:16: warning: data race on 'z' (std::set<int>): write ('insert') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
void second() { y.push_back(2); }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:17: warning: data race on 'y' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
void first() { x[1] = 1; }
// CHECK: dedup-determinism.cpp:[[@LINE-1]]:16: warning: data race on 'x' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  std::thread a(first);
  std::thread b(second);
  std::thread c(third);
  int n = x.size() + y.size() + z.size();
  a.join();
  b.join();
  c.join();
  return n;
}
} // namespace thread_order_bad

// Same, the spawner reads after all joins.
namespace thread_order_ok {
std::map<int, int> x;
std::vector<int> y;
std::set<int> z;
void third() { z.insert(3); }
void second() { y.push_back(2); }
void first() { x[1] = 1; }
int run() {
  std::thread a(first);
  std::thread b(second);
  std::thread c(third);
  a.join();
  b.join();
  c.join();
  return x.size() + y.size() + z.size();
}
} // namespace thread_order_ok

// Two unguarded members read on one line: the earlier column comes first.
namespace same_line_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
    order_.push_back(k);
  }
  int Get(int k) { return order_.size() + m_.count(k); }
  // CHECK: dedup-determinism.cpp:[[@LINE-1]]:27: warning: data race on 'order_' (std::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: dedup-determinism.cpp:[[@LINE-2]]:43: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::vector<int> order_;
};
} // namespace same_line_bad

// Same, Get takes the lock.
namespace same_line_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
    order_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return order_.size() + m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::vector<int> order_;
};
} // namespace same_line_ok
