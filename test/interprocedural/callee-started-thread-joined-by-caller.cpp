// RUN: %maprace %s -- -std=c++20 | %check %s
// A thread started by a callee into a handle the caller owns (a reference
// parameter, or a member of the caller's object) is joined when the caller
// (or another callee) joins that handle.
// Start(t) stores the thread in the caller's handle; the caller joins it.
#include <map>
#include <thread>

// Start(t) stores the thread in the caller's handle; the caller joins it.
namespace param_handle_ok {
std::map<int, int> g;
void Start(std::thread &t) {
  t = std::thread([] { g[3] = 1; });
}
int run() {
  std::thread t;
  Start(t);
  t.join();
  return g.size();
}
} // namespace param_handle_ok

// Start() stores the worker in a member, Stop() joins it, Peek() reads after.
namespace member_handle_ok {
class Worker {
public:
  void Start() { t_ = std::thread([this] { Loop(); }); }
  void Stop() { t_.join(); }
  int Peek() { return m_.size(); }

private:
  void Loop() { m_[3] = 1; }
  std::thread t_;
  std::map<int, int> m_;
};
int run() {
  Worker w;
  w.Start();
  w.Stop();
  return w.Peek();
}
} // namespace member_handle_ok
