// RUN: %maprace %s -- -std=c++20 | %check %s
// The most common accessor shape: `auto it = m_.find(k); ... return
// it->second;` from a function returning a reference (or `return
// &it->second;` returning a pointer, or `return it == m_.end() ? def :
// it->second;`). The lock_guard releases 'mu_' as the function returns,
// exactly like `return m_.at(k);`. The twin returns copies.
#include <map>
#include <mutex>
#include <string>

namespace return_member_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;
  std::string empty_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  const std::string &Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return empty_;
    return it->second;
    // CHECK: :[[@LINE-1]]:5: warning: reference into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Cache::Get' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  std::string *Find(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return nullptr;
    return &it->second;
    // CHECK: :[[@LINE-1]]:5: warning: pointer into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Cache::Find' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  const std::string &GetOr(int k, const std::string &def) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? def : it->second;
    // CHECK: :[[@LINE-1]]:5: warning: reference into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Cache::GetOr' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace return_member_bad

namespace return_member_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return {};
    return it->second;
  }
  std::string GetOr(int k, const std::string &def) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? def : it->second;
  }
};
} // namespace return_member_ok
