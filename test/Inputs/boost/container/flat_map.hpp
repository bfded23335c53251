// Stand-in for boost/container/flat_map.hpp: only the members maprace's tests
// call. Included with -isystem, so it counts as a system header like the
// real one.

#ifndef MAPRACE_TEST_INPUTS_BOOST_CONTAINER_FLAT_MAP_HPP
#define MAPRACE_TEST_INPUTS_BOOST_CONTAINER_FLAT_MAP_HPP

#include <cstddef>
#include <utility>

namespace boost {
namespace container {
template <class Key, class T>
class flat_map {
public:
  using key_type = Key;
  using mapped_type = T;
  using value_type = std::pair<const Key, T>;
  using iterator = value_type *;
  using const_iterator = const value_type *;
  using size_type = std::size_t;

  std::pair<iterator, bool> insert(const value_type &kv);
  template <class... Args> std::pair<iterator, bool> emplace(Args &&...args);
  template <class... Args>
  std::pair<iterator, bool> try_emplace(const Key &k, Args &&...args);
  iterator find(const Key &k);
  const_iterator find(const Key &k) const;
  size_type count(const Key &k) const;
  bool contains(const Key &k) const;
  T &at(const Key &k);
  T &operator[](const Key &k);
  size_type erase(const Key &k);
  void clear();
  size_type size() const;
  bool empty() const;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
};
} // namespace container
} // namespace boost

#endif
