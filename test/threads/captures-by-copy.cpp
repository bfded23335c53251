// RUN: %maprace %s -- -std=c++20 | %check %s
// A container copied into the thread (capture by copy, init-capture, an
// argument std::thread or std::async decay-copies) is the thread's own; the
// same code sharing it by reference races.
#include <future>
#include <map>
#include <thread>
#include <vector>

using Map = std::map<int, int>;

// [&m]: the thread writes the spawner's map.
namespace named_capture_bad {
int run() {
  Map m;
  std::thread t([&m] { m[1] = 1; });
  m[2] = 2;
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: captures-by-copy.cpp:[[@LINE-3]]:24: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', with no lock held
  t.join();
  return m.size();
}
} // namespace named_capture_bad

// [m]: the thread writes its own copy.
namespace named_capture_ok {
int run() {
  Map m;
  std::thread t([m]() mutable { m[1] = 1; });
  m[2] = 2;
  t.join();
  return m.size();
}
} // namespace named_capture_ok

// [&]: every local is shared with the thread.
namespace default_capture_bad {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  m[2] = 2;
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: captures-by-copy.cpp:[[@LINE-3]]:23: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', with no lock held
  t.join();
  return m.size();
}
} // namespace default_capture_bad

// [=]: every local is copied into the thread.
namespace default_capture_ok {
int run() {
  Map m;
  std::thread t([=]() mutable { m[1] = 1; });
  m[2] = 2;
  t.join();
  return m.size();
}
} // namespace default_capture_ok

// [&mm = m]: a reference init-capture aliases the spawner's map.
namespace init_capture_ref_bad {
int run() {
  Map m;
  std::thread t([&mm = m] { mm[1] = 1; });
  m.clear();
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('clear') with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: captures-by-copy.cpp:[[@LINE-3]]:29: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', with no lock held
  // CHECK: captures-by-copy.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  t.join();
  return m.size();
}
} // namespace init_capture_ref_bad

// [mm = std::move(m)]: the thread owns the map; the spawner's moved-from
// local is its own.
namespace init_capture_move_ok {
int run() {
  Map m;
  std::thread t([mm = std::move(m)]() mutable { mm[1] = 1; });
  m.clear();
  t.join();
  return m.size();
}
} // namespace init_capture_move_ok

// [m = std::move(m)]: same, the capture shadows the local's name.
namespace init_capture_same_name_ok {
int run() {
  Map m;
  std::thread t([m = std::move(m)]() mutable { m[1] = 1; });
  m.clear();
  t.join();
  return m.size();
}
} // namespace init_capture_same_name_ok

// std::ref(m): the thread function's parameter is the spawner's map.
namespace thread_arg_ref_bad {
void body(Map &m) { m[1] = 1; }
int run() {
  Map m;
  std::thread t(body, std::ref(m));
  m[2] = 2;
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in 'body' holds no lock either [maprace-unguarded-access]
  t.join();
  return m.size();
}
} // namespace thread_arg_ref_bad

// Passed by value: std::thread copies the map into the thread.
namespace thread_arg_value_ok {
void body(Map m) { m[1] = 1; }
int run() {
  Map m;
  std::thread t(body, m);
  m[2] = 2;
  t.join();
  return m.size();
}
} // namespace thread_arg_value_ok

// std::cref(m): the thread reads the spawner's map through a const&.
namespace thread_arg_cref_bad {
void body(const Map &m) { (void)m.size(); }
int run() {
  Map m;
  std::thread t(body, std::cref(m));
  m[2] = 2;
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'body' holds no lock either [maprace-unguarded-access]
  t.join();
  return 0;
}
} // namespace thread_arg_cref_bad

// Without std::cref, std::thread binds the const& to its own decayed copy.
namespace thread_arg_const_ref_copy_ok {
void body(const Map &m) { (void)m.size(); }
int run() {
  Map m;
  std::thread t(body, m);
  m[2] = 2;
  t.join();
  return 0;
}
} // namespace thread_arg_const_ref_copy_ok

// std::async with std::ref(m) shares the map.
namespace async_arg_ref_bad {
int body(Map &m) {
  m[1] = 1;
  return 0;
}
int run() {
  Map m;
  auto f = std::async(std::launch::async, body, std::ref(m));
  m[2] = 2;
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in 'body' holds no lock either [maprace-unguarded-access]
  return f.get();
}
} // namespace async_arg_ref_bad

// std::async copies a by-value argument, like std::thread.
namespace async_arg_value_ok {
int body(Map m) {
  m[1] = 1;
  return 0;
}
int run() {
  Map m;
  auto f = std::async(std::launch::async, body, m);
  m[2] = 2;
  return f.get();
}
} // namespace async_arg_value_ok

// Threads started in a loop, each sharing the spawner's map by reference.
namespace loop_ref_capture_bad {
void run() {
  Map m;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&m, i] { m[i] = i; });
  // CHECK: captures-by-copy.cpp:[[@LINE-1]]:31: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
  for (auto &t : ts)
    t.join();
}
} // namespace loop_ref_capture_bad

// Threads started in a loop, each with its own copy.
namespace loop_copy_capture_ok {
void run() {
  Map m;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([m, i]() mutable { m[i] = i; });
  m.clear();
  for (auto &t : ts)
    t.join();
}
} // namespace loop_copy_capture_ok
