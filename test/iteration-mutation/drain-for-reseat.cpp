// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A draining `for` loop whose increment re-reads begin() takes a fresh
// iterator under the lock every time: no iterator lives across the erase or
// the unlock, so it is silent, like the `while (!q.empty())` spelling.
#include <map>
#include <mutex>

void Work(int value);

namespace drain_for_ok {
class Queue {
  std::mutex mu_;
  std::map<int, int> q_;

public:
  void Add(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    q_[k] = v;
  }
  void Drain() {
    std::unique_lock<std::mutex> lk(mu_);
    for (auto it = q_.begin(); it != q_.end(); it = q_.begin()) {
      int v = it->second;
      q_.erase(it);
      lk.unlock();
      Work(v);
      lk.lock();
    }
  }
};
} // namespace drain_for_ok
