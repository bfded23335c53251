// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// The `...Locked` helper idiom: a private helper that touches the container
// without locking inherits the locks its callers hold, so it is silent when
// every caller holds the mutex and reported when one caller does not. A
// helper that takes the lock itself is safe from any caller.
#include <map>
#include <mutex>
#include <thread>

// A PutLocked helper only ever called with mu_ held inherits it.
namespace locked_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  void Reset(int k) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, 0);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  void PutLocked(int k, int v) { m_[k] = v; }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace locked_helper_ok

// The same helper also called from Reset without the lock: reported at the
// helper's access (the access is unguarded in Reset's context). The note
// naming the unlocked call is missing: see
// locked-helper-unlocked-caller-note.pending.
namespace locked_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  void Reset(int k) { PutLocked(k, 0); }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  void PutLocked(int k, int v) { m_[k] = v; }
  // CHECK: locked-helpers.cpp:[[@LINE-1]]:34: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Cache::PutLocked' holds it [maprace-unguarded-access]
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace locked_helper_bad

// A read helper called under the lock from two public methods.
namespace locked_read_helper_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return LookupLocked(k);
  }
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return LookupLocked(k) != 0;
  }

private:
  int LookupLocked(int k) const {
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace locked_read_helper_ok

// The read helper is the only caller-less public entry's path to m_ without
// the lock: the read in the helper is reported, partner the locked write.
namespace locked_read_helper_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return LookupLocked(k); }

private:
  int LookupLocked(int k) const { return m_.count(k); }
  // CHECK: locked-helpers.cpp:[[@LINE-1]]:42: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: locked-helpers.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: locked-helpers.cpp:[[@LINE+2]]:22: note: 'm_' is declared here
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace locked_read_helper_bad

// Helpers nested two deep (Put -> UpdateLocked -> InsertLocked) inherit the
// lock through both calls.
namespace nested_locked_helpers_ok {
class Index {
public:
  void Update(int k) {
    std::lock_guard<std::mutex> l(mu_);
    UpdateLocked(k);
  }
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }

private:
  void UpdateLocked(int k) { InsertLocked(k, k * 2); }
  void InsertLocked(int k, int v) { m_.insert({k, v}); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace nested_locked_helpers_ok

// Same chain, but Size reads without the lock.
namespace nested_locked_helpers_bad {
class Index {
public:
  void Update(int k) {
    std::lock_guard<std::mutex> l(mu_);
    UpdateLocked(k);
  }
  int Size() { return m_.size(); }
  // CHECK: locked-helpers.cpp:[[@LINE-1]]:23: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Index::InsertLocked' holds it [maprace-unguarded-access]
  // CHECK-NEXT: locked-helpers.cpp:[[@LINE+5]]:37: note: conflicting write ('insert') in 'Index::InsertLocked', holding 'mu_'
  // CHECK-NEXT: locked-helpers.cpp:[[@LINE+6]]:22: note: 'm_' is declared here

private:
  void UpdateLocked(int k) { InsertLocked(k, k * 2); }
  void InsertLocked(int k, int v) { m_.insert({k, v}); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace nested_locked_helpers_bad

// A helper that takes the lock itself, called from an unlocked public method.
namespace self_locking_helper_ok {
class Cache {
public:
  void Put(int k, int v) { Store(k, v); }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  void Store(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace self_locking_helper_ok

// Same, but Get reads without the lock: reported at Get's read, the partner
// is the locked write inside the helper.
namespace self_locking_helper_bad {
class Cache {
public:
  void Put(int k, int v) { Store(k, v); }
  int Get(int k) { return m_.count(k); }
  // CHECK: locked-helpers.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Store' holds it [maprace-unguarded-access]

private:
  void Store(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace self_locking_helper_bad

// A locked helper called from a thread body under the lock, while the
// spawner reads under the same lock.
namespace thread_calls_locked_helper_ok {
std::map<int, int> g;
std::mutex mu;
void AddLocked(int k) { g[k] = 1; }
void body() {
  std::lock_guard<std::mutex> l(mu);
  AddLocked(1);
}
int run() {
  std::thread t(body);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace thread_calls_locked_helper_ok

// The thread body calls the locked helper without the lock, while run()
// calls it under the lock: the thread's context is the unguarded one. (Its
// thread-start note wrongly says the thread "may run several times at
// once": see unguarded-access/notes-thread-started-once.pending.)
namespace thread_calls_locked_helper_bad {
std::map<int, int> g;
std::mutex mu;
void AddLocked(int k) { g[k] = 1; }
// CHECK: locked-helpers.cpp:[[@LINE-1]]:25: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'AddLocked' holds it [maprace-unguarded-access]
void body() { AddLocked(1); }
void run() {
  std::thread t(body);
  {
    std::lock_guard<std::mutex> l(mu);
    AddLocked(2);
  }
  t.join();
}
} // namespace thread_calls_locked_helper_bad
