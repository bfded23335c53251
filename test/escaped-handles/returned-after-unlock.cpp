// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A pointer or iterator taken under the lock and returned after unlock():
// the caller gets a handle into the map with no lock held. Reported at the
// return, with the release and where the handle was obtained. The twin
// returns a copy.
#include <map>
#include <mutex>
#include <string>

namespace returned_after_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string *Slot(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string *p = &m_[k];
    l.unlock();
    return p;
    // CHECK: :[[@LINE-1]]:5: warning: pointer 'p' into 'm_' (std::map<int, std::string>) is returned after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: :[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: :[[@LINE-5]]:18: note: the pointer is obtained here from 'operator[]', while 'mu_' is held
  }
  std::map<int, std::string>::iterator Find(int k) {
    mu_.lock();
    auto it = m_.find(k);
    mu_.unlock();
    return it;
    // CHECK: :[[@LINE-1]]:5: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is returned after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace returned_after_unlock_bad

namespace returned_after_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string Slot(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string *p = &m_[k];
    std::string copy = *p;
    l.unlock();
    return copy;
  }
  bool Contains(int k) {
    mu_.lock();
    auto it = m_.find(k);
    bool found = it != m_.end();
    mu_.unlock();
    return found;
  }
};
} // namespace returned_after_unlock_ok
