// RUN: %maprace %s -- -std=c++20 | %check %s
// A reference into the map assigned through after unlock() (`v = 5;`,
// `v += 5;`) writes the element: a use like any other (a reference, unlike
// an iterator or pointer, cannot be reseated). The twin writes while the
// lock is still held.
#include <map>
#include <mutex>

namespace assign_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Reset(int k) {
    mu_.lock();
    int &v = m_[k];
    mu_.unlock();
    v = 5;
    // CHECK: :[[@LINE-1]]:5: warning: reference 'v' into 'm_' (std::map<int, int>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  void Add(int k) {
    mu_.lock();
    int &v = m_[k];
    mu_.unlock();
    v += 5;
    // CHECK: :[[@LINE-1]]:5: warning: reference 'v' into 'm_' (std::map<int, int>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace assign_bad

namespace assign_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Reset(int k) {
    mu_.lock();
    int &v = m_[k];
    v = 5;
    mu_.unlock();
  }
  void Add(int k) {
    std::lock_guard<std::mutex> l(mu_);
    int &v = m_[k];
    v += 5;
  }
};
} // namespace assign_ok
