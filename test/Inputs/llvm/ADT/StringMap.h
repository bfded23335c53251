// Stand-in for llvm/ADT/StringMap.h: only the members maprace's tests call.
// Included with -isystem, so it counts as a system header like the real one.
#ifndef MAPRACE_TEST_INPUTS_LLVM_ADT_STRINGMAP_H
#define MAPRACE_TEST_INPUTS_LLVM_ADT_STRINGMAP_H

#include <cstddef>
#include <utility>

namespace llvm {
class StringRef {
public:
  StringRef(const char *s);
};

template <class ValueTy>
class StringMap {
public:
  using mapped_type = ValueTy;
  using value_type = std::pair<StringRef, ValueTy>;
  using iterator = value_type *;
  using const_iterator = const value_type *;
  using size_type = std::size_t;

  std::pair<iterator, bool> insert(std::pair<StringRef, ValueTy> kv);
  template <class... Args>
  std::pair<iterator, bool> try_emplace(StringRef key, Args &&...args);
  iterator find(StringRef key);
  const_iterator find(StringRef key) const;
  size_type count(StringRef key) const;
  bool contains(StringRef key) const;
  ValueTy lookup(StringRef key) const;
  ValueTy &at(StringRef key);
  ValueTy &operator[](StringRef key);
  bool erase(StringRef key);
  void clear();
  size_type size() const;
  bool empty() const;
  iterator begin();
  iterator end();
};
} // namespace llvm

#endif
