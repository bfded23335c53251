// RUN: %maprace %s -- -std=c++20 | %check %s
// `const long &v = m_[k];` with an int mapped type binds the reference to a
// temporary long converted from the element, not to the element: a copy.
// Expected: silent.
#include <map>
#include <mutex>

namespace converted_temporary_ok {
class Counters {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Bump(int k) {
    std::lock_guard<std::mutex> l(mu_);
    ++m_[k];
  }
  long Get(int k) {
    mu_.lock();
    const long &v = m_[k];
    mu_.unlock();
    return v;
  }
};
} // namespace converted_temporary_ok
