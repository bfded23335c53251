// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A ...Locked helper called under mu_ by Put and under stats_mu_ by Touch:
// the note points at Touch's call, which lacks mu_.
#include <map>
#include <mutex>

namespace locked_helper_bad {
class Index {
  std::mutex mu_, stats_mu_;
  std::map<int, int> m_;
  void PutLocked(int k, int v) { m_[k] = v; }
  // CHECK: locked-helper-other-lock-notes.cpp:[[@LINE-1]]:34: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'stats_mu_' but not 'mu_', the lock most accesses to 'm_' hold; the conflicting write in 'Index::PutLocked' holds 'mu_' [maprace-lock-mismatch]
  // CHECK-NEXT: locked-helper-other-lock-notes.cpp:[[@LINE+15]]:5: note: 'Index::PutLocked' is called here without holding 'mu_'
  // CHECK-NEXT: locked-helper-other-lock-notes.cpp:[[@LINE+13]]:33: note: 'stats_mu_' is acquired here
  // CHECK-NEXT: locked-helper-other-lock-notes.cpp:[[@LINE-5]]:22: note: 'm_' is declared here

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Touch(int k) {
    std::lock_guard<std::mutex> l(stats_mu_);
    PutLocked(k, 0);
  }
};
} // namespace locked_helper_bad
