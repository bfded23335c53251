// RUN: %maprace %s -- -std=c++20 | %check %s
// A write with two locks held, both in shared mode: the message speaks of
// reader locks, in the plural.
#include <map>
#include <shared_mutex>
#include <thread>

namespace two_shared_bad {
class Worker {
  std::shared_mutex a_, b_;
  std::map<int, int> m_;
  std::thread t_;
  void Loop() {
    std::shared_lock ra(a_);
    std::shared_lock rb(b_);
    m_.clear();
    // CHECK: two-shared-locks-plural.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('clear') while 'a_' and 'b_' are held only in shared mode (reader locks); the concurrent read in 'Worker::Get' holds them in shared mode too [maprace-lock-mismatch]
  }

public:
  Worker() : t_([this] { Loop(); }) {}
  ~Worker() { t_.join(); }
  int Get(int k) {
    std::shared_lock ra(a_);
    std::shared_lock rb(b_);
    return m_.count(k);
  }
};
} // namespace two_shared_bad

// Self-race form: only the lock-mode wording applies.
namespace two_shared_self_bad {
class Cache {
  std::shared_mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::shared_lock ra(a_);
    std::shared_lock rb(b_);
    m_[k] = 1;
    // CHECK: two-shared-locks-plural.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'a_' and 'b_' are held only in shared mode (reader locks); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace two_shared_self_bad
