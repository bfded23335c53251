// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A helper called at several places of one function brings its accesses
// once per call; copies that differ only in the call are kept once. Copies
// made under different locks, or inside a loop over the container, are not
// the same access and must still be reported.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

void put(std::map<int, int> &m, int k) { m[k] = 1; }

// The first call holds the lock, the second does not: the second copy of
// the write is not the first one's and races with the other thread.
namespace locked_then_unlocked_bad {
std::mutex mu;
std::map<int, int> shared;
void writer() {
  {
    std::lock_guard<std::mutex> l(mu);
    put(shared, 1);
  }
  put(shared, 2);
}
void start() {
  std::thread a(writer), b(writer);
  a.join();
  b.join();
}
} // namespace locked_then_unlocked_bad
// CHECK: helper-called-at-several-places.cpp:11:42: warning: data race on 'shared' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
// CHECK-NEXT: helper-called-at-several-places.cpp:26:15: note: this write runs on the thread started here
// CHECK-NEXT: helper-called-at-several-places.cpp:23:3: note: 'shared' is reached through this call
// CHECK-NEXT: helper-called-at-several-places.cpp:22:3: note: 'mu' is released here, before the access
// CHECK-NEXT: helper-called-at-several-places.cpp:17:20: note: 'shared' is declared here

// Both calls hold the lock: one access, guarded.
namespace locked_twice_ok {
std::mutex mu;
std::map<int, int> shared;
void writer() {
  {
    std::lock_guard<std::mutex> l(mu);
    put(shared, 1);
  }
  std::lock_guard<std::mutex> l(mu);
  put(shared, 2);
}
void start() {
  std::thread a(writer), b(writer);
  a.join();
  b.join();
}
} // namespace locked_twice_ok

void drop(std::vector<int> &v) { v.pop_back(); }

// The helper is called before the loop, then inside it: the copy made in
// the body invalidates the loop's iterator, though an equal copy came first.
namespace outside_then_inside_loop_bad {
void f(std::vector<int> &v) {
  drop(v);
  for (int x : v)
    if (x)
      drop(v);
}
} // namespace outside_then_inside_loop_bad
// CHECK: helper-called-at-several-places.cpp:[[@LINE-5]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'pop_back' removes an element and invalidates the loop's iterator [maprace-iteration-mutation]
// CHECK-NEXT: helper-called-at-several-places.cpp:[[@LINE-4]]:7: note: 'v' is modified through this call

// Called twice, before and after the loop: nothing changes under it.
namespace outside_loop_ok {
void f(std::vector<int> &v) {
  drop(v);
  for (int x : v)
    (void)x;
  drop(v);
}
} // namespace outside_loop_ok
