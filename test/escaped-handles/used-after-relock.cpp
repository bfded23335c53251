// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// "Drop the lock for slow work, then take it again": the iterator was
// obtained in the first critical section; between unlock() and lock() a
// writer holding 'mu_' may erase or rehash, so the iterator is stale when
// dereferenced in the second critical section, although 'mu_' is held
// there. The twin looks the key up again after relocking.
#include <map>
#include <mutex>
#include <string>

void SlowWork();

namespace relock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Erase(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    l.unlock();
    SlowWork();
    l.lock();
    return it->second.size();
    // CHECK: :[[@LINE-1]]:12: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' was released and taken again; a concurrent write ('erase') in 'Cache::Erase' holding 'mu_' may invalidate it in between [maprace-unguarded-access]
    // CHECK-NEXT: :[[@LINE-5]]:5: note: 'mu_' is released here
    // CHECK-NEXT: :[[@LINE-9]]:10: note: the iterator is obtained here from 'find', while 'mu_' is held
  }
};
} // namespace relock_bad

namespace relock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Erase(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    l.unlock();
    SlowWork();
    l.lock();
    it = m_.find(k);
    return it == m_.end() ? 0 : it->second.size();
  }
};
} // namespace relock_ok
