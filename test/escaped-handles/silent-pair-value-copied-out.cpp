// RUN: %maprace %s -- -std=c++20 | %check %s
// The mapped type is a std::pair, copied out under the lock
// (`auto v = m_[k];`, `auto [sp, n] = m_[k];`). Both are values, not handles
// into the map (a std::pair variable is not taken for insert()'s or
// equal_range()'s pair of iterators). Expected: silent.
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace pair_value_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::pair<std::shared_ptr<int>, int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = {std::move(v), 1};
  }
  int Get(int k) {
    mu_.lock();
    auto v = m_[k];
    mu_.unlock();
    return v.first ? *v.first : 0;
  }
  int GetBound(int k) {
    mu_.lock();
    auto [sp, n] = m_[k];
    mu_.unlock();
    return sp ? *sp + n : 0;
  }
};
} // namespace pair_value_ok
