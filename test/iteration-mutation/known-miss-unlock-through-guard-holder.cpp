// RUN: %maprace %s -- -std=c++20 | %check %s
// KNOWN MISS: a custom holder storing a std::unique_lock& and unlocking it
// for its scope releases the caller's lock, but guards reached through
// another object's reference member are not tracked; the purge loop below
// should be reported like the one in unlock-through-guard-reference.cpp.
#include <map>
#include <mutex>

void Flush(int value);

// A custom RAII holder unlocks the caller's unique_lock for its scope.
namespace unlocker_holder_bad {
class Unlocker {
  std::unique_lock<std::mutex> &lk_;

public:
  explicit Unlocker(std::unique_lock<std::mutex> &lk) : lk_(lk) { lk_.unlock(); }
  ~Unlocker() { lk_.lock(); }
};
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
      // Should report: unlock-through-guard-reference.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      int v = kv.second;
      Unlocker u(lk);
      Flush(v);
    }
  }
};
} // namespace unlocker_holder_bad
