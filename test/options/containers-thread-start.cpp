// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.Containers: 'util::FlatMap', maprace-unguarded-access.ThreadStartFunctions: 'util::RunInBackground'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -- -std=c++20 | %check --check-prefix=NOOPT %s
// One quick case each for Containers (a project class template treated as a
// container) and ThreadStartFunctions (a declared-only executor whose
// callable argument runs on another thread); both are covered in depth in
// containers/ and threads/. Without the options nothing is reported.
// NOOPT-NOT: warning:
#include <map>
#include <mutex>

namespace util {
template <class K, class V> class FlatMap {
public:
  void insert(const K &k, const V &v);
  bool contains(const K &k) const;
};
void RunInBackground(void (*task)());
} // namespace util

// A FlatMap member inserted under mu_ and probed without it.
namespace containers_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k, v);
  }
  bool Has(int k) { return m_.contains(k); }
  // CHECK: containers-thread-start.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (util::FlatMap<int, int>): read ('contains') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: containers-thread-start.cpp:[[@LINE-4]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
  // CHECK: containers-thread-start.cpp:[[@LINE+4]]:27: note: 'm_' is declared here

private:
  std::mutex mu_;
  util::FlatMap<int, int> m_;
};
} // namespace containers_bad

// Same, both sides under mu_.
namespace containers_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k, v);
  }
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }

private:
  std::mutex mu_;
  util::FlatMap<int, int> m_;
};
} // namespace containers_ok

// The background task writes a global map the caller reads, no lock.
namespace thread_start_bad {
std::map<int, int> g;
void task() { g[1] = 2; }
// CHECK: containers-thread-start.cpp:[[@LINE-1]]:15: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK: containers-thread-start.cpp:[[@LINE+5]]:10: note: conflicting read ('size') in 'run', with no lock held
// CHECK: containers-thread-start.cpp:[[@LINE+3]]:3: note: this write runs on the thread started here

int run() {
  util::RunInBackground(task);
  return g.size();
}
} // namespace thread_start_bad

// Same, both sides under one mutex.
namespace thread_start_ok {
std::map<int, int> g;
std::mutex mu;
void task() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 2;
}
int run() {
  util::RunInBackground(task);
  std::lock_guard<std::mutex> l(mu);
  return g.size();
}
} // namespace thread_start_ok
