// RUN: %maprace %s -- -std=c++20 | %check %s
// The iterator taken straight out of an insertion's pair,
// `auto it = m_.emplace(k, v).first;`, or the element through it,
// `auto &v = m_.try_emplace(k).first->second;`, used after unlock(). The twin
// copies the value out before unlocking.
#include <map>
#include <mutex>
#include <string>

namespace insert_first_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Emplace(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.emplace(k, "new").first;
    l.unlock();
    return it->second.size();
    // CHECK: :[[@LINE-1]]:12: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  size_t TryEmplace(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto &v = m_.try_emplace(k).first->second;
    l.unlock();
    return v.size();
    // CHECK: :[[@LINE-1]]:12: warning: reference 'v' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace insert_first_bad

namespace insert_first_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Emplace(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.emplace(k, "new").first;
    size_t n = it->second.size();
    l.unlock();
    return n;
  }
  size_t TryEmplace(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string v = m_.try_emplace(k).first->second;
    l.unlock();
    return v.size();
  }
};
} // namespace insert_first_ok
