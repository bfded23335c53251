// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// An iterator, reference or pointer obtained from a shared container while
// its lock is held, then used after an explicit unlock() (mutex::unlock,
// unique_lock::unlock, shared_lock::unlock): a writer holding the same lock
// can run as soon as it is released and invalidate the handle.
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

// find() under mutex::lock(), dereferenced after mutex::unlock() (notes in
// full).
namespace mutex_unlock_find_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    mu_.lock();
    auto it = m_.find(k);
    if (it == m_.end()) {
      mu_.unlock();
      return 0;
    }
    mu_.unlock();
    return *it->second;
    // CHECK: after-unlock.cpp:[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-9]]:10: note: the iterator is obtained here from 'find', while 'mu_' is held
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-14]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-20]]:39: note: 'm_' is declared here
  }
};
} // namespace mutex_unlock_find_bad

// The shared_ptr is copied out under the lock; only the copy is used after
// unlock().
namespace mutex_unlock_find_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    mu_.lock();
    auto it = m_.find(k);
    if (it == m_.end()) {
      mu_.unlock();
      return 0;
    }
    std::shared_ptr<int> sp = it->second;
    mu_.unlock();
    return *sp;
  }
};
} // namespace mutex_unlock_find_ok

// unique_lock::unlock(), then `auto [it, inserted] = try_emplace(k)`'s
// iterator is dereferenced (notes in full).
namespace unique_lock_try_emplace_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int GetOrCreate(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto [it, inserted] = m_.try_emplace(k);
    if (inserted)
      it->second = std::make_shared<int>(0);
    l.unlock();
    return *it->second;
    // CHECK: after-unlock.cpp:[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-7]]:10: note: the iterator is obtained here from 'try_emplace', while 'mu_' is held
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-12]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-18]]:39: note: 'm_' is declared here
  }
};
} // namespace unique_lock_try_emplace_bad

// The value is read before unique_lock::unlock(); after it only the
// `inserted` flag (a bool, no handle) is used.
namespace unique_lock_try_emplace_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int GetOrCreate(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto [it, inserted] = m_.try_emplace(k);
    if (inserted)
      it->second = std::make_shared<int>(0);
    int v = *it->second;
    l.unlock();
    return inserted ? 0 : v;
  }
};
} // namespace unique_lock_try_emplace_ok

// A reference bound to operator[]'s result (`auto &v = m_[k];`), read after
// mutex::unlock().
namespace reference_binding_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    mu_.lock();
    auto &v = m_[k];
    mu_.unlock();
    return v.size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: reference 'v' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-5]]:11: note: the reference is obtained here from 'operator[]', while 'mu_' is held
  }
};
} // namespace reference_binding_bad

// Every use of the reference comes before mutex::unlock().
namespace reference_binding_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    mu_.lock();
    auto &v = m_[k];
    size_t n = v.size();
    mu_.unlock();
    return n;
  }
};
} // namespace reference_binding_ok

// A pointer to an element (`auto *p = &m_[k];`), dereferenced after
// unique_lock::unlock().
namespace pointer_to_element_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto *p = &m_[k];
    l.unlock();
    return p->size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: pointer 'p' into 'm_' (std::unordered_map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: after-unlock.cpp:[[@LINE-5]]:11: note: the pointer is obtained here from 'operator[]', while 'mu_' is held
  }
};
} // namespace pointer_to_element_bad

// The element is copied out (a std::string value, no pointer) before
// unique_lock::unlock().
namespace pointer_to_element_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string copy = m_[k];
    l.unlock();
    return copy.size();
  }
};
} // namespace pointer_to_element_ok

// equal_range()'s pair of iterators: `r.first->second` after
// unique_lock::unlock(), while Drop may erase that element (Add's emplace
// moves no node of a multimap: it is not the writer named).
namespace equal_range_bad {
class Index {
  std::mutex mu_;
  std::multimap<int, std::shared_ptr<int>> m_;

public:
  void Add(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, std::move(v));
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_.erase(k);
  }
  int First(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto r = m_.equal_range(k);
    if (r.first == r.second)
      return 0;
    l.unlock();
    return *r.first->second;
    // CHECK: after-unlock.cpp:[[@LINE-1]]:13: warning: iterator 'r' into 'm_' (std::multimap<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('erase') in 'Index::Drop' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace equal_range_bad

// Comparing the two iterators after unlock() is no use: neither is
// dereferenced.
namespace equal_range_ok {
class Index {
  std::mutex mu_;
  std::multimap<int, std::shared_ptr<int>> m_;

public:
  void Add(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.emplace(k, std::move(v));
  }
  bool Has(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto r = m_.equal_range(k);
    l.unlock();
    return r.first != r.second;
  }
};
} // namespace equal_range_ok

// lower_bound()'s iterator, dereferenced after mutex::unlock().
namespace lower_bound_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Ceiling(int k) {
    mu_.lock();
    auto it = m_.lower_bound(k);
    bool found = it != m_.end();
    mu_.unlock();
    return found ? it->second.size() : 0;
    // CHECK: after-unlock.cpp:[[@LINE-1]]:20: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace lower_bound_bad

// The size is read under the lock.
namespace lower_bound_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Ceiling(int k) {
    mu_.lock();
    auto it = m_.lower_bound(k);
    size_t n = it != m_.end() ? it->second.size() : 0;
    mu_.unlock();
    return n;
  }
};
} // namespace lower_bound_ok

// begin()'s iterator, incremented after unique_lock::unlock(): `++it` is a
// use.
namespace begin_increment_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Second() {
    std::unique_lock<std::mutex> l(mu_);
    if (m_.size() < 2)
      return 0;
    auto it = m_.begin();
    l.unlock();
    ++it;
    // CHECK: after-unlock.cpp:[[@LINE-1]]:7: warning: iterator 'it' into 'm_' (std::map<int, int>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    return 1;
  }
};
} // namespace begin_increment_bad

// Incremented and read before unique_lock::unlock().
namespace begin_increment_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Second() {
    std::unique_lock<std::mutex> l(mu_);
    if (m_.size() < 2)
      return 0;
    auto it = m_.begin();
    ++it;
    int v = it->second;
    l.unlock();
    return v;
  }
};
} // namespace begin_increment_ok

// A reader holding a shared_lock takes the iterator; after
// shared_lock::unlock() a writer holding the unique_lock can invalidate it.
namespace shared_lock_unlock_bad {
class Cache {
  std::shared_mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::shared_lock<std::shared_mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    l.unlock();
    return it->second.size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: iterator 'it' into 'm_' (std::unordered_map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace shared_lock_unlock_bad

// The shared_lock is held until the function returns.
namespace shared_lock_unlock_ok {
class Cache {
  std::shared_mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::shared_lock<std::shared_mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    return it->second.size();
  }
};
} // namespace shared_lock_unlock_ok

// vector::front() and data(): a push_back holding the lock reallocates and
// invalidates both.
namespace vector_front_data_bad {
class Queue {
  std::mutex mu_;
  std::vector<std::string> v_;

public:
  void Push(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(std::move(s));
  }
  size_t Front() {
    mu_.lock();
    std::string &f = v_.front();
    mu_.unlock();
    return f.size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: reference 'f' into 'v_' (std::vector<std::string>) is used after 'mu_' is released; a concurrent write ('push_back') in 'Queue::Push' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  size_t Data() {
    mu_.lock();
    std::string *d = v_.data();
    mu_.unlock();
    return d->size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: pointer 'd' into 'v_' (std::vector<std::string>) is used after 'mu_' is released; a concurrent write ('push_back') in 'Queue::Push' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace vector_front_data_bad

// Both read under the lock.
namespace vector_front_data_ok {
class Queue {
  std::mutex mu_;
  std::vector<std::string> v_;

public:
  void Push(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(std::move(s));
  }
  size_t Front() {
    std::lock_guard<std::mutex> l(mu_);
    std::string &f = v_.front();
    return f.size();
  }
  size_t Data() {
    std::lock_guard<std::mutex> l(mu_);
    std::string *d = v_.data();
    return d->size();
  }
};
} // namespace vector_front_data_ok

// set::insert()'s iterator (through a structured binding), dereferenced
// after unique_lock::unlock(), while Forget may erase that name (Add's
// insert moves no node: it is not the writer named).
namespace set_insert_bad {
class Names {
  std::mutex mu_;
  std::set<std::string> s_;

public:
  void Add(std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    s_.insert(std::move(n));
  }
  void Forget(const std::string &n) {
    std::lock_guard<std::mutex> l(mu_);
    s_.erase(n);
  }
  size_t Intern(const std::string &n) {
    std::unique_lock<std::mutex> l(mu_);
    auto [it, fresh] = s_.insert(n);
    l.unlock();
    return it->size();
    // CHECK: after-unlock.cpp:[[@LINE-1]]:12: warning: iterator 'it' into 's_' (std::set<std::string>) is used after 'mu_' is released; a concurrent write ('erase') in 'Names::Forget' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace set_insert_bad

// Only the bool of the pair is used after unlock().
namespace set_insert_ok {
class Names {
  std::mutex mu_;
  std::set<std::string> s_;

public:
  void Add(std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    s_.insert(std::move(n));
  }
  bool Intern(const std::string &n) {
    std::unique_lock<std::mutex> l(mu_);
    auto [it, fresh] = s_.insert(n);
    l.unlock();
    return fresh;
  }
};
} // namespace set_insert_ok

// A global table: the writer runs on a thread started in this file, the
// reader between its start and join (notes in full: the writer is a lambda).
namespace global_thread_bad {
std::mutex mu;
std::map<int, int> table;
int Reader() {
  mu.lock();
  auto it = table.find(1);
  if (it == table.end()) {
    mu.unlock();
    return 0;
  }
  mu.unlock();
  return it->second;
  // CHECK: after-unlock.cpp:[[@LINE-1]]:10: warning: iterator 'it' into 'table' (std::map<int, int>) is used after 'mu' is released; a concurrent write ('operator[]' inserts missing keys) in a lambda in 'Run' holding 'mu' may invalidate it [maprace-unguarded-access]
  // CHECK-NEXT: after-unlock.cpp:[[@LINE-3]]:3: note: 'mu' is released here
  // CHECK-NEXT: after-unlock.cpp:[[@LINE-9]]:8: note: the iterator is obtained here from 'find', while 'mu' is held
  // CHECK-NEXT: after-unlock.cpp:[[@LINE+6]]:5: note: concurrent write ('operator[]' inserts missing keys) in a lambda in 'Run', holding 'mu'
  // CHECK-NEXT: after-unlock.cpp:[[@LINE-14]]:20: note: 'table' is declared here
}
int Run() {
  std::thread t([] {
    std::lock_guard<std::mutex> l(mu);
    table[2] = 1;
  });
  int v = Reader();
  t.join();
  return v;
}
} // namespace global_thread_bad

// The value is copied under the lock.
namespace global_thread_ok {
std::mutex mu;
std::map<int, int> table;
int Reader() {
  std::lock_guard<std::mutex> l(mu);
  auto it = table.find(1);
  return it == table.end() ? 0 : it->second;
}
int Run() {
  std::thread t([] {
    std::lock_guard<std::mutex> l(mu);
    table[2] = 1;
  });
  int v = Reader();
  t.join();
  return v;
}
} // namespace global_thread_ok
