// RUN: %maprace %s -- -std=c++20 | %check %s
// A map of raw pointers. `Widget *w = m_.at(k);` copies the stored pointer
// out under the lock; `w` points at a Widget the map does not own, not into
// the map, and no insert or erase moves it. A pointer is a handle only when
// obtained as one (`&m_[k]`, `v.data()`), not because of its type.
// Expected: silent.
#include <map>
#include <mutex>

struct Widget {
  void Run();
};

namespace pointer_value_ok {
class Registry {
  std::mutex mu_;
  std::map<int, Widget *> m_;

public:
  void Put(int k, Widget *w) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = w;
  }
  void Run(int k) {
    mu_.lock();
    Widget *w = m_.at(k);
    mu_.unlock();
    w->Run();
  }
};
} // namespace pointer_value_ok
