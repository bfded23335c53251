// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Every standard sequence container and container adaptor is recognised: an
// unlocked read of its structure races with a write made under the class's
// mutex, and the twin that also locks stays silent.
#include <deque>
#include <forward_list>
#include <list>
#include <mutex>
#include <queue>
#include <stack>
#include <thread>
#include <vector>

// std::vector: an unlocked size() races with push_back under mu_.
namespace vector_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    return m_.size();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push_back') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:20: note: 'm_' is declared here
  }
};
} // namespace vector_bad

// Same, Get also holds mu_.
namespace vector_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
};
} // namespace vector_ok

// std::deque: an unlocked front() races with push_front under mu_.
namespace deque_bad {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_front(k);
  }
  int Get(int k) {
    return m_.front();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::deque<int>): read ('front') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push_front') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace deque_bad

// Same, Get also holds mu_.
namespace deque_ok {
class Cache {
  std::mutex mu_;
  std::deque<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_front(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.front();
  }
};
} // namespace deque_ok

// std::list: an unlocked back() races with emplace_back under mu_.
namespace list_bad {
class Cache {
  std::mutex mu_;
  std::list<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace_back(k);
  }
  int Get(int k) {
    return m_.back();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::list<int>): read ('back') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('emplace_back') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:18: note: 'm_' is declared here
  }
};
} // namespace list_bad

// Same, Get also holds mu_.
namespace list_ok {
class Cache {
  std::mutex mu_;
  std::list<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.back();
  }
};
} // namespace list_ok

// std::forward_list: an unlocked empty() races with push_front under mu_.
namespace forward_list_bad {
class Cache {
  std::mutex mu_;
  std::forward_list<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_front(k);
  }
  bool Get(int k) {
    return m_.empty();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::forward_list<int>): read ('empty') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push_front') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:26: note: 'm_' is declared here
  }
};
} // namespace forward_list_bad

// Same, Get also holds mu_.
namespace forward_list_ok {
class Cache {
  std::mutex mu_;
  std::forward_list<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push_front(k);
  }
  bool Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.empty();
  }
};
} // namespace forward_list_ok

// std::queue: an unlocked front() races with push under mu_.
namespace queue_bad {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    return m_.front();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::queue<int>): read ('front') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace queue_bad

// Same, Get also holds mu_.
namespace queue_ok {
class Cache {
  std::mutex mu_;
  std::queue<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.front();
  }
};
} // namespace queue_ok

// std::stack: an unlocked top() races with push under mu_.
namespace stack_bad {
class Cache {
  std::mutex mu_;
  std::stack<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    return m_.top();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::stack<int>): read ('top') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:19: note: 'm_' is declared here
  }
};
} // namespace stack_bad

// Same, Get also holds mu_.
namespace stack_ok {
class Cache {
  std::mutex mu_;
  std::stack<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.top();
  }
};
} // namespace stack_ok

// std::priority_queue: an unlocked size() races with push under mu_.
namespace priority_queue_bad {
class Cache {
  std::mutex mu_;
  std::priority_queue<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    return m_.size();
    // CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::priority_queue<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:5: note: conflicting write ('push') in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-11]]:28: note: 'm_' is declared here
  }
};
} // namespace priority_queue_bad

// Same, Get also holds mu_.
namespace priority_queue_ok {
class Cache {
  std::mutex mu_;
  std::priority_queue<int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.push(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
};
} // namespace priority_queue_ok

// A global std::vector: a thread appends while run() reads its size with no
// lock on either side.
namespace global_vector_bad {
std::vector<int> items;
void producer() { items.push_back(1); }
// CHECK: std-sequences-adaptors.cpp:[[@LINE-1]]:19: warning: data race on 'items' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE+5]]:11: note: conflicting read ('size') in 'run', with no lock held
// CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE+3]]:15: note: this write runs on the thread started here
// CHECK-NEXT: std-sequences-adaptors.cpp:[[@LINE-5]]:18: note: 'items' is declared here
int run() {
  std::thread t(producer);
  int n = items.size();
  t.join();
  return n;
}
} // namespace global_vector_bad

// Same, both sides hold the same mutex.
namespace global_vector_ok {
std::vector<int> items;
std::mutex mu;
void producer() {
  std::lock_guard<std::mutex> l(mu);
  items.push_back(1);
}
int run() {
  std::thread t(producer);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = items.size();
  }
  t.join();
  return n;
}
} // namespace global_vector_ok
