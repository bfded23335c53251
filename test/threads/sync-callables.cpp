// RUN: %maprace %s -- -std=c++20 | %check %s
// Callables that never reach a thread (std::for_each's function, a
// std::sort comparator, an immediately invoked lambda) run in the caller, at
// the call: they race only with threads running at that point.
#include <algorithm>
#include <map>
#include <thread>
#include <vector>

using Map = std::map<int, int>;

// The for_each lambda reads while a thread writes the map.
namespace for_each_bad {
int run(const std::vector<int> &v) {
  Map m;
  std::thread t([&] { m[0] = 0; });
  // CHECK: sync-callables.cpp:[[@LINE-1]]:23: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: sync-callables.cpp:[[@LINE+3]]:55: note: conflicting read ('count') in a lambda in 'run', with no lock held
  // CHECK: sync-callables.cpp:[[@LINE-3]]:15: note: this write runs on the thread started here
  int n = 0;
  std::for_each(v.begin(), v.end(), [&](int x) { n += m.count(x); });
  t.join();
  return n;
}
} // namespace for_each_bad

// The for_each lambda writes the map after the join, then the caller reads
// it: all in one thread.
namespace for_each_ok {
int run(const std::vector<int> &v) {
  Map m;
  std::thread t([&] { m[0] = 0; });
  t.join();
  std::for_each(v.begin(), v.end(), [&](int x) { m[x] = x; });
  return m.size();
}
} // namespace for_each_ok

// The comparator's operator[] inserts while a thread reads the map.
namespace sort_comparator_bad {
void run(std::vector<int> &v) {
  Map rank;
  std::thread t([&] { (void)rank.size(); });
  std::sort(v.begin(), v.end(), [&](int a, int b) { return rank[a] < rank[b]; });
  // CHECK: sync-callables.cpp:[[@LINE-1]]:60: warning: data race on 'rank' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: sync-callables.cpp:[[@LINE-3]]:29: note: conflicting read ('size') in a lambda in 'run', with no lock held
  // CHECK: sync-callables.cpp:[[@LINE-4]]:15: note: the conflicting read runs on the thread started here
  // CHECK: sync-callables.cpp:[[@LINE-4]]:70: note: 'rank' is also written here with no lock held
  t.join();
}
} // namespace sort_comparator_bad

// The comparator runs after the join; the caller then clears the map.
namespace sort_comparator_ok {
void run(std::vector<int> &v) {
  Map rank;
  std::thread t([&] { (void)rank.size(); });
  t.join();
  std::sort(v.begin(), v.end(), [&](int a, int b) { return rank[a] < rank[b]; });
  rank.clear();
}
} // namespace sort_comparator_ok

// An immediately invoked lambda writes while a thread reads.
namespace immediately_invoked_bad {
int run() {
  Map m;
  std::thread t([&] { (void)m.count(1); });
  [&] { m[1] = 1; }();
  // CHECK: sync-callables.cpp:[[@LINE-1]]:9: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  t.join();
  return m.size();
}
} // namespace immediately_invoked_bad

// The immediately invoked lambda runs before the thread starts.
namespace immediately_invoked_ok {
int run() {
  Map m;
  [&] { m[1] = 1; }();
  std::thread t([&] { (void)m.count(1); });
  t.join();
  return m.size();
}
} // namespace immediately_invoked_ok

// None of them starts a thread: a local they write is never shared.
namespace no_thread_ok {
int run(std::vector<int> &v) {
  Map m;
  std::for_each(v.begin(), v.end(), [&](int x) { m[x] = x; });
  std::sort(v.begin(), v.end(), [&](int a, int b) { return m[a] < m[b]; });
  [&] { m.erase(1); }();
  return m.size();
}
} // namespace no_thread_ok
