// RUN: %maprace %s -- -std=c++20 -isystem %inputs | %strip | %check %s
// absl::btree_map and boost::container::flat_map are not node-based: a
// btree moves elements between nodes on insert and erase, and a flat_map is
// a sorted vector, so any insertion or erasure invalidates every iterator,
// as for std::vector.
#include <absl/container/btree_map.h>
#include <boost/container/flat_map.hpp>

// absl::btree_map: operator[] with a new key inside the loop.
namespace btree_insert_bad {
void Successors(absl::btree_map<int, int> &m) {
  for (auto &kv : m)
    // CHECK: contiguous-third-party-maps.cpp:[[@LINE-1]]:3: warning: loop over 'm' (absl::btree_map<int, int>) is invalidated by its own body: 'operator[]' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (kv.second > 0)
      m[kv.first + 1] = 0;
}
} // namespace btree_insert_bad

// boost::container::flat_map: insert() inside the loop.
namespace flat_map_insert_bad {
void Mirror(boost::container::flat_map<int, int> &m) {
  for (auto &kv : m)
    // CHECK: contiguous-third-party-maps.cpp:[[@LINE-1]]:3: warning: loop over 'm' (boost::container::flat_map<int, int>) is invalidated by its own body: 'insert' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (kv.first > 0)
      m.insert({-kv.first, kv.second});
}
} // namespace flat_map_insert_bad

// absl::btree_map: erasing another key also moves elements.
namespace btree_erase_other_bad {
void Drop(absl::btree_map<int, int> &m, int victim) {
  for (auto &kv : m)
    // CHECK: contiguous-third-party-maps.cpp:[[@LINE-1]]:3: warning: loop over 'm' (absl::btree_map<int, int>) is invalidated by its own body: 'erase' shifts the elements and invalidates the loop's iterator [maprace-iteration-mutation]
    if (kv.first != victim)
      m.erase(victim);
}
} // namespace btree_erase_other_bad
