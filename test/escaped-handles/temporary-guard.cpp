// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A temporary guard in a comma expression
// (`auto it = (std::lock_guard<std::mutex>{mu_}, m_.find(k));`) holds the
// lock only until the end of its full-expression: the handle it produced is
// unguarded in every later statement. A value copied out in the same
// full-expression is fine.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

// An iterator from find() under a temporary lock_guard, dereferenced in the
// next statement (notes in full).
namespace iterator_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    auto it = (std::lock_guard<std::mutex>{mu_}, m_.find(k));
    return *it->second;
    // CHECK: temporary-guard.cpp:[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-3]]:47: note: the temporary guard releases 'mu_' at the end of its full-expression
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-4]]:10: note: the iterator is obtained here from 'find', while 'mu_' is held
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-8]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-14]]:39: note: 'm_' is declared here
  }
};
} // namespace iterator_bad

// The shared_ptr is copied out in the guard's full-expression.
namespace iterator_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    std::shared_ptr<int> sp = (std::lock_guard<std::mutex>{mu_}, m_[k]);
    return sp ? *sp : 0;
  }
};
} // namespace iterator_ok

// A reference bound to operator[]'s result under a temporary guard, used in
// the next statement (notes in full).
namespace reference_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    auto &v = (std::lock_guard<std::mutex>{mu_}, m_[k]);
    return v.size();
    // CHECK: temporary-guard.cpp:[[@LINE-1]]:12: warning: reference 'v' into 'm_' (std::unordered_map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-3]]:47: note: the temporary guard releases 'mu_' at the end of its full-expression
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-4]]:11: note: the reference is obtained here from 'operator[]', while 'mu_' is held
  }
};
} // namespace reference_bad

// The size is read inside the guard's full-expression.
namespace reference_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    size_t n = (std::lock_guard<std::mutex>{mu_}, m_[k].size());
    return n;
  }
};
} // namespace reference_ok

// A pointer to an element under a temporary guard, dereferenced later.
namespace pointer_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::string *p = (std::lock_guard<std::mutex>{mu_}, &m_[k]);
    return p->size();
    // CHECK: temporary-guard.cpp:[[@LINE-1]]:12: warning: pointer 'p' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace pointer_bad

// The element is copied (a std::string value) under the temporary guard.
namespace pointer_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::string copy = (std::lock_guard<std::mutex>{mu_}, m_[k]);
    return copy.size();
  }
};
} // namespace pointer_ok

// A temporary scoped_lock and a temporary unique_lock behave the same.
namespace scoped_and_unique_lock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Scoped(int k) {
    auto &v = (std::scoped_lock{mu_}, m_.at(k));
    return v.size();
    // CHECK: temporary-guard.cpp:[[@LINE-1]]:12: warning: reference 'v' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-3]]:36: note: the temporary guard releases 'mu_' at the end of its full-expression
  }
  size_t Unique(int k) {
    auto it = (std::unique_lock<std::mutex>(mu_), m_.find(k));
    return it->second.size();
    // CHECK: temporary-guard.cpp:[[@LINE-1]]:12: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: temporary-guard.cpp:[[@LINE-3]]:48: note: the temporary guard releases 'mu_' at the end of its full-expression
  }
};
} // namespace scoped_and_unique_lock_bad

// The sizes are read in the guards' full-expressions.
namespace scoped_and_unique_lock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Scoped(int k) {
    return (std::scoped_lock{mu_}, m_.at(k).size());
  }
  size_t Unique(int k) {
    return (std::unique_lock<std::mutex>(mu_), m_.find(k)->second.size());
  }
};
} // namespace scoped_and_unique_lock_ok
