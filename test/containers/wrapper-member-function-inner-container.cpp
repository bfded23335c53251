// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A std::vector inside a project class (Bag), reached only through Bag's
// own member functions: a caller calling them on its member b_ accesses
// b_.items_, guarded (or not) by the caller's lock.
#include <mutex>
#include <vector>

class Bag {
  std::vector<int> items_;

public:
  void add(int k) { items_.push_back(k); }
  // CHECK: wrapper-member-function-inner-container.cpp:[[@LINE-1]]:21: warning: data race on 'b_.items_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
  unsigned size() const { return items_.size(); }
};

// Add calls b_.add() without the lock; Size calls b_.size() under mu_.
namespace wrapper_bad {
class Cache {
  std::mutex mu_;
  Bag b_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return b_.size();
  }
  void Add(int k) { b_.add(k); }
};
} // namespace wrapper_bad

// Same, Add holds mu_.
namespace wrapper_ok {
class Cache {
  std::mutex mu_;
  Bag b_;

public:
  unsigned Size() {
    std::lock_guard<std::mutex> l(mu_);
    return b_.size();
  }
  void Add(int k) {
    std::lock_guard<std::mutex> l(mu_);
    b_.add(k);
  }
};
} // namespace wrapper_ok
