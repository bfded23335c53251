// Stand-in for boost/unordered/unordered_flat_map.hpp: only the members
// maprace's tests call. Declared in boost::unordered and brought into boost,
// as the real header does. Included with -isystem, so it counts as a system
// header.

#ifndef MAPRACE_TEST_INPUTS_BOOST_UNORDERED_UNORDERED_FLAT_MAP_HPP
#define MAPRACE_TEST_INPUTS_BOOST_UNORDERED_UNORDERED_FLAT_MAP_HPP

#include <cstddef>
#include <utility>

namespace boost {
namespace unordered {
template <class K, class T>
class unordered_flat_map {
public:
  using key_type = K;
  using mapped_type = T;
  using value_type = std::pair<const K, T>;
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
  T &at(const K &k);
  T &operator[](const K &k);
  size_type erase(const K &k);
  void clear();
  size_type size() const;
  bool empty() const;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
};
} // namespace unordered
using boost::unordered::unordered_flat_map;
} // namespace boost

#endif
