// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Other spellings of the explicit iterator loop: the cached end
// (`for (auto it = v.begin(), e = v.end(); it != e; ++it)`),
// std::begin(v)/std::end(v), and rbegin()/rend().
#include <iterator>
#include <map>
#include <mutex>
#include <vector>

// Cached end iterator.
namespace cached_end_bad {
void Expand(std::vector<int> &v) {
  for (auto it = v.begin(), e = v.end(); it != e; ++it)
    // CHECK: iterator-loop-shapes.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (*it > 0)
      v.push_back(-*it);
}
} // namespace cached_end_bad

// std::begin / std::end.
namespace std_begin_bad {
void Expand(std::vector<int> &v) {
  for (auto it = std::begin(v); it != std::end(v); ++it)
    // CHECK: iterator-loop-shapes.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (*it > 0)
      v.push_back(-*it);
}
} // namespace std_begin_bad

// rbegin / rend.
namespace reverse_bad {
void Expand(std::vector<int> &v) {
  for (auto it = v.rbegin(); it != v.rend(); ++it)
    // CHECK: iterator-loop-shapes.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (*it > 0)
      v.push_back(-*it);
}
} // namespace reverse_bad

// rbegin / rend over a shared member, with no lock.
namespace reverse_shared_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Last() {
    int sum = 0;
    for (auto it = m_.rbegin(); it != m_.rend(); ++it)
      // CHECK: iterator-loop-shapes.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      sum += it->second;
    return sum;
  }
};
} // namespace reverse_shared_bad
