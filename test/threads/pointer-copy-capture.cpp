// RUN: %maprace %s -- -std=c++20 | %check %s
// A pointer captured by copy (`[p]`, p = &m) still points at the
// spawner's map, like the same pointer captured by reference or passed as a
// thread argument.
#include <map>
#include <mutex>
#include <thread>

using Map = std::map<int, int>;

// [p]: the thread clears the spawner's map through the copied pointer.
namespace pointer_copy_capture_bad {
int run() {
  Map m;
  Map *p = &m;
  std::thread t([p] { p->clear(); });
  // CHECK: :[[@LINE-1]]:23: warning: data race on 'm' (Map): write ('clear') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = m.size();
  t.join();
  return n;
}
} // namespace pointer_copy_capture_bad

// Same, both sides under one mutex.
namespace pointer_copy_capture_ok {
int run() {
  Map m;
  std::mutex mu;
  Map *p = &m;
  std::thread t([p, &mu] {
    std::lock_guard<std::mutex> l(mu);
    p->clear();
  });
  std::lock_guard<std::mutex> l(mu);
  return m.size();
}
} // namespace pointer_copy_capture_ok
