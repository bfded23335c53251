// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// The node-container idiom `c.erase(it++)` advances the loop's iterator
// before the node is erased: silent.
#include <list>
#include <map>

// std::map: erase(it++).
namespace map_post_increment_ok {
void Expire(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    if (it->second == 0)
      m.erase(it++);
    else
      ++it;
  }
}
} // namespace map_post_increment_ok

// std::list: erase(it++).
namespace list_post_increment_ok {
void DropZeros(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end();) {
    if (*it == 0)
      l.erase(it++);
    else
      ++it;
  }
}
} // namespace list_post_increment_ok
