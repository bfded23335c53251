// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// The thread-start note says "which may run several times at once" only
// for a thread started again while it may still run (a loop).
#include <map>
#include <mutex>
#include <thread>

// (1) One function on two threads, each started once.
namespace two_starts_bad {
std::map<int, int> hits;
void bump() { hits[1]++; }
// CHECK: :[[@LINE-1]]:15: warning: data race on 'hits' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
// CHECK-NEXT: :[[@LINE+4]]:15: note: this write runs on the thread started here{{$}}
// CHECK-NEXT: :[[@LINE+4]]:15: note: the conflicting write runs on the thread started here{{$}}
// CHECK-NEXT: :[[@LINE-5]]:20: note: 'hits' is declared here
void run() {
  std::thread a(bump);
  std::thread b(bump);
  a.join();
  b.join();
}
} // namespace two_starts_bad

// (2) A helper written on one thread without the lock and by the spawner
// under it.
namespace helper_on_thread_and_spawner_bad {
std::map<int, int> g;
std::mutex mu;
void AddLocked(int k) { g[k] = 1; }
// CHECK: :[[@LINE-1]]:25: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'AddLocked' holds it [maprace-unguarded-access]
// CHECK-NEXT: :[[@LINE+3]]:15: note: this write runs on the thread started here{{$}}
void body() { AddLocked(1); }
void run() {
  std::thread t(body);
  {
    std::lock_guard<std::mutex> l(mu);
    AddLocked(2);
  }
  t.join();
}
} // namespace helper_on_thread_and_spawner_bad
