// RUN: %maprace %s -- -std=c++20 | %check %s
// KNOWN MISS: a throw inside a try block unwinds the lock_guard declared in
// that block, so the catch handler runs without the lock; without exception
// edges in the CFG, the handler is never analysed and its erase races with
// Get unnoticed. This file asserts today's silence.
#include <map>
#include <mutex>
#include <stdexcept>

namespace throw_under_guard_bad {
class Cache {
public:
  void Put(int k, int v) {
    try {
      std::lock_guard<std::mutex> l(mu_);
      if (v < 0)
        throw std::invalid_argument("negative");
      m_[k] = v;
    } catch (const std::exception &) {
      m_.erase(k);
      // Should report: :[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting {{read in 'Cache::Get'|write in 'Cache::Put'}} holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace throw_under_guard_bad
