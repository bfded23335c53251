// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A method annotated requires_shared_capability(mu_) writes the map: the
// note says the lock is required shared, not acquired.
#include <map>
#include <shared_mutex>

#define REQUIRES_SHARED(...) __attribute__((requires_shared_capability(__VA_ARGS__)))

namespace requires_shared_entry_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void PutLocked(int k, int v) REQUIRES_SHARED(mu_) { m_[k] = v; }
  // CHECK: requires-shared-entry-note.cpp:[[@LINE-1]]:55: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::PutLocked' may run on several threads at once [maprace-lock-mismatch]
  // CHECK-NEXT: requires-shared-entry-note.cpp:[[@LINE-2]]:8: note: 'Cache::PutLocked' requires 'mu_' only in shared mode (requires_shared_capability); a write needs it exclusively
  // CHECK-NEXT: requires-shared-entry-note.cpp:[[@LINE-6]]:22: note: 'm_' is declared here
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
};
} // namespace requires_shared_entry_bad
