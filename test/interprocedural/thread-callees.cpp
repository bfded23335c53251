// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A function or lambda run on a thread carries into that thread its own
// accesses and those of every function it calls: a container passed down by
// reference is reported at the callee's access, with a note at the call that
// reaches it; a member helper called from the thread body runs on the thread.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

// The thread body calls Fill(g_map), which writes its reference parameter,
// while the spawner reads g_map.
namespace fill_param_bad {
std::map<int, int> g_map;
void Fill(std::map<int, int> &m) { m[1] = 2; }
// CHECK: thread-callees.cpp:[[@LINE-1]]:36: warning: data race on 'g_map' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: thread-callees.cpp:[[@LINE+7]]:11: note: conflicting read ('size') in 'run', with no lock held
// CHECK-NEXT: thread-callees.cpp:[[@LINE+5]]:15: note: this write runs on the thread started here
// CHECK-NEXT: thread-callees.cpp:[[@LINE+1]]:15: note: 'g_map' is reached through this call
void body() { Fill(g_map); }
// CHECK-NEXT: thread-callees.cpp:[[@LINE-7]]:20: note: 'g_map' is declared here
int run() {
  std::thread t(body);
  int n = g_map.size();
  t.join();
  return n;
}
} // namespace fill_param_bad

// Same, the spawner reads only after the join.
namespace fill_param_ok {
std::map<int, int> g_map;
void Fill(std::map<int, int> &m) { m[1] = 2; }
void body() { Fill(g_map); }
int run() {
  std::thread t(body);
  t.join();
  return g_map.size();
}
} // namespace fill_param_ok

// Two levels of calls with the container passed by reference from a lambda
// thread body; the note points at the first call, in the lambda.
namespace lambda_two_levels_bad {
void Inner(std::vector<int> &v) { v.push_back(1); }
// CHECK: thread-callees.cpp:[[@LINE-1]]:35: warning: data race on 'items' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: thread-callees.cpp:[[@LINE+8]]:11: note: conflicting read ('size') in 'run', with no lock held
// CHECK-NEXT: thread-callees.cpp:[[@LINE+6]]:15: note: this write runs on the thread started here
// CHECK-NEXT: thread-callees.cpp:[[@LINE+5]]:28: note: 'items' is reached through this call
// CHECK-NEXT: thread-callees.cpp:[[@LINE+3]]:20: note: 'items' is declared here
void Outer(std::vector<int> &v) { Inner(v); }
int run() {
  std::vector<int> items;
  std::thread t([&items] { Outer(items); });
  int n = items.size();
  t.join();
  return n;
}
} // namespace lambda_two_levels_bad

// Same, the lambda calls the chain under the mutex the spawner also takes.
namespace lambda_two_levels_ok {
void Inner(std::vector<int> &v) { v.push_back(1); }
void Outer(std::vector<int> &v) { Inner(v); }
int run() {
  std::vector<int> items;
  std::mutex mu;
  std::thread t([&] {
    std::lock_guard<std::mutex> l(mu);
    Outer(items);
  });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = items.size();
  }
  t.join();
  return n;
}
} // namespace lambda_two_levels_ok

// A lambda thread body calls a member helper that writes a member while the
// spawning method reads it: the helper's write runs on the thread.
namespace member_helper_bad {
class Worker {
public:
  int Process() {
    std::thread t([this] { Loop(); });
    int n = m_.size();
    t.join();
    return n;
  }

private:
  void Loop() { Add(3); }
  void Add(int k) { m_[k] = 1; }
  // CHECK: thread-callees.cpp:[[@LINE-1]]:21: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'Worker::Process' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-9]]:13: note: conflicting read ('size') in 'Worker::Process', with no lock held
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-11]]:17: note: this write runs on the thread started here
  // CHECK-NEXT: thread-callees.cpp:[[@LINE+1]]:22: note: 'm_' is declared here
  std::map<int, int> m_;
};
} // namespace member_helper_bad

// Same, the spawning method reads only after the join. (A thread stored in
// a member by Start() and joined by Stop() before the read is still taken as
// running: see callee-started-thread-joined-by-caller.pending.)
namespace member_helper_ok {
class Worker {
public:
  int Process() {
    std::thread t([this] { Loop(); });
    t.join();
    return m_.size();
  }

private:
  void Loop() { Add(3); }
  void Add(int k) { m_[k] = 1; }
  std::map<int, int> m_;
};
} // namespace member_helper_ok

// A thread started with a function and a std::ref argument: the callee's
// erase of its parameter runs on the thread, against the spawner's write
// (both unlocked writes: reported at the later one, the spawner's). The
// conflicting write is named after the thread body that makes the call.
namespace ref_argument_bad {
std::map<int, int> table;
void Prune(std::map<int, int> &m) { m.erase(0); }
void Drop(std::map<int, int> &m) { Prune(m); }
void run() {
  std::thread t(Drop, std::ref(table));
  table[1] = 1;
  // CHECK: thread-callees.cpp:[[@LINE-1]]:3: warning: data race on 'table' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in 'Drop' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-6]]:37: note: conflicting write ('erase') in 'Drop', with no lock held
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-9]]:20: note: 'table' is declared here
  t.join();
}
} // namespace ref_argument_bad

// Same, the spawner writes before starting the thread.
namespace ref_argument_ok {
std::map<int, int> table;
void Prune(std::map<int, int> &m) { m.erase(0); }
void Drop(std::map<int, int> &m) { Prune(m); }
void run() {
  table[1] = 1;
  std::thread t(Drop, std::ref(table));
  t.join();
}
} // namespace ref_argument_ok

// A thread body calling a helper that takes the global mutex itself, while
// the spawner also locks: silent.
namespace locking_callee_ok {
std::map<int, int> g;
std::mutex mu;
void Add(int k) {
  std::lock_guard<std::mutex> l(mu);
  g[k] = k;
}
void body() { Add(1); }
int run() {
  std::thread t(body);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.count(1);
  }
  t.join();
  return n;
}
} // namespace locking_callee_ok

// Same, the spawner reads without the mutex: reported at the spawner's read.
namespace locking_callee_bad {
std::map<int, int> g;
std::mutex mu;
void Add(int k) {
  std::lock_guard<std::mutex> l(mu);
  g[k] = k;
}
void body() { Add(1); }
int run() {
  std::thread t(body);
  int n = g.count(1);
  // CHECK: thread-callees.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('count') without holding 'mu'; the conflicting write in 'Add' holds it [maprace-unguarded-access]
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-7]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'Add', holding 'mu'
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: thread-callees.cpp:[[@LINE-13]]:20: note: 'g' is declared here
  t.join();
  return n;
}
} // namespace locking_callee_bad
