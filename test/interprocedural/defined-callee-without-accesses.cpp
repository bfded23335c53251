// RUN: %maprace %s -- -std=c++20 | %check %s
// A function defined in this translation unit that takes the map by
// non-const reference but never touches it is not a write: its body decides.
#include <map>
#include <thread>

namespace noop_callee_ok {
std::map<int, int> g;
void noop(std::map<int, int> &) {}
void readonly(std::map<int, int> &m, int *out) { *out = m.size(); }
int run() {
  int x;
  std::thread t([&x] {
    noop(g);
    readonly(g, &x);
  });
  int n = g.size();
  t.join();
  return n + x;
}
} // namespace noop_callee_ok
