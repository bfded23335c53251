// RUN: %maprace %s -- -std=c++20 -isystem %inputs | %strip | %check %s
// Third-party maps are recognised by name (abseil, boost, LLVM), from
// stand-in headers included as system headers like the real ones; their
// operator[] inserts, so it is a write.
#include "absl/container/btree_map.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/node_hash_map.h"
#include "boost/container/flat_map.hpp"
#include "boost/unordered/unordered_flat_map.hpp"
#include "boost/unordered_map.hpp"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>

// absl::flat_hash_map: an unlocked contains() races with operator[] under mu_.
namespace absl_flat_hash_map_bad {
class Cache {
  std::mutex mu_;
  absl::flat_hash_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  bool Get(int k) {
    return m_.contains(k);
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (absl::flat_hash_map<int, int>): read ('contains') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:33: note: 'm_' is declared here
  }
};
} // namespace absl_flat_hash_map_bad

// Same, Get also holds mu_.
namespace absl_flat_hash_map_ok {
class Cache {
  std::mutex mu_;
  absl::flat_hash_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }
};
} // namespace absl_flat_hash_map_ok

// absl::node_hash_map: an unlocked find() races with try_emplace under mu_.
namespace absl_node_hash_map_bad {
class Cache {
  std::mutex mu_;
  absl::node_hash_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.try_emplace(k, k);
  }
  int Get(int k) {
    return m_.find(k)->second;
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (absl::node_hash_map<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('try_emplace') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:33: note: 'm_' is declared here
  }
};
} // namespace absl_node_hash_map_bad

// Same, Get also holds mu_.
namespace absl_node_hash_map_ok {
class Cache {
  std::mutex mu_;
  absl::node_hash_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.try_emplace(k, k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k)->second;
  }
};
} // namespace absl_node_hash_map_ok

// absl::btree_map: an unlocked count() races with insert under mu_.
namespace absl_btree_map_bad {
class Cache {
  std::mutex mu_;
  absl::btree_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, k});
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (absl::btree_map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:29: note: 'm_' is declared here
  }
};
} // namespace absl_btree_map_bad

// Same, Get also holds mu_.
namespace absl_btree_map_ok {
class Cache {
  std::mutex mu_;
  absl::btree_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, k});
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace absl_btree_map_ok

// boost::unordered_map: an unlocked at() races with operator[] under mu_.
namespace boost_unordered_map_bad {
class Cache {
  std::mutex mu_;
  boost::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.at(k);
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (boost::unordered_map<int, int>): read ('at') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:34: note: 'm_' is declared here
  }
};
} // namespace boost_unordered_map_bad

// Same, Get also holds mu_.
namespace boost_unordered_map_ok {
class Cache {
  std::mutex mu_;
  boost::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.at(k);
  }
};
} // namespace boost_unordered_map_ok

// boost::unordered_flat_map: an unlocked size() races with emplace under mu_.
namespace boost_unordered_flat_map_bad {
class Cache {
  std::mutex mu_;
  boost::unordered_flat_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    return m_.size();
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (boost::unordered_flat_map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('emplace') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:39: note: 'm_' is declared here
  }
};
} // namespace boost_unordered_flat_map_bad

// Same, Get also holds mu_.
namespace boost_unordered_flat_map_ok {
class Cache {
  std::mutex mu_;
  boost::unordered_flat_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
};
} // namespace boost_unordered_flat_map_ok

// boost::container::flat_map: an unlocked count() races with erase under mu_.
namespace boost_flat_map_bad {
class Cache {
  std::mutex mu_;
  boost::container::flat_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (boost::container::flat_map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('erase') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:40: note: 'm_' is declared here
  }
};
} // namespace boost_flat_map_bad

// Same, Get also holds mu_.
namespace boost_flat_map_ok {
class Cache {
  std::mutex mu_;
  boost::container::flat_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace boost_flat_map_ok

// llvm::DenseMap: an unlocked find() races with operator[] under mu_.
namespace llvm_dense_map_bad {
class Cache {
  std::mutex mu_;
  llvm::DenseMap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.find(k)->second;
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (llvm::DenseMap<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:28: note: 'm_' is declared here
  }
};
} // namespace llvm_dense_map_bad

// Same, Get also holds mu_.
namespace llvm_dense_map_ok {
class Cache {
  std::mutex mu_;
  llvm::DenseMap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k)->second;
  }
};
} // namespace llvm_dense_map_ok

// llvm::StringMap: an unlocked lookup() races with operator[] under mu_.
namespace llvm_string_map_bad {
class Cache {
  std::mutex mu_;
  llvm::StringMap<int> m_;

public:
  void Put(const char *name) {
    std::lock_guard<std::mutex> l(mu_);
    m_[name] = 1;
  }
  int Get(const char *name) {
    return m_.lookup(name);
    // CHECK: third-party-maps.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (llvm::StringMap<int>): read ('lookup') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: third-party-maps.cpp:[[@LINE-11]]:24: note: 'm_' is declared here
  }
};
} // namespace llvm_string_map_bad

// Same, Get also holds mu_.
namespace llvm_string_map_ok {
class Cache {
  std::mutex mu_;
  llvm::StringMap<int> m_;

public:
  void Put(const char *name) {
    std::lock_guard<std::mutex> l(mu_);
    m_[name] = 1;
  }
  int Get(const char *name) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.lookup(name);
  }
};
} // namespace llvm_string_map_ok
