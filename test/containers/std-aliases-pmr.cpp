// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Containers spelled through a typedef, an alias (also an alias template and
// a member alias), a class derived from a std container, and the std::pmr
// variants are recognised; the warning shows the type as the member is
// declared.
#include <deque>
#include <map>
#include <memory_resource>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

// A typedef of std::map.
namespace typedef_bad {
typedef std::map<int, int> IntMap;
class Cache {
  std::mutex mu_;
  IntMap m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (IntMap): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:10: note: 'm_' is declared here
  }
};
} // namespace typedef_bad

// Same, Get also holds mu_.
namespace typedef_ok {
typedef std::map<int, int> IntMap;
class Cache {
  std::mutex mu_;
  IntMap m_;

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
} // namespace typedef_ok

// A `using` alias of std::map.
namespace using_alias_bad {
using Map = std::map<int, int>;
class Cache {
  std::mutex mu_;
  Map m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, k});
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (Map): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:7: note: 'm_' is declared here
  }
};
} // namespace using_alias_bad

// Same, Get also holds mu_.
namespace using_alias_ok {
using Map = std::map<int, int>;
class Cache {
  std::mutex mu_;
  Map m_;

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
} // namespace using_alias_ok

// An alias template over std::unordered_map.
namespace alias_template_bad {
template <class V> using ByName = std::unordered_map<std::string, V>;
class Cache {
  std::mutex mu_;
  ByName<int> m_;

public:
  void Put(const std::string &name) {
    std::lock_guard<std::mutex> l(mu_);
    m_[name] = 1;
  }
  int Get(const std::string &name) {
    return m_.count(name);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (ByName<int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:15: note: 'm_' is declared here
  }
};
} // namespace alias_template_bad

// Same, Get also holds mu_.
namespace alias_template_ok {
template <class V> using ByName = std::unordered_map<std::string, V>;
class Cache {
  std::mutex mu_;
  ByName<int> m_;

public:
  void Put(const std::string &name) {
    std::lock_guard<std::mutex> l(mu_);
    m_[name] = 1;
  }
  int Get(const std::string &name) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(name);
  }
};
} // namespace alias_template_ok

// An alias declared inside the class.
namespace member_alias_bad {
class Cache {
  std::mutex mu_;
  using Index = std::unordered_map<int, int>;
  Index m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    return m_.find(k)->second;
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (Index): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('erase') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:9: note: 'm_' is declared here
  }
};
} // namespace member_alias_bad

// Same, Get also holds mu_.
namespace member_alias_ok {
class Cache {
  std::mutex mu_;
  using Index = std::unordered_map<int, int>;
  Index m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k)->second;
  }
};
} // namespace member_alias_ok

// A class derived from std::map: the inherited members are the map's.
namespace derived_bad {
class Registry : public std::map<int, int> {};
class Cache {
  std::mutex mu_;
  Registry m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (Registry): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:12: note: 'm_' is declared here
  }
};
} // namespace derived_bad

// Same, Get also holds mu_.
namespace derived_ok {
class Registry : public std::map<int, int> {};
class Cache {
  std::mutex mu_;
  Registry m_;

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
} // namespace derived_ok

// std::pmr::map.
namespace pmr_map_bad {
class Cache {
  std::mutex mu_;
  std::pmr::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::pmr::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:27: note: 'm_' is declared here
  }
};
} // namespace pmr_map_bad

// Same, Get also holds mu_.
namespace pmr_map_ok {
class Cache {
  std::mutex mu_;
  std::pmr::map<int, int> m_;

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
} // namespace pmr_map_ok

// std::pmr::unordered_map.
namespace pmr_unordered_map_bad {
class Cache {
  std::mutex mu_;
  std::pmr::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.try_emplace(k, k);
  }
  bool Get(int k) {
    return m_.contains(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::pmr::unordered_map<int, int>): read ('contains') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('try_emplace') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:37: note: 'm_' is declared here
  }
};
} // namespace pmr_unordered_map_bad

// Same, Get also holds mu_.
namespace pmr_unordered_map_ok {
class Cache {
  std::mutex mu_;
  std::pmr::unordered_map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.try_emplace(k, k);
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.contains(k);
  }
};
} // namespace pmr_unordered_map_ok

// std::pmr::set.
namespace pmr_set_bad {
class Cache {
  std::mutex mu_;
  std::pmr::set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  int Get(int k) {
    return m_.count(k);
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::pmr::set<int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('insert') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:22: note: 'm_' is declared here
  }
};
} // namespace pmr_set_bad

// Same, Get also holds mu_.
namespace pmr_set_ok {
class Cache {
  std::mutex mu_;
  std::pmr::set<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace pmr_set_ok

// std::pmr::vector.
namespace pmr_vector_bad {
class Cache {
  std::mutex mu_;
  std::pmr::vector<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    return m_.size();
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::pmr::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('push_back') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:25: note: 'm_' is declared here
  }
};
} // namespace pmr_vector_bad

// Same, Get also holds mu_.
namespace pmr_vector_ok {
class Cache {
  std::mutex mu_;
  std::pmr::vector<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
};
} // namespace pmr_vector_ok

// std::pmr::deque.
namespace pmr_deque_bad {
class Cache {
  std::mutex mu_;
  std::pmr::deque<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop_front();
  }
  int Get(int k) {
    return m_.front();
    // CHECK: std-aliases-pmr.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::pmr::deque<int>): read ('front') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-5]]:5: note: conflicting write ('pop_front') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-aliases-pmr.cpp:[[@LINE-11]]:24: note: 'm_' is declared here
  }
};
} // namespace pmr_deque_bad

// Same, Get also holds mu_.
namespace pmr_deque_ok {
class Cache {
  std::mutex mu_;
  std::pmr::deque<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop_front();
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.front();
  }
};
} // namespace pmr_deque_ok
