// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Releasing the lock inside the body and then leaving the loop at once
// (return or break) lets no writer change the container between
// iterations: silent.
#include <map>
#include <mutex>

void Notify(int value);

namespace release_then_return_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void NotifyFirstNegative() {
    std::unique_lock<std::mutex> lk(mu_);
    for (const auto &kv : m_) {
      if (kv.second < 0) {
        int v = kv.second;
        lk.unlock();
        Notify(v);
        return;
      }
    }
  }
};
} // namespace release_then_return_ok

namespace release_then_break_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void NotifyFirstNegative() {
    std::unique_lock<std::mutex> lk(mu_);
    for (const auto &kv : m_) {
      if (kv.second < 0) {
        int v = kv.second;
        lk.unlock();
        Notify(v);
        break;
      }
    }
  }
};
} // namespace release_then_break_ok
