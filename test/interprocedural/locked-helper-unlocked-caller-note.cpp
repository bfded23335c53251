// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A `...Locked` helper called under mu_ from Put and without it from Reset:
// the race is reported at the helper's access, and a note points at the
// call in Reset that lacks the lock.
#include <map>
#include <mutex>

namespace locked_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  void Reset(int k) { PutLocked(k, 0); }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  void PutLocked(int k, int v) { m_[k] = v; }
  // CHECK: :[[@LINE-1]]:34: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Cache::PutLocked' holds it [maprace-unguarded-access]
  // CHECK-NEXT: :[[@LINE-9]]:23: note: 'Cache::PutLocked' is called here without holding 'mu_'
  // CHECK-NEXT: :[[@LINE+2]]:22: note: 'm_' is declared here
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace locked_helper_bad
