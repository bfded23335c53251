// RUN: %maprace %s -- -std=c++20 | %check %s
// future::wait() ends the std::async task like get() does (in libstdc++
// wait() is a member of the base std::__basic_future).
#include <future>
#include <map>

using Map = std::map<int, int>;

// The read comes before wait().
namespace wait_bad {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] { m[1] = 1; });
  // CHECK: :[[@LINE-1]]:49: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = m.size();
  f.wait();
  return n;
}
} // namespace wait_bad

// The read comes after wait().
namespace wait_ok {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] { m[1] = 1; });
  f.wait();
  return m.size();
}
} // namespace wait_ok

// Same with an explicitly typed std::future<int>.
namespace typed_future_wait_ok {
int run() {
  Map m;
  std::future<int> f = std::async(std::launch::async, [&] {
    m[1] = 1;
    return 0;
  });
  f.wait();
  return m.size();
}
} // namespace typed_future_wait_ok
