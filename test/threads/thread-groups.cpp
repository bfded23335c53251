// RUN: %maprace %s -- -std=c++20 | %check %s
// Threads racing with each other: one start site run several times in a
// loop, and two different threads writing the same global.
#include <future>
#include <map>
#include <mutex>
#include <pthread.h>
#include <thread>
#include <vector>

using Map = std::map<int, int>;

// emplace_back in a loop: every thread writes the same map.
namespace loop_emplace_bad {
void run() {
  Map m;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&m, i] { m[i] = i; });
  // CHECK: thread-groups.cpp:[[@LINE-1]]:31: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
  // CHECK: thread-groups.cpp:[[@LINE-2]]:5: note: this write runs on the thread started here, which may run several times at once
  // CHECK: thread-groups.cpp:[[@LINE-6]]:7: note: 'm' is declared here
  for (auto &t : ts)
    t.join();
}
} // namespace loop_emplace_bad

// Same, each write under the shared mutex.
namespace loop_emplace_ok {
void run() {
  Map m;
  std::mutex mu;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&m, &mu, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    });
  for (auto &t : ts)
    t.join();
}
} // namespace loop_emplace_ok

// Each thread of the loop writes a map of its own.
namespace loop_own_local_ok {
void run() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([i] {
      Map mine;
      mine[i] = i;
      mine.clear();
    });
  for (auto &t : ts)
    t.join();
}
} // namespace loop_own_local_ok

// push_back(std::thread(...)) in a while loop, on a global.
namespace loop_push_back_bad {
Map g;
void run(int n) {
  std::vector<std::thread> ts;
  while (n-- > 0)
    ts.push_back(std::thread([] { g.erase(1); }));
  // CHECK: thread-groups.cpp:[[@LINE-1]]:35: warning: data race on 'g' (Map): write ('erase') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  for (auto &t : ts)
    t.join();
}
} // namespace loop_push_back_bad

// Same, under a global mutex.
namespace loop_push_back_ok {
Map g;
std::mutex mu;
void run(int n) {
  std::vector<std::thread> ts;
  while (n-- > 0)
    ts.push_back(std::thread([] {
      std::lock_guard<std::mutex> l(mu);
      g.erase(1);
    }));
  for (auto &t : ts)
    t.join();
}
} // namespace loop_push_back_ok

// pthread_create in a loop.
namespace loop_pthread_bad {
Map g;
void *body(void *) {
  g.clear();
  // CHECK: thread-groups.cpp:[[@LINE-1]]:3: warning: data race on 'g' (Map): write ('clear') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  return nullptr;
}
void run() {
  pthread_t tids[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&tids[i], nullptr, body, nullptr);
  for (int i = 0; i < 4; ++i)
    pthread_join(tids[i], nullptr);
}
} // namespace loop_pthread_bad

// Same, under a pthread mutex.
namespace loop_pthread_ok {
Map g;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
void *body(void *) {
  pthread_mutex_lock(&mu);
  g.clear();
  pthread_mutex_unlock(&mu);
  return nullptr;
}
void run() {
  pthread_t tids[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&tids[i], nullptr, body, nullptr);
  for (int i = 0; i < 4; ++i)
    pthread_join(tids[i], nullptr);
}
} // namespace loop_pthread_ok

// std::async in a loop, futures collected and waited for afterwards.
namespace loop_async_bad {
void run() {
  Map m;
  std::vector<std::future<void>> fs;
  for (int i = 0; i < 4; ++i)
    fs.push_back(std::async(std::launch::async, [&m, i] { m[i] = i; }));
  // CHECK: thread-groups.cpp:[[@LINE-1]]:59: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
  for (auto &f : fs)
    f.get();
}
} // namespace loop_async_bad

// Same, under a mutex.
namespace loop_async_ok {
void run() {
  Map m;
  std::mutex mu;
  std::vector<std::future<void>> fs;
  for (int i = 0; i < 4; ++i)
    fs.push_back(std::async(std::launch::async, [&m, &mu, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    }));
  for (auto &f : fs)
    f.get();
}
} // namespace loop_async_ok

// Two different thread functions append to the same global.
namespace two_threads_bad {
std::vector<int> g;
void a() { g.push_back(1); }
void b() { g.push_back(2); }
// CHECK: thread-groups.cpp:[[@LINE-1]]:12: warning: data race on 'g' (std::vector<int>): write ('push_back') with no lock held; the conflicting write in 'a' holds no lock either [maprace-unguarded-access]
// CHECK: thread-groups.cpp:[[@LINE-3]]:12: note: conflicting write ('push_back') in 'a', with no lock held
// CHECK: thread-groups.cpp:[[@LINE+4]]:15: note: this write runs on the thread started here
// CHECK: thread-groups.cpp:[[@LINE+2]]:15: note: the conflicting write runs on the thread started here
void run() {
  std::thread t1(a);
  std::thread t2(b);
  t1.join();
  t2.join();
}
} // namespace two_threads_bad

// Same, both under one mutex.
namespace two_threads_ok {
std::vector<int> g;
std::mutex mu;
void a() {
  std::lock_guard<std::mutex> l(mu);
  g.push_back(1);
}
void b() {
  std::lock_guard<std::mutex> l(mu);
  g.push_back(2);
}
void run() {
  std::thread t1(a);
  std::thread t2(b);
  t1.join();
  t2.join();
}
} // namespace two_threads_ok

// The first thread is joined before the second starts: they never overlap.
namespace two_threads_sequential_ok {
std::vector<int> g;
void a() { g.push_back(1); }
void b() { g.push_back(2); }
void run() {
  std::thread t1(a);
  t1.join();
  std::thread t2(b);
  t2.join();
}
} // namespace two_threads_sequential_ok

// One function started on two threads at once.
namespace same_function_two_threads_bad {
std::vector<int> g;
void a() { g.push_back(1); }
// CHECK: thread-groups.cpp:[[@LINE-1]]:12: warning: data race on 'g' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
void run() {
  std::thread t1(a);
  std::thread t2(a);
  t1.join();
  t2.join();
}
} // namespace same_function_two_threads_bad

// Same function, started again only after the first run was joined.
namespace same_function_sequential_ok {
std::vector<int> g;
void a() { g.push_back(1); }
void run() {
  std::thread t1(a);
  t1.join();
  std::thread t2(a);
  t2.join();
}
} // namespace same_function_sequential_ok
