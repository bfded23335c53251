// RUN: %maprace %s -- -std=c++20 | %check %s
// `if (t.joinable()) t.join();` ends the thread: where joinable() is
// false, no thread runs behind t.
#include <map>
#include <thread>

using Map = std::map<int, int>;

// The read comes before the guarded join.
namespace joinable_bad {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  // CHECK: :[[@LINE-1]]:23: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = m.size();
  if (t.joinable())
    t.join();
  return n;
}
} // namespace joinable_bad

// The read comes after the guarded join.
namespace joinable_ok {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  if (t.joinable())
    t.join();
  return m.size();
}
} // namespace joinable_ok

