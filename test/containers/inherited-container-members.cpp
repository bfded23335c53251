// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// llvm::DenseMap and absl::flat_hash_map inherit their members (find,
// insert, operator[], erase, size, ...) from a base class template: calls to
// them are classified by the class of the object they are called on.
#include <cstddef>
#include <mutex>
#include <utility>

// The shape of llvm/ADT/DenseMap.h.
namespace llvm {
template <typename DerivedT, typename KeyT, typename ValueT>
class DenseMapBase {
public:
  using iterator = std::pair<KeyT, ValueT> *;
  iterator find(const KeyT &K);
  unsigned size() const;
  ValueT &operator[](const KeyT &K);
  bool erase(const KeyT &K);
};
template <typename KeyT, typename ValueT>
class DenseMap : public DenseMapBase<DenseMap<KeyT, ValueT>, KeyT, ValueT> {};
} // namespace llvm

// The shape of absl/container/flat_hash_map.h.
namespace absl {
namespace container_internal {
template <class K, class V> class raw_hash_map {
public:
  std::size_t size() const;
  bool contains(const K &k) const;
  V &operator[](const K &k);
  std::size_t erase(const K &k);
};
} // namespace container_internal
template <class K, class V>
class flat_hash_map : public container_internal::raw_hash_map<K, V> {
  using Base = container_internal::raw_hash_map<K, V>;

public:
  using Base::contains;
  using Base::erase;
  using Base::size;
  using Base::operator[];
};
} // namespace absl

// llvm::DenseMap: operator[] without the lock races with size() under mu_.
namespace dense_map_bad {
class Cache {
  std::mutex mu_;
  llvm::DenseMap<int, int> m_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Put(int k) { m_[k] = k; }
  // CHECK: inherited-container-members.cpp:[[@LINE-1]]:21: warning: data race on 'm_' (llvm::DenseMap<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
};
} // namespace dense_map_bad

// Same, Put holds mu_.
namespace dense_map_ok {
class Cache {
  std::mutex mu_;
  llvm::DenseMap<int, int> m_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
};
} // namespace dense_map_ok

// absl::flat_hash_map: erase without the lock races with contains() under
// mu_.
namespace flat_hash_map_bad {
class Cache {
  std::mutex mu_;
  absl::flat_hash_map<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }
  void Drop(int k) { m_.erase(k); }
  // CHECK: inherited-container-members.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (absl::flat_hash_map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Has' holds it [maprace-unguarded-access]
};
} // namespace flat_hash_map_bad

// Same, Drop holds mu_.
namespace flat_hash_map_ok {
class Cache {
  std::mutex mu_;
  absl::flat_hash_map<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
};
} // namespace flat_hash_map_ok
