// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Reads made by copying the container, or by passing it by const reference
// or by value, say so in the message.
#include <map>
#include <mutex>

void Print(const std::map<int, int> &m);
void Keep(std::map<int, int> m);

// Copy construction `auto c = m_;` races with operator[] under mu_.
namespace copy_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  std::map<int, int> Snapshot() {
    auto c = m_;
    // CHECK: read-detail-copy-and-arguments.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read (copied) without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    return c;
  }
};
} // namespace copy_bad

// Passing m_ by const reference and by value to declared-only functions
// races with operator[] under mu_.
namespace arguments_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  void Show() { Print(m_); }
  // CHECK: read-detail-copy-and-arguments.cpp:[[@LINE-1]]:23: warning: data race on 'm_' (std::map<int, int>): read (passed by const reference to 'Print') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  void Save() { Keep(m_); }
  // CHECK: read-detail-copy-and-arguments.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (std::map<int, int>): read (passed by value to 'Keep') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
};
} // namespace arguments_bad

// Same, every access holds mu_.
namespace copy_and_arguments_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  std::map<int, int> Snapshot() {
    std::lock_guard<std::mutex> l(mu_);
    auto c = m_;
    return c;
  }
  void Show() {
    std::lock_guard<std::mutex> l(mu_);
    Print(m_);
  }
};
} // namespace copy_and_arguments_ok
