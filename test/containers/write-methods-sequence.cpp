// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Member calls that change a sequence container's or an adaptor's structure.
// Unlocked, each one races with the read Size makes under mu_ (bad); under
// mu_ too, silent (ok).
#include <deque>
#include <mutex>
#include <queue>
#include <stack>
#include <vector>

// push_back() is a write (it may reallocate).
namespace push_back_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.push_back(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace push_back_bad

// Same, Mutate also holds mu_.
namespace push_back_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
};
} // namespace push_back_ok

// emplace_back() is a write.
namespace emplace_back_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.emplace_back(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::vector<int>): write ('emplace_back') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace emplace_back_bad

// Same, Mutate also holds mu_.
namespace emplace_back_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace_back(k);
  }
};
} // namespace emplace_back_ok

// pop_back() is a write.
namespace pop_back_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    m_.pop_back();
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::vector<int>): write ('pop_back') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace pop_back_bad

// Same, Mutate also holds mu_.
namespace pop_back_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop_back();
  }
};
} // namespace pop_back_ok

// resize() is a write.
namespace resize_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.resize(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::vector<int>): write ('resize') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace resize_bad

// Same, Mutate also holds mu_.
namespace resize_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.resize(k);
  }
};
} // namespace resize_ok

// reserve() is a write (it reallocates).
namespace reserve_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.reserve(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::vector<int>): write ('reserve') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace reserve_bad

// Same, Mutate also holds mu_.
namespace reserve_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.reserve(k);
  }
};
} // namespace reserve_ok

// push_front() on a std::deque is a write.
namespace deque_push_front_bad {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.push_front(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::deque<int>): write ('push_front') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace deque_push_front_bad

// Same, Mutate also holds mu_.
namespace deque_push_front_ok {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_front(k);
  }
};
} // namespace deque_push_front_ok

// push() on a std::queue is a write.
namespace queue_push_bad {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    m_.push(k);
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::queue<int>): write ('push') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace queue_push_bad

// Same, Mutate also holds mu_.
namespace queue_push_ok {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
};
} // namespace queue_push_ok

// pop() on a std::queue is a write.
namespace queue_pop_bad {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    m_.pop();
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::queue<int>): write ('pop') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace queue_pop_bad

// Same, Mutate also holds mu_.
namespace queue_pop_ok {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop();
  }
};
} // namespace queue_pop_ok

// pop() on a std::stack is a write.
namespace stack_pop_bad {
class Cache {
  std::mutex mu_;
  std::stack<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    m_.pop();
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::stack<int>): write ('pop') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace stack_pop_bad

// Same, Mutate also holds mu_.
namespace stack_pop_ok {
class Cache {
  std::mutex mu_;
  std::stack<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop();
  }
};
} // namespace stack_pop_ok

// pop() on a std::priority_queue is a write.
namespace priority_queue_pop_bad {
class Cache {
  std::mutex mu_;
  std::priority_queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    m_.pop();
    // CHECK: write-methods-sequence.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::priority_queue<int>): write ('pop') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-5]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
    // CHECK-NEXT: write-methods-sequence.cpp:[[@LINE-11]]:28: note: 'm_' is declared here
  }
};
} // namespace priority_queue_pop_bad

// Same, Mutate also holds mu_.
namespace priority_queue_pop_ok {
class Cache {
  std::mutex mu_;
  std::priority_queue<int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Mutate() {
    std::lock_guard<std::mutex> l(mu_);
    m_.pop();
  }
};
} // namespace priority_queue_pop_ok
