// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// On a node-based container, erasing a key computed from the loop variable
// but not the current key (`m.erase(kv.first + 1)`) leaves the loop's
// iterator valid: silent.
#include <map>

namespace derived_key_ok {
void DropSuccessors(std::map<int, int> &m) {
  for (const auto &kv : m)
    if (kv.second < 0)
      m.erase(kv.first + 1);
}
} // namespace derived_key_ok
