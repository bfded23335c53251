// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A std::unique_lock passed by reference to a function that calls unlock()
// on it releases the caller's lock: the purge loop loses its lock.
#include <map>
#include <mutex>

void Flush(int value);

// A free function unlocks the caller's unique_lock.
namespace drop_function_bad {
void Drop(std::unique_lock<std::mutex> &lk) { lk.unlock(); }
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    for (const auto &kv : m_) {
      // CHECK: unlock-through-guard-reference.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: unlock-through-guard-reference.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: unlock-through-guard-reference.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: unlock-through-guard-reference.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = kv.second;
      Drop(lk);
      Flush(v);
      lk.lock();
    }
  }
};
} // namespace drop_function_bad

