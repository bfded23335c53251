// Stand-in for absl/container/node_hash_map.h: only the members maprace's tests
// call. Included with -isystem, so it counts as a system header like the
// real one.

#ifndef MAPRACE_TEST_INPUTS_ABSL_CONTAINER_NODE_HASH_MAP_H
#define MAPRACE_TEST_INPUTS_ABSL_CONTAINER_NODE_HASH_MAP_H

#include <cstddef>
#include <utility>

namespace absl {
template <class K, class V>
class node_hash_map {
public:
  using key_type = K;
  using mapped_type = V;
  using value_type = std::pair<const K, V>;
  using iterator = value_type *;
  using const_iterator = const value_type *;
  using size_type = std::size_t;

  std::pair<iterator, bool> insert(const value_type &kv);
  template <class... Args> std::pair<iterator, bool> emplace(Args &&...args);
  template <class... Args>
  std::pair<iterator, bool> try_emplace(const K &k, Args &&...args);
  iterator find(const K &k);
  const_iterator find(const K &k) const;
  size_type count(const K &k) const;
  bool contains(const K &k) const;
  V &at(const K &k);
  V &operator[](const K &k);
  size_type erase(const K &k);
  void clear();
  size_type size() const;
  bool empty() const;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
};
} // namespace absl

#endif
