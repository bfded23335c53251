// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss. A helper template starts a thread on the callable it is
// given (`t = std::thread(f)` with `f` a template parameter): maprace does
// not see the caller's lambda as that thread's body, so the lambda's write
// to the run's list races with the run's own write unreported. (Before two
// runs were told apart, this was reported, but as the writes of two runs.)
#include <thread>
#include <vector>

namespace lambda_started_by_template_helper_missed {
template <class F> void start_async(F f, std::thread &t) { t = std::thread(f); }
void handle() {
  std::vector<int> v;
  std::thread t;
  start_async([&v] { v.push_back(1); }, t);
  v.push_back(2);
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace lambda_started_by_template_helper_missed
