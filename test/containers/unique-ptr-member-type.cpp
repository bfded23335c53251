// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A map behind a std::unique_ptr member is named by the map's type, as
// behind a raw pointer.
#include <map>
#include <memory>
#include <mutex>

// (*m_)[k] and m_->erase(k) without the lock race with count() under mu_.
namespace unique_ptr_member_bad {
class Cache {
  std::mutex mu_;
  std::unique_ptr<std::map<int, int>> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_->count(k);
  }
  void Put(int k) { (*m_)[k] = k; }
  // CHECK: unique-ptr-member-type.cpp:[[@LINE-1]]:21: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
  void Drop(int k) { m_->erase(k); }
  // CHECK: unique-ptr-member-type.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
};
} // namespace unique_ptr_member_bad

// Same, Put and Drop hold mu_.
namespace unique_ptr_member_ok {
class Cache {
  std::mutex mu_;
  std::unique_ptr<std::map<int, int>> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_->count(k);
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (*m_)[k] = k;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_->erase(k);
  }
};
} // namespace unique_ptr_member_ok
