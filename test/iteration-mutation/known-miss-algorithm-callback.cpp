// RUN: %maprace %s -- -std=c++20 | %check %s
// Known miss (documented limit): an algorithm whose callback mutates the
// container it runs over is not checked for same-thread invalidation.
// Should report, on the std::for_each call:
//   loop over 'v' (std::vector<int>) is invalidated by its own body:
//   'push_back' may reallocate and invalidates every iterator
// and likewise for the unordered_map insert in a std::for_each callback.
// Currently silent. (Algorithms ARE recognised as loops for the
// cross-thread half: see cross-thread.cpp.)
#include <algorithm>
#include <unordered_map>
#include <vector>

namespace vector_callback {
void Expand(std::vector<int> &v) {
  std::for_each(v.begin(), v.end(), [&](int x) {
    if (x > 0)
      v.push_back(-x);
  });
}
} // namespace vector_callback

namespace unordered_callback {
void Mirror(std::unordered_map<int, int> &m) {
  std::for_each(m.begin(), m.end(),
                [&](const auto &kv) { m.insert({-kv.first, kv.second}); });
}
} // namespace unordered_callback
