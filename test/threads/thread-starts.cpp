// RUN: %maprace %s -- -std=c++20 | %check %s
// How a local container reaches a thread: by-reference captures, `this`,
// std::ref, pointers, member-function threads and stored lambdas, for every
// way of starting one (std::thread, std::jthread, std::async,
// pthread_create). Each _ok twin reads the container only once the thread
// has been joined.
#include <future>
#include <map>
#include <pthread.h>
#include <stop_token>
#include <thread>

using Map = std::map<int, int>;

// [&] lambda on a std::thread writes the spawner's local.
namespace ref_capture_all_bad {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  // CHECK: thread-starts.cpp:[[@LINE-1]]:23: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: thread-starts.cpp:[[@LINE+3]]:11: note: conflicting read ('size') in 'run', with no lock held
  // CHECK: thread-starts.cpp:[[@LINE-3]]:15: note: this write runs on the thread started here
  // CHECK: thread-starts.cpp:[[@LINE-5]]:7: note: 'm' is declared here
  int n = m.size();
  t.join();
  return n;
}
} // namespace ref_capture_all_bad

// Same, read after the join.
namespace ref_capture_all_ok {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  t.join();
  return m.size();
}
} // namespace ref_capture_all_ok

// [&m] names the captured local.
namespace ref_capture_named_bad {
int run() {
  Map m;
  std::thread t([&m] { m.erase(1); });
  // CHECK: thread-starts.cpp:[[@LINE-1]]:24: warning: data race on 'm' (Map): write ('erase') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = m.count(1);
  t.join();
  return n;
}
} // namespace ref_capture_named_bad

// Same, read after the join.
namespace ref_capture_named_ok {
int run() {
  Map m;
  std::thread t([&m] { m.erase(1); });
  t.join();
  return m.count(1);
}
} // namespace ref_capture_named_ok

// [this] gives the thread the object's members.
namespace this_capture_bad {
struct W {
  Map m;
  int run() {
    std::thread t([this] { m[1] = 1; });
    // CHECK: thread-starts.cpp:[[@LINE-1]]:28: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'W::run' holds no lock either [maprace-unguarded-access]
    int n = m.size();
    t.join();
    return n;
  }
};
} // namespace this_capture_bad

// Same, read after the join.
namespace this_capture_ok {
struct W {
  Map m;
  int run() {
    std::thread t([this] { m[1] = 1; });
    t.join();
    return m.size();
  }
};
} // namespace this_capture_ok

// A std::jthread is joined only when it leaves scope: the return reads
// while it runs.
namespace jthread_bad {
int run() {
  Map m;
  std::jthread t([&] { m[1] = 1; });
  // CHECK: thread-starts.cpp:[[@LINE-1]]:24: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  return m.size();
}
} // namespace jthread_bad

// Same, the jthread's scope ends before the read.
namespace jthread_ok {
int run() {
  Map m;
  {
    std::jthread t([&] { m[1] = 1; });
  }
  return m.size();
}
} // namespace jthread_ok

// A jthread callable taking a std::stop_token.
namespace jthread_stop_token_bad {
int run() {
  Map m;
  std::jthread t([&](std::stop_token st) {
    while (!st.stop_requested())
      m[1] = 1;
    // CHECK: thread-starts.cpp:[[@LINE-1]]:7: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  });
  return m.size();
}
} // namespace jthread_stop_token_bad

// Same, joined explicitly before the read.
namespace jthread_stop_token_ok {
int run() {
  Map m;
  std::jthread t([&](std::stop_token st) {
    while (!st.stop_requested())
      m[1] = 1;
  });
  t.request_stop();
  t.join();
  return m.size();
}
} // namespace jthread_stop_token_ok

// std::async with the default policy may run on a new thread.
namespace async_default_bad {
int run() {
  Map m;
  auto f = std::async([&] { m[1] = 1; });
  // CHECK: thread-starts.cpp:[[@LINE-1]]:29: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: thread-starts.cpp:[[@LINE-2]]:12: note: this write runs on the thread started here
  int n = m.size();
  f.get();
  return n;
}
} // namespace async_default_bad

// Same, the future is waited for with get() before the read.
namespace async_default_ok {
int run() {
  Map m;
  auto f = std::async([&] { m[1] = 1; });
  f.get();
  return m.size();
}
} // namespace async_default_ok

// std::launch::async always runs on a new thread.
namespace async_launch_async_bad {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] { m[1] = 1; });
  // CHECK: thread-starts.cpp:[[@LINE-1]]:49: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = m.size();
  f.get();
  return n;
}
} // namespace async_launch_async_bad

// std::launch::deferred runs the callable in the caller, at get().
namespace async_deferred_ok {
int run() {
  Map m;
  auto f = std::async(std::launch::deferred, [&] { m[1] = 1; });
  int n = m.size();
  f.get();
  return n;
}
} // namespace async_deferred_ok

// pthread_create passes the local's address as the void* argument.
namespace pthread_bad {
void *body(void *arg) {
  static_cast<Map *>(arg)->insert({1, 1});
  // CHECK: thread-starts.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('insert') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: thread-starts.cpp:[[@LINE+10]]:11: note: conflicting read ('size') in 'run', with no lock held
  // CHECK: thread-starts.cpp:[[@LINE+8]]:3: note: this write runs on the thread started here
  // (no separate call note: the thread start is the call)
  // CHECK: thread-starts.cpp:[[@LINE+4]]:7: note: 'm' is declared here
  return nullptr;
}
int run() {
  Map m;
  pthread_t tid;
  pthread_create(&tid, nullptr, body, &m);
  int n = m.size();
  pthread_join(tid, nullptr);
  return n;
}
} // namespace pthread_bad

// Same, read after pthread_join.
namespace pthread_ok {
void *body(void *arg) {
  static_cast<Map *>(arg)->insert({1, 1});
  return nullptr;
}
int run() {
  Map m;
  pthread_t tid;
  pthread_create(&tid, nullptr, body, &m);
  pthread_join(tid, nullptr);
  return m.size();
}
} // namespace pthread_ok

// std::ref(m) binds the thread function's Map& to the local.
namespace std_ref_bad {
void body(Map &m) { m[1] = 1; }
// CHECK: thread-starts.cpp:[[@LINE-1]]:21: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  Map m;
  std::thread t(body, std::ref(m));
  int n = m.size();
  t.join();
  return n;
}
} // namespace std_ref_bad

// Same, read after the join.
namespace std_ref_ok {
void body(Map &m) { m[1] = 1; }
int run() {
  Map m;
  std::thread t(body, std::ref(m));
  t.join();
  return m.size();
}
} // namespace std_ref_ok

// &m binds the thread function's Map* to the local.
namespace pointer_arg_bad {
void body(Map *m) { m->clear(); }
// CHECK: thread-starts.cpp:[[@LINE-1]]:21: warning: data race on 'm' (Map): write ('clear') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  Map m;
  std::thread t(body, &m);
  int n = m.size();
  t.join();
  return n;
}
} // namespace pointer_arg_bad

// Same, read after the join.
namespace pointer_arg_ok {
void body(Map *m) { m->clear(); }
int run() {
  Map m;
  std::thread t(body, &m);
  t.join();
  return m.size();
}
} // namespace pointer_arg_ok

// std::thread(&Worker::Run, this) runs a member function on the object.
namespace member_function_bad {
struct Worker {
  Map m;
  void Run() { m[1] = 1; }
  // CHECK: thread-starts.cpp:[[@LINE-1]]:16: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'Worker::go' holds no lock either [maprace-unguarded-access]
  int go() {
    std::thread t(&Worker::Run, this);
    int n = m.size();
    t.join();
    return n;
  }
};
} // namespace member_function_bad

// Same, read after the join.
namespace member_function_ok {
struct Worker {
  Map m;
  void Run() { m[1] = 1; }
  int go() {
    std::thread t(&Worker::Run, this);
    t.join();
    return m.size();
  }
};
} // namespace member_function_ok

// A lambda stored in a local and handed to std::thread later.
namespace stored_lambda_bad {
int run() {
  Map m;
  auto fn = [&] { m[1] = 1; };
  // CHECK: thread-starts.cpp:[[@LINE-1]]:19: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: thread-starts.cpp:[[@LINE+1]]:15: note: this write runs on the thread started here
  std::thread t(fn);
  int n = m.size();
  t.join();
  return n;
}
} // namespace stored_lambda_bad

// Same, read after the join.
namespace stored_lambda_ok {
int run() {
  Map m;
  auto fn = [&] { m[1] = 1; };
  std::thread t(fn);
  t.join();
  return m.size();
}
} // namespace stored_lambda_ok
