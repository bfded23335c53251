// Stand-in for llvm/ADT/DenseMap.h: only the members maprace's tests call.
// The real DenseMap inherits them from DenseMapBase; this one declares them
// itself. Included with -isystem, so it counts as a system header.

#ifndef MAPRACE_TEST_INPUTS_LLVM_ADT_DENSEMAP_H
#define MAPRACE_TEST_INPUTS_LLVM_ADT_DENSEMAP_H

#include <cstddef>
#include <utility>

namespace llvm {
template <class KeyT, class ValueT>
class DenseMap {
public:
  using key_type = KeyT;
  using mapped_type = ValueT;
  using value_type = std::pair<const KeyT, ValueT>;
  using iterator = value_type *;
  using const_iterator = const value_type *;
  using size_type = std::size_t;

  std::pair<iterator, bool> insert(const value_type &kv);
  template <class... Args> std::pair<iterator, bool> emplace(Args &&...args);
  template <class... Args>
  std::pair<iterator, bool> try_emplace(const KeyT &k, Args &&...args);
  iterator find(const KeyT &k);
  const_iterator find(const KeyT &k) const;
  size_type count(const KeyT &k) const;
  bool contains(const KeyT &k) const;
  ValueT &at(const KeyT &k);
  ValueT &operator[](const KeyT &k);
  size_type erase(const KeyT &k);
  void clear();
  size_type size() const;
  bool empty() const;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
};
} // namespace llvm

#endif
