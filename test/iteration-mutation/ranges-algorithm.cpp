// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A std::ranges algorithm over a container (`std::ranges::any_of(m_,
// pred)`) is a loop, like std::any_of(m_.begin(), m_.end(), pred), and its
// forwarding-reference range parameter only reads.
#include <algorithm>
#include <map>
#include <mutex>

namespace ranges_any_of_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool HasZero() {
    return std::ranges::any_of(m_, [](const auto &kv) { return kv.second == 0; });
    // CHECK: ranges-algorithm.cpp:[[@LINE-1]]:12: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
  }
  int Total() {
    std::lock_guard<std::mutex> l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace ranges_any_of_bad
