// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Two runs of one function never share their locals. A local that a run
// hands to a thread it starts (itself, or in a lambda written in it)
// meets only that run's accesses and that thread's: a pair of
// accesses to it races only when one of them runs on such a thread, live
// at the other.
#include <thread>
#include <vector>

// Each run writes its list before starting its own reader and after
// joining it: nothing races, however many threads run `handle`.
namespace two_runs_ok {
void handle() {
  std::vector<int> v;
  v.push_back(1);
  std::thread t([&v] { (void)v.size(); });
  t.join();
  v.push_back(2);
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace two_runs_ok

// One run: silent too.
namespace one_run_ok {
void handle() {
  std::vector<int> v;
  v.push_back(1);
  std::thread t([&v] { (void)v.size(); });
  t.join();
  v.push_back(2);
}
int main() {
  handle();
  return 0;
}
} // namespace one_run_ok

// The run writes while its own reader runs.
namespace own_thread_races_bad {
void handle() {
  std::vector<int> v;
  std::thread t([&v] { (void)v.size(); });
  v.push_back(2);
  // CHECK: two-runs-hand-their-own-locals.cpp:[[@LINE-1]]:3: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in a lambda in 'handle' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: two-runs-hand-their-own-locals.cpp:[[@LINE-3]]:30: note: conflicting read ('size') in a lambda in 'handle', with no lock held
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace own_thread_races_bad

// A helper the run calls starts the thread that writes the list. (maprace
// sees the thread write the helper's parameter, not the run's list, so it
// pairs the threads of two runs instead of the thread and the run's own
// write below: the place is right, the partner is not.)
namespace helper_starts_the_thread_bad {
void start(std::vector<int> &v, std::thread &t) {
  t = std::thread([&v] { v.push_back(1); });
  // CHECK: two-runs-hand-their-own-locals.cpp:[[@LINE-1]]:26: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
}
void handle() {
  std::vector<int> v;
  std::thread t;
  start(v, t);
  v.push_back(2);
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace helper_starts_the_thread_bad

// Its twin: the helper's thread is joined before the run writes again.
namespace helper_starts_the_thread_ok {
void start(std::vector<int> &v) {
  std::thread t([&v] { v.push_back(1); });
  t.join();
}
void handle() {
  std::vector<int> v;
  start(v);
  v.push_back(2);
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace helper_starts_the_thread_ok

// A lambda the run writes starts the thread (a local helper), and the run
// writes the list while that thread runs.
namespace thread_started_by_local_lambda_bad {
void handle() {
  std::vector<int> v;
  std::thread t;
  auto start = [&] { t = std::thread([&v] { v.push_back(1); }); };
  start();
  v.push_back(2);
  // CHECK: two-runs-hand-their-own-locals.cpp:[[@LINE-1]]:3: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held; the conflicting write in a lambda in 'handle' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: two-runs-hand-their-own-locals.cpp:[[@LINE-4]]:45: note: conflicting write ('push_back') in a lambda in 'handle', with no lock held
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace thread_started_by_local_lambda_bad

// Its twin: the thread is joined before the run writes again.
namespace thread_started_by_local_lambda_ok {
void handle() {
  std::vector<int> v;
  std::thread t;
  auto start = [&] { t = std::thread([&v] { v.push_back(1); }); };
  start();
  t.join();
  v.push_back(2);
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace thread_started_by_local_lambda_ok

// Workers started in a loop by one run share its list with each other.
namespace workers_started_in_a_loop_bad {
void handle() {
  std::vector<int> v;
  std::vector<std::thread> ts;
  for (int i = 0; i < 2; ++i)
    ts.emplace_back([&v] { v.push_back(1); });
  // CHECK: two-runs-hand-their-own-locals.cpp:[[@LINE-1]]:28: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  for (auto &t : ts)
    t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace workers_started_in_a_loop_bad
