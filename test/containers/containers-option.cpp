// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.Containers: 'my::SmallMap;my::SmallVec'}}" -- -std=c++20 | %strip | %check %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.Containers: 'SmallMap;::my::SmallVec'}}" -- -std=c++20 | %strip | %check %s
// RUN: %maprace %s -- -std=c++20 | %strip | %check %s --check-prefix=NOOPT
// The Containers option makes project class templates containers, named
// qualified, unqualified or fully qualified ('::my::SmallVec'). A class with
// a mapped_type is map-like (operator[] inserts); one without is
// sequence-like (operator[] reads). Unknown non-const members write, const
// ones read. Without the option the project types are opaque: no warning.
// NOOPT-NOT: warning:
#include <mutex>
#include <utility>

namespace my {
// Project containers, defined in another translation unit.
template <class K, class V> class SmallMap {
public:
  using key_type = K;
  using mapped_type = V;
  V &operator[](const K &k);
  const V *find(const K &k) const;
  void erase(const K &k);
  unsigned size() const;
  void compact();
  unsigned stats() const;
};
template <class T> class SmallVec {
public:
  T &operator[](unsigned i);
  void push_back(const T &v);
  unsigned size() const;
};
} // namespace my

// A map-like project container: operator[] is a write.
namespace map_subscript_bad {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Put(int k) { m_[k] = k; }
  // CHECK: containers-option.cpp:[[@LINE-1]]:21: warning: data race on 'm_' (my::SmallMap<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
  // CHECK-NEXT: containers-option.cpp:[[@LINE-4]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
  // CHECK-NEXT: containers-option.cpp:[[@LINE-10]]:26: note: 'm_' is declared here
};
} // namespace map_subscript_bad

// Same, Put also holds mu_.
namespace map_subscript_ok {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

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
} // namespace map_subscript_ok

// A named write member (erase) of the map-like container.
namespace map_erase_bad {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != nullptr;
  }
  void Drop(int k) { m_.erase(k); }
  // CHECK: containers-option.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (my::SmallMap<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Has' holds it [maprace-unguarded-access]
};
} // namespace map_erase_bad

// Same, Drop also holds mu_.
namespace map_erase_ok {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

public:
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != nullptr;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
};
} // namespace map_erase_ok

// An unknown non-const member (compact) is taken as a write; it races with
// an unknown const member (stats), taken as a read, made under mu_.
namespace unknown_member_bad {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

public:
  unsigned Stats() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.stats();
  }
  void Compact() { m_.compact(); }
  // CHECK: containers-option.cpp:[[@LINE-1]]:20: warning: data race on 'm_' (my::SmallMap<int, int>): write ('compact') without holding 'mu_'; the conflicting read in 'Cache::Stats' holds it [maprace-unguarded-access]
};
} // namespace unknown_member_bad

// Unknown const members on both sides, one without the lock: read-read,
// silent.
namespace unknown_member_ok {
class Cache {
  std::mutex mu_;
  my::SmallMap<int, int> m_;

public:
  unsigned Stats() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.stats();
  }
  unsigned PeekStats() { return m_.stats(); }
};
} // namespace unknown_member_ok

// A sequence-like project container: an unlocked operator[] reads, and
// races with push_back under mu_.
namespace vec_subscript_bad {
class Log {
  std::mutex mu_;
  my::SmallVec<int> v_;

public:
  void Append(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  int At(unsigned i) { return v_[i]; }
  // CHECK: containers-option.cpp:[[@LINE-1]]:31: warning: data race on 'v_' (my::SmallVec<int>): read ('operator[]') without holding 'mu_'; the conflicting write in 'Log::Append' holds it [maprace-unguarded-access]
};
} // namespace vec_subscript_bad

// The unlocked operator[] only meets reads (size under mu_): silent.
namespace vec_subscript_ok {
class Log {
  std::mutex mu_;
  my::SmallVec<int> v_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return v_.size();
  }
  int At(unsigned i) { return v_[i]; }
};
} // namespace vec_subscript_ok
