// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Loops that another thread cannot disturb, each beside the variant that it
// can: a snapshot copied under the lock, draining loops that take one element
// out under the lock before releasing it, containers nobody writes
// concurrently, and loops before a thread starts or after it is joined.
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

void Work(int value);

// The loop iterates the member itself, after the lock's scope.
namespace snapshot_lambda_bad {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Report() {
    {
      std::lock_guard<std::mutex> l(mu_);
      if (m_.empty())
        return;
    }
    for (const auto &kv : m_)
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holds it [maprace-iteration-mutation]
      Work(kv.second);
  }
};
} // namespace snapshot_lambda_bad

// A snapshot copied under the lock by an immediately invoked lambda.
namespace snapshot_lambda_ok {
class Registry {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Report() {
    auto copy = [&] {
      std::lock_guard l(mu_);
      return m_;
    }();
    for (const auto &kv : copy)
      Work(kv.second);
  }
};
} // namespace snapshot_lambda_ok

// The copy is taken under the lock, but the loop still walks the member.
namespace snapshot_block_bad {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Report() {
    std::vector<int> copy;
    {
      std::lock_guard<std::mutex> l(mu_);
      copy = v_;
    }
    for (auto it = v_.begin(); it != v_.end(); ++it)
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) without holding 'mu_' for the whole loop; the concurrent write ('push_back') in 'Registry::Add' holds it [maprace-iteration-mutation]
      Work(*it);
  }
};
} // namespace snapshot_block_bad

// The copy is taken under the lock in a block and the loop walks the copy.
namespace snapshot_block_ok {
class Registry {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Report() {
    std::vector<int> copy;
    {
      std::lock_guard<std::mutex> l(mu_);
      copy = v_;
    }
    for (auto it = copy.begin(); it != copy.end(); ++it)
      Work(*it);
  }
};
} // namespace snapshot_block_ok

// A purge loop keeps its iterator while the lock is dropped.
namespace drain_map_bad {
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
    for (auto it = q_.begin(); it != q_.end(); ++it) {
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'q_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Queue::Add' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: silent-cross-thread.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Queue::Add', holding 'mu_'
      // CHECK-NEXT: silent-cross-thread.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: silent-cross-thread.cpp:[[@LINE-13]]:22: note: 'q_' is declared here
      int v = it->second;
      lk.unlock();
      Work(v);
      lk.lock();
    }
  }
};
} // namespace drain_map_bad

// A draining loop: each element is taken out under the lock before the lock
// is dropped, so no iterator survives the unlock.
namespace drain_map_ok {
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
    while (!q_.empty()) {
      auto it = q_.begin();
      int v = it->second;
      q_.erase(it);
      lk.unlock();
      Work(v);
      lk.lock();
    }
  }
};
} // namespace drain_map_ok

// A range-for over a deque that drops the lock around the work.
namespace drain_deque_bad {
class Queue {
  std::mutex mu_;
  std::deque<int> q_;

public:
  void Push(int x) {
    std::lock_guard<std::mutex> l(mu_);
    q_.push_back(x);
  }
  void Drain() {
    std::unique_lock<std::mutex> lk(mu_);
    for (int x : q_) {
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'q_' (std::deque<int>) releases 'mu_' inside its body, so the concurrent write ('push_back') in 'Queue::Push' can change it between iterations [maprace-iteration-mutation]
      lk.unlock();
      Work(x);
      lk.lock();
    }
    q_.clear();
  }
};
} // namespace drain_deque_bad

// front()/pop_front() under the lock, the work outside it.
namespace drain_deque_ok {
class Queue {
  std::mutex mu_;
  std::deque<int> q_;

public:
  void Push(int x) {
    std::lock_guard<std::mutex> l(mu_);
    q_.push_back(x);
  }
  void Drain() {
    std::unique_lock<std::mutex> lk(mu_);
    while (!q_.empty()) {
      int x = q_.front();
      q_.pop_front();
      lk.unlock();
      Work(x);
      lk.lock();
    }
  }
};
} // namespace drain_deque_ok

// The class guards its writes with a mutex, so it is meant to be shared, and
// the loop does not take it.
namespace not_shared_bad {
class Table {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_)
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Table::Set' holds it [maprace-iteration-mutation]
      sum += kv.second;
    return sum;
  }
};
} // namespace not_shared_bad

// No mutex and no thread: a single-threaded class is not shared.
namespace not_shared_ok {
class Table {
  std::map<int, int> m_;

public:
  void Set(int k, int v) { m_[k] = v; }
  int Total() {
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
};
} // namespace not_shared_ok

// A reader thread iterates while main inserts.
namespace readers_only_bad {
std::map<int, int> g = {{1, 2}};
void reader() {
  int sum = 0;
  for (const auto &kv : g)
    // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:3: warning: loop over 'g' (std::map<int, int>) while the concurrent write ('operator[]' inserts missing keys) in 'main_like' may change it; no lock is held at either [maprace-iteration-mutation]
    sum += kv.second;
  Work(sum);
}
int main_like() {
  std::thread t(reader);
  g[3] = 4;
  // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting iteration in 'reader' holds no lock either [maprace-unguarded-access]
  t.join();
  return 0;
}
} // namespace readers_only_bad

// Threads and main only read: nothing writes concurrently.
namespace readers_only_ok {
std::map<int, int> g = {{1, 2}};
void reader() {
  int sum = 0;
  for (const auto &kv : g)
    sum += kv.second;
  Work(sum);
}
int main_like() {
  std::thread t(reader);
  int sum = 0;
  for (const auto &kv : g)
    sum += kv.second;
  t.join();
  return sum;
}
} // namespace readers_only_ok

// main iterates before joining the writer.
namespace after_join_bad {
std::vector<int> g;
void writer() { g.push_back(1); }
// CHECK: silent-cross-thread.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::vector<int>): write ('push_back') with no lock held; the conflicting iteration in 'main_like' holds no lock either [maprace-unguarded-access]
int main_like() {
  std::thread t(writer);
  int sum = 0;
  for (int x : g)
    // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:3: warning: loop over 'g' (std::vector<int>) while the concurrent write ('push_back') in 'writer' may change it; no lock is held at either [maprace-iteration-mutation]
    sum += x;
  t.join();
  return sum;
}
} // namespace after_join_bad

// main iterates only after join().
namespace after_join_ok {
std::vector<int> g;
void writer() { g.push_back(1); }
int main_like() {
  std::thread t(writer);
  t.join();
  int sum = 0;
  for (int x : g)
    sum += x;
  return sum;
}
} // namespace after_join_ok

// The same loop in a member function rather than the constructor.
namespace constructor_bad {
class Table {
  std::mutex mu_;
  std::map<int, int> m_;
  int total_ = 0;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Recount() {
    for (const auto &kv : m_)
      // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Table::Set' holds it [maprace-iteration-mutation]
      total_ += kv.second;
  }
};
} // namespace constructor_bad

// A constructor iterating its own member is not concurrent with anything.
namespace constructor_ok {
class Table {
  std::mutex mu_;
  std::map<int, int> m_;
  int total_ = 0;

public:
  explicit Table(const std::map<int, int> &init) : m_(init) {
    for (const auto &kv : m_)
      total_ += kv.second;
  }
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
};
} // namespace constructor_ok

// main_like iterates after it has started the writer thread.
namespace before_start_bad {
std::map<int, int> table;
void writer() { table.erase(1); }
// CHECK: silent-cross-thread.cpp:[[@LINE-1]]:17: warning: data race on 'table' (std::map<int, int>): write ('erase') with no lock held; the conflicting iteration in 'main_like' holds no lock either [maprace-unguarded-access]
int main_like() {
  table[1] = 1;
  std::thread t(writer);
  int sum = 0;
  for (auto it = table.begin(); it != table.end(); ++it)
    // CHECK: silent-cross-thread.cpp:[[@LINE-1]]:3: warning: loop over 'table' (std::map<int, int>) while the concurrent write ('erase') in 'writer' may change it; no lock is held at either [maprace-iteration-mutation]
    sum += it->second;
  t.join();
  return sum;
}
} // namespace before_start_bad

// main is single-threaded until it starts the writer: its loop runs first.
std::map<int, int> table;
void writer() { table.erase(1); }
int main() {
  table[1] = 1;
  int sum = 0;
  for (auto it = table.begin(); it != table.end(); ++it)
    sum += it->second;
  std::thread t(writer);
  t.join();
  return sum;
}
