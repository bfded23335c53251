// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Every standard associative container is recognised: an unlocked lookup
// races with a write made under the class's mutex, and the twin that also
// locks stays silent.
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>

// std::map: an unlocked count() races with operator[] under mu_.
namespace map_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace map_bad

// Same, Get also holds mu_.
namespace map_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace map_ok

// std::multimap: an unlocked find() races with insert under mu_; the end()
// beside it is reported as a note of the same warning.
namespace multimap_bad {
class Cache {
  std::mutex mu_;
  std::multimap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, k});
  }
  bool Get(int k) {
    return m_.find(k) != m_.end();
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::multimap<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-3]]:26: note: 'm_' is also read here without holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-12]]:27: note: 'm_' is declared here
  }
};
} // namespace multimap_bad

// Same, Get also holds mu_.
namespace multimap_ok {
class Cache {
  std::mutex mu_;
  std::multimap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, k});
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }
};
} // namespace multimap_ok

// std::set: an unlocked contains() races with insert under mu_.
namespace set_bad {
class Cache {
  std::mutex mu_;
  std::set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  bool Get(int k) {
    return m_.contains(k);
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::set<int>): read ('contains') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:17: note: 'm_' is declared here
  }
};
} // namespace set_bad

// Same, Get also holds mu_.
namespace set_ok {
class Cache {
  std::mutex mu_;
  std::set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }
};
} // namespace set_ok

// std::multiset: an unlocked count() races with erase under mu_.
namespace multiset_bad {
class Cache {
  std::mutex mu_;
  std::multiset<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::multiset<int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('erase') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace multiset_bad

// Same, Get also holds mu_.
namespace multiset_ok {
class Cache {
  std::mutex mu_;
  std::multiset<int> m_;

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
} // namespace multiset_ok

// std::unordered_map: an unlocked at() races with emplace under mu_.
namespace unordered_map_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    return m_.at(k);
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::unordered_map<int, int>): read ('at') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('emplace') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace unordered_map_bad

// Same, Get also holds mu_.
namespace unordered_map_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.at(k);
  }
};
} // namespace unordered_map_ok

// std::unordered_multimap: an unlocked count() races with emplace under mu_.
namespace unordered_multimap_bad {
class Cache {
  std::mutex mu_;
  std::unordered_multimap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::unordered_multimap<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('emplace') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:37: note: 'm_' is declared here
  }
};
} // namespace unordered_multimap_bad

// Same, Get also holds mu_.
namespace unordered_multimap_ok {
class Cache {
  std::mutex mu_;
  std::unordered_multimap<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace unordered_multimap_ok

// std::unordered_set: an unlocked size() races with insert under mu_.
namespace unordered_set_bad {
class Cache {
  std::mutex mu_;
  std::unordered_set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  int Get(int k) {
    return m_.size();
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::unordered_set<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:27: note: 'm_' is declared here
  }
};
} // namespace unordered_set_bad

// Same, Get also holds mu_.
namespace unordered_set_ok {
class Cache {
  std::mutex mu_;
  std::unordered_set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
};
} // namespace unordered_set_ok

// std::unordered_multiset: an unlocked empty() races with clear under mu_.
namespace unordered_multiset_bad {
class Cache {
  std::mutex mu_;
  std::unordered_multiset<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.clear();
  }
  bool Get(int k) {
    return m_.empty();
    // CHECK: std-associative.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::unordered_multiset<int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-associative.cpp:[[@LINE-5]]:5: note: conflicting write ('clear') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-associative.cpp:[[@LINE-11]]:32: note: 'm_' is declared here
  }
};
} // namespace unordered_multiset_bad

// Same, Get also holds mu_.
namespace unordered_multiset_ok {
class Cache {
  std::mutex mu_;
  std::unordered_multiset<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.clear();
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.empty();
  }
};
} // namespace unordered_multiset_ok
