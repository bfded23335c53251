// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Passing &m_ to a declared-only function taking a non-const pointer is a
// write, and the message says it went by pointer.
#include <map>
#include <mutex>

void Fill(std::map<int, int> *m);

// Fill(&m_) without the lock races with the read under mu_.
namespace extern_ptr_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Load() { Fill(&m_); }
  // CHECK: passed-by-pointer-detail.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (std::map<int, int>): write (passed by non-const pointer to 'Fill') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
};
} // namespace extern_ptr_bad

// Same, Load holds mu_.
namespace extern_ptr_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Load() {
    std::lock_guard<std::mutex> l(mu_);
    Fill(&m_);
  }
};
} // namespace extern_ptr_ok
