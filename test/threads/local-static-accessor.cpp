// RUN: %maprace %s -- -std=c++20 | %check %s
// A function-local static reached through an accessor returning a
// reference to it (the Meyers-singleton shape `static T& instance()`) is one
// object for every thread: `log().push_back(...)` is an access to it.
#include <mutex>
#include <thread>
#include <vector>

std::vector<int> &log() {
  static std::vector<int> entries;
  return entries;
}
std::vector<int> &okLog() {
  static std::vector<int> entries;
  return entries;
}
std::mutex logMu;

// The thread appends while the spawner clears.
namespace accessor_bad {
void run() {
  std::thread t([] { log().push_back(1); });
  log().clear();
  // CHECK: :[[@LINE-1]]:3: warning: data race on 'entries' (std::vector<int>): write ('clear') with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: :[[@LINE-3]]:22: note: conflicting write ('push_back') in a lambda in 'run', with no lock held
  // CHECK: :[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  t.join();
}
} // namespace accessor_bad

// Same, both sides under one mutex.
namespace accessor_ok {
void run() {
  std::thread t([] {
    std::lock_guard<std::mutex> l(logMu);
    okLog().push_back(1);
  });
  std::lock_guard<std::mutex> l(logMu);
  okLog().clear();
  t.join();
}
} // namespace accessor_ok
