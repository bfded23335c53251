// RUN: %maprace %s -- -std=c++20 | %check %s
// One container, two mutexes: readers hold one, writers another, so no lock
// is common to a read and a write. The warning goes to the access that lacks
// the lock most accesses hold, and names both sides' locks.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

// Two readers hold read_mu_, the writer holds write_mu_: the write is the
// odd one out.
namespace readers_majority_bad {
class Index {
  std::mutex read_mu_, write_mu_;
  std::map<std::string, int> m_;

public:
  int Find(const std::string &k) {
    std::lock_guard<std::mutex> l(read_mu_);
    auto it = m_.find(k);
    return it == m_.end() ? -1 : it->second;
  }
  bool Has(const std::string &k) {
    std::lock_guard<std::mutex> l(read_mu_);
    return m_.count(k) != 0;
  }
  void Add(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(write_mu_);
    m_[k] = v;
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) holding 'write_mu_' but not 'read_mu_', the lock most accesses to 'm_' hold; the conflicting read in 'Index::Find' holds 'read_mu_' [maprace-lock-mismatch]
  }
};
} // namespace readers_majority_bad

// One mutex for readers and writers.
namespace readers_majority_ok {
class Index {
  std::mutex mu_;
  std::map<std::string, int> m_;

public:
  int Find(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? -1 : it->second;
  }
  bool Has(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k) != 0;
  }
  void Add(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
};
} // namespace readers_majority_ok

// Three writers hold write_mu_, the reader holds read_mu_: the read is the
// odd one out.
namespace writers_majority_bad {
class Index {
  std::mutex read_mu_, write_mu_;
  std::map<std::string, int> m_;

public:
  void Add(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(write_mu_);
    m_[k] = v;
  }
  void Remove(const std::string &k) {
    std::lock_guard<std::mutex> l(write_mu_);
    m_.erase(k);
  }
  void Clear() {
    std::lock_guard<std::mutex> l(write_mu_);
    m_.clear();
  }
  int Find(const std::string &k) {
    std::lock_guard<std::mutex> l(read_mu_);
    auto it = m_.find(k);
    // CHECK: different-guards.cpp:[[@LINE-1]]:15: warning: data race on 'm_' (std::map<std::string, int>): read ('find') holding 'read_mu_' but not 'write_mu_', the lock most accesses to 'm_' hold; the conflicting write in 'Index::Add' holds 'write_mu_' [maprace-lock-mismatch]
    return it == m_.end() ? -1 : it->second;
  }
};
} // namespace writers_majority_bad

// The reader/writer split done with one shared_mutex.
namespace writers_majority_ok {
class Index {
  std::shared_mutex mu_;
  std::map<std::string, int> m_;

public:
  void Add(const std::string &k, int v) {
    std::unique_lock l(mu_);
    m_[k] = v;
  }
  void Remove(const std::string &k) {
    std::unique_lock l(mu_);
    m_.erase(k);
  }
  void Clear() {
    std::unique_lock l(mu_);
    m_.clear();
  }
  int Find(const std::string &k) {
    std::shared_lock l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? -1 : it->second;
  }
};
} // namespace writers_majority_ok

// A vector cleared under an unrelated mutex.
namespace vector_clear_bad {
class Queue {
  std::mutex mu_, stats_mu_;
  std::vector<int> items_;
  int drops_ = 0;

public:
  void Push(int x) {
    std::lock_guard<std::mutex> l(mu_);
    items_.push_back(x);
  }
  void Pop() {
    std::lock_guard<std::mutex> l(mu_);
    if (!items_.empty())
      items_.pop_back();
  }
  void DropAll() {
    std::lock_guard<std::mutex> l(stats_mu_);
    drops_ += 1;
    items_.clear();
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'items_' (std::vector<int>): write ('clear') holding 'stats_mu_' but not 'mu_', the lock most accesses to 'items_' hold; the conflicting write in 'Queue::Push' holds 'mu_' [maprace-lock-mismatch]
  }
};
} // namespace vector_clear_bad

// stats_mu_ guards the counter; the clear() takes mu_ too.
namespace vector_clear_ok {
class Queue {
  std::mutex mu_, stats_mu_;
  std::vector<int> items_;
  int drops_ = 0;

public:
  void Push(int x) {
    std::lock_guard<std::mutex> l(mu_);
    items_.push_back(x);
  }
  void Pop() {
    std::lock_guard<std::mutex> l(mu_);
    if (!items_.empty())
      items_.pop_back();
  }
  void DropAll() {
    {
      std::lock_guard<std::mutex> l(stats_mu_);
      drops_ += 1;
    }
    std::lock_guard<std::mutex> l(mu_);
    items_.clear();
  }
};
} // namespace vector_clear_ok

// A reset under the class-wide static mutex instead of the instance mutex.
namespace static_mutex_bad {
class Table {
  static std::mutex reset_mu_;
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Reset() {
    std::lock_guard<std::mutex> l(reset_mu_);
    m_.clear();
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::unordered_map<int, int>): write ('clear') holding 'Table::reset_mu_' but not 'mu_', the lock most accesses to 'm_' hold; the conflicting write in 'Table::Put' holds 'mu_' [maprace-lock-mismatch]
  }
};
} // namespace static_mutex_bad

// The reset holds both, through scoped_lock.
namespace static_mutex_ok {
class Table {
  static std::mutex reset_mu_;
  std::mutex mu_;
  std::unordered_map<int, int> m_;

public:
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Reset() {
    std::scoped_lock l(mu_, reset_mu_);
    m_.clear();
  }
};
} // namespace static_mutex_ok

// Readers under a shared_lock of one mutex, the writer under another mutex.
namespace shared_and_other_bad {
class Cache {
  std::shared_mutex mu_;
  std::mutex write_mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock l(mu_);
    return m_.count(k);
  }
  size_t Size() {
    std::shared_lock l(mu_);
    return m_.size();
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(write_mu_);
    m_[k] = v;
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'write_mu_' but not 'mu_', the lock most accesses to 'm_' hold; the conflicting read in 'Cache::Get' holds 'mu_' [maprace-lock-mismatch]
  }
};
} // namespace shared_and_other_bad

// The writer serialises on write_mu_ and excludes readers with mu_.
namespace shared_and_other_ok {
class Cache {
  std::shared_mutex mu_;
  std::mutex write_mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock l(mu_);
    return m_.count(k);
  }
  size_t Size() {
    std::shared_lock l(mu_);
    return m_.size();
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> w(write_mu_);
    std::unique_lock l(mu_);
    m_[k] = v;
  }
};
} // namespace shared_and_other_ok

// Most accesses hold g_ (with a_ or b_); the write holds only b_ and the
// reads it meets hold g_ and a_.
namespace neither_holds_guard_bad {
class Index {
  std::mutex g_, a_, b_;
  std::map<int, int> m_;

public:
  int GetA(int k) {
    std::scoped_lock l(g_, a_);
    return m_.count(k);
  }
  int GetB(int k) {
    std::scoped_lock l(g_, b_);
    return m_.count(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(g_);
    return m_.count(k);
  }
  void Remove(int k) {
    std::lock_guard<std::mutex> l(b_);
    m_.erase(k);
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') holding 'b_' but not 'g_', the lock most accesses to 'm_' hold; the conflicting read in 'Index::GetA' holds 'a_' and 'g_' [maprace-lock-mismatch]
  }
};
} // namespace neither_holds_guard_bad

// The write takes g_ too.
namespace neither_holds_guard_ok {
class Index {
  std::mutex g_, a_, b_;
  std::map<int, int> m_;

public:
  int GetA(int k) {
    std::scoped_lock l(g_, a_);
    return m_.count(k);
  }
  int GetB(int k) {
    std::scoped_lock l(g_, b_);
    return m_.count(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(g_);
    return m_.count(k);
  }
  void Remove(int k) {
    std::scoped_lock l(g_, b_);
    m_.erase(k);
  }
};
} // namespace neither_holds_guard_ok

// Two maps, each with its own mutex; one method touches the second map
// under the first map's mutex.
namespace crossed_guards_bad {
class Registry {
  std::mutex users_mu_, groups_mu_;
  std::map<int, std::string> users_;
  std::map<int, std::string> groups_;

public:
  void AddUser(int id, std::string n) {
    std::lock_guard<std::mutex> l(users_mu_);
    users_[id] = std::move(n);
  }
  void AddGroup(int id, std::string n) {
    std::lock_guard<std::mutex> l(groups_mu_);
    groups_[id] = std::move(n);
  }
  bool HasGroup(int id) {
    std::lock_guard<std::mutex> l(groups_mu_);
    return groups_.count(id) != 0;
  }
  void AddUserWithGroup(int id, std::string n) {
    std::lock_guard<std::mutex> l(users_mu_);
    users_[id] = n;
    groups_[id] = std::move(n);
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'groups_' (std::map<int, std::string>): write ('operator[]' inserts missing keys) holding 'users_mu_' but not 'groups_mu_', the lock most accesses to 'groups_' hold; the conflicting write in 'Registry::AddGroup' holds 'groups_mu_' [maprace-lock-mismatch]
  }
};
} // namespace crossed_guards_bad

// Each map only under its own mutex.
namespace crossed_guards_ok {
class Registry {
  std::mutex users_mu_, groups_mu_;
  std::map<int, std::string> users_;
  std::map<int, std::string> groups_;

public:
  void AddUser(int id, std::string n) {
    std::lock_guard<std::mutex> l(users_mu_);
    users_[id] = std::move(n);
  }
  void AddGroup(int id, std::string n) {
    std::lock_guard<std::mutex> l(groups_mu_);
    groups_[id] = std::move(n);
  }
  bool HasGroup(int id) {
    std::lock_guard<std::mutex> l(groups_mu_);
    return groups_.count(id) != 0;
  }
  void AddUserWithGroup(int id, std::string n) {
    {
      std::lock_guard<std::mutex> l(users_mu_);
      users_[id] = n;
    }
    std::lock_guard<std::mutex> l(groups_mu_);
    groups_[id] = std::move(n);
  }
};
} // namespace crossed_guards_ok

// A constructor may fill the map under any lock (nothing runs yet); a
// public Reload under the constructor's mutex races with Get.
namespace reload_other_mutex_bad {
class Config {
  std::mutex mu_, load_mu_;
  std::map<std::string, std::string> kv_;

public:
  Config() {
    std::lock_guard<std::mutex> l(load_mu_);
    kv_["mode"] = "default";
  }
  std::string Get(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = kv_.find(k);
    return it == kv_.end() ? "" : it->second;
  }
  void Set(const std::string &k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    kv_[k] = std::move(v);
  }
  void Reload() {
    std::lock_guard<std::mutex> l(load_mu_);
    kv_.clear();
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'kv_' (std::map<std::string, std::string>): write ('clear') holding 'load_mu_' but not 'mu_', the lock most accesses to 'kv_' hold; the conflicting write in 'Config::Set' holds 'mu_' [maprace-lock-mismatch]
  }
};
} // namespace reload_other_mutex_bad

// Only the constructor uses load_mu_.
namespace reload_other_mutex_ok {
class Config {
  std::mutex mu_, load_mu_;
  std::map<std::string, std::string> kv_;

public:
  Config() {
    std::lock_guard<std::mutex> l(load_mu_);
    kv_["mode"] = "default";
  }
  std::string Get(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = kv_.find(k);
    return it == kv_.end() ? "" : it->second;
  }
  void Set(const std::string &k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    kv_[k] = std::move(v);
  }
  void Reload() {
    std::lock_guard<std::mutex> l(mu_);
    kv_.clear();
  }
};
} // namespace reload_other_mutex_ok

// A global map: the worker thread holds a (twice), the spawner writes under
// b while the thread runs.
namespace global_thread_bad {
std::mutex a, b;
std::map<int, int> table;
void worker() {
  std::lock_guard<std::mutex> l(a);
  if (table.count(1))
    table.erase(1);
}
int main_like() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(b);
    table[2] = 2;
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'table' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'b' but not 'a', the lock most accesses to 'table' hold; the conflicting write in 'worker' holds 'a' [maprace-lock-mismatch]
  }
  t.join();
  return 0;
}
} // namespace global_thread_bad

// The spawner writes under a as well.
namespace global_thread_ok {
std::mutex a, b;
std::map<int, int> table;
void worker() {
  std::lock_guard<std::mutex> l(a);
  if (table.count(1))
    table.erase(1);
}
int main_like() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(a);
    table[2] = 2;
  }
  t.join();
  return 0;
}
} // namespace global_thread_ok

// A worker thread started by the class drains the queue under mu_; Submit
// pushes under submit_mu_.
namespace member_thread_bad {
class Worker {
  std::mutex mu_, submit_mu_;
  std::vector<int> queue_;
  std::thread t_;
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    if (!queue_.empty())
      queue_.pop_back();
  }

public:
  Worker() : t_([this] { Loop(); }) {}
  ~Worker() { t_.join(); }
  void Submit(int x) {
    std::lock_guard<std::mutex> l(submit_mu_);
    queue_.push_back(x);
    // CHECK: different-guards.cpp:[[@LINE-1]]:5: warning: data race on 'queue_' (std::vector<int>): write ('push_back') holding 'submit_mu_' but not 'mu_', the lock most accesses to 'queue_' hold; the conflicting write in 'Worker::Loop' holds 'mu_' [maprace-lock-mismatch]
  }
};
} // namespace member_thread_bad

// Submit takes mu_ (submit_mu_ only orders the submitters).
namespace member_thread_ok {
class Worker {
  std::mutex mu_, submit_mu_;
  std::vector<int> queue_;
  std::thread t_;
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    if (!queue_.empty())
      queue_.pop_back();
  }

public:
  Worker() : t_([this] { Loop(); }) {}
  ~Worker() { t_.join(); }
  void Submit(int x) {
    std::lock_guard<std::mutex> s(submit_mu_);
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(x);
  }
};
} // namespace member_thread_ok
