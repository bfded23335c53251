// RUN: %maprace %s -- -std=c++20 | %check %s
// `auto &e = it->second;` binds a reference to the element through an
// iterator taken under the lock; `e` is used after unlock(). The twin uses
// it before unlocking.
#include <map>
#include <mutex>
#include <string>

namespace member_reference_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    auto &e = it->second;
    l.unlock();
    return e.size();
    // CHECK: :[[@LINE-1]]:12: warning: reference 'e' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace member_reference_bad

namespace member_reference_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    auto &e = it->second;
    size_t n = e.size();
    l.unlock();
    return n;
  }
};
} // namespace member_reference_ok
