// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// The loop holds mu_ for its whole duration but one writer holds no lock:
// the message names the lock the loop holds and says the write holds none.
#include <map>
#include <mutex>

namespace locked_loop_unlocked_writer_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Drop(int k) { m_.erase(k); }
  // CHECK: locked-loop-unlocked-writer-message.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Registry::Set' holds it [maprace-unguarded-access]
  int Total() {
    std::lock_guard<std::mutex> l(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      // CHECK: locked-loop-unlocked-writer-message.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) while the concurrent write ('erase') in 'Registry::Drop' may change it; the loop holds 'mu_' but the write holds no lock [maprace-iteration-mutation]
      // CHECK-NEXT: locked-loop-unlocked-writer-message.cpp:[[@LINE-7]]:22: note: concurrent write ('erase') in 'Registry::Drop', with no lock held
      // CHECK-NEXT: locked-loop-unlocked-writer-message.cpp:[[@LINE-15]]:22: note: 'm_' is declared here
      sum += kv.second;
    return sum;
  }
};
} // namespace locked_loop_unlocked_writer_bad
