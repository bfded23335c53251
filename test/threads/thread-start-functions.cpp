// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ThreadStartFunctions: 'ThreadPool::Submit;exec::post'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -- -std=c++20 | %check --allow-empty --check-prefix=NOOPT %s
// The ThreadStartFunctions option names executors whose callable argument
// runs on another thread. The executors here are only declared, as if their
// bodies lived in another translation unit. Without the option, nothing is
// reported.
// NOOPT-NOT: warning:
#include <map>
#include <mutex>

class ThreadPool {
public:
  void Submit(void (*task)());
  void RunNow(void (*task)());
};
namespace exec {
void post(void (*task)());
} // namespace exec

// A task submitted to the pool writes a global the submitter reads.
namespace pool_submit_bad {
std::map<int, int> g;
void task() { g[1] = 1; }
// CHECK: thread-start-functions.cpp:[[@LINE-1]]:15: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK: thread-start-functions.cpp:[[@LINE+5]]:10: note: conflicting read ('size') in 'run', with no lock held
// CHECK: thread-start-functions.cpp:[[@LINE+3]]:3: note: this write runs on the thread started here
// CHECK: thread-start-functions.cpp:[[@LINE-5]]:20: note: 'g' is declared here
int run(ThreadPool &pool) {
  pool.Submit(task);
  return g.size();
}
} // namespace pool_submit_bad

// Same, both sides under one mutex.
namespace pool_submit_ok {
std::map<int, int> g;
std::mutex mu;
void task() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 1;
}
int run(ThreadPool &pool) {
  pool.Submit(task);
  std::lock_guard<std::mutex> l(mu);
  return g.size();
}
} // namespace pool_submit_ok

// A namespace-qualified free function named by the option.
namespace free_post_bad {
std::map<int, int> g;
void task() { g.erase(1); }
void run() {
  exec::post(task);
  g[2] = 2;
  // CHECK: thread-start-functions.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in 'task' holds no lock either [maprace-unguarded-access]
  // CHECK: thread-start-functions.cpp:[[@LINE-5]]:15: note: conflicting write ('erase') in 'task', with no lock held
  // CHECK: thread-start-functions.cpp:[[@LINE-4]]:3: note: the conflicting write runs on the thread started here
}
} // namespace free_post_bad

// A method of the same pool that the option does not name runs the task
// in the caller.
namespace pool_unnamed_method_ok {
std::map<int, int> g;
void task() { g.erase(1); }
void run(ThreadPool &pool) {
  pool.RunNow(task);
  g[2] = 2;
}
} // namespace pool_unnamed_method_ok
