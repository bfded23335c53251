// RUN: %maprace %s -- -std=c++20 | %check %s
// A thread started and joined within the same loop iteration runs once at
// a time: each iteration's thread is joined before the next one starts.
#include <map>
#include <thread>

using Map = std::map<int, int>;

// The spawner reads inside the iteration, before the join.
namespace join_in_iteration_bad {
int run() {
  Map m;
  int n = 0;
  for (int i = 0; i < 4; ++i) {
    std::thread t([&m, i] { m[i] = i; });
    // CHECK: :[[@LINE-1]]:29: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
    // CHECK: :[[@LINE+2]]:10: note: conflicting read ('size') in 'run', with no lock held
    // CHECK: :[[@LINE-3]]:17: note: this write runs on the thread started here{{$}}
    n += m.size();
    t.join();
  }
  return n;
}
} // namespace join_in_iteration_bad

// Each iteration joins its thread before the next one starts.
namespace join_in_iteration_ok {
int run() {
  Map m;
  for (int i = 0; i < 4; ++i) {
    std::thread t([&m, i] { m[i] = i; });
    t.join();
  }
  return m.size();
}
} // namespace join_in_iteration_ok
