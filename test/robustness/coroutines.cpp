// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A C++20 coroutine run on a thread: its body (split by co_await into
// several CFG pieces) is analysed like a function, with the lock held around
// each access, and without crashing on the coroutine machinery.
#include <coroutine>
#include <map>
#include <mutex>
#include <thread>

// A minimal eager coroutine type.
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

// The coroutine writes before and after a co_await without the lock the
// spawner holds: one warning, the second write as a note.
namespace coroutine_bad {
std::map<int, int> g;
std::mutex mu;
Task fill() {
  g[1] = 1;
  // CHECK: coroutines.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting read in 'run' holds it [maprace-unguarded-access]
  // CHECK-NEXT: coroutines.cpp:[[@LINE+12]]:9: note: conflicting read ('size') in 'run', holding 'mu'
  // CHECK-NEXT: coroutines.cpp:[[@LINE+7]]:15: note: this write runs on the thread started here
  // CHECK-NEXT: coroutines.cpp:[[@LINE+3]]:3: note: 'g' is also written here without holding 'mu'
  // CHECK-NEXT: coroutines.cpp:[[@LINE-8]]:20: note: 'g' is declared here
  co_await std::suspend_never{};
  g[2] = 2;
}
int run() {
  std::thread t([] { fill(); });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace coroutine_bad

// Same, both writes under the mutex.
namespace coroutine_ok {
std::map<int, int> g;
std::mutex mu;
Task fill() {
  {
    std::lock_guard<std::mutex> l(mu);
    g[1] = 1;
  }
  co_await std::suspend_never{};
  std::lock_guard<std::mutex> l(mu);
  g[2] = 2;
}
int run() {
  std::thread t([] { fill(); });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace coroutine_ok
