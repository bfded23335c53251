// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// "Drop the lock to do slow work" inside a loop: the loop holds the lock
// that the writers hold, but its body releases it (even if it takes it again
// before the next iteration), so a writer can change the container between
// two iterations while the loop's iterator is live.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <utility>
#include <vector>

void Flush(int value);

// unique_lock::unlock() and lock() around slow work in an iterator loop
// (notes in full).
namespace unique_lock_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    for (auto it = m_.begin(); it != m_.end(); ++it) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: release-in-body.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = it->second;
      lk.unlock();
      Flush(v);
      lk.lock();
    }
  }
};
} // namespace unique_lock_unlock_bad

// Collect the values under the lock, release it after the loop, then do the
// slow work on the copy.
namespace unique_lock_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    std::vector<int> pending;
    for (auto it = m_.begin(); it != m_.end(); ++it)
      pending.push_back(it->second);
    lk.unlock();
    for (int v : pending)
      Flush(v);
  }
};
} // namespace unique_lock_unlock_ok

// mutex::unlock() and lock() by hand inside a range-for.
namespace mutex_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    mu_.lock();
    for (const auto &kv : m_) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: release-in-body.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-13]]:22: note: 'm_' is declared here
      int v = kv.second;
      mu_.unlock();
      Flush(v);
      mu_.lock();
    }
    mu_.unlock();
  }
};
} // namespace mutex_unlock_bad

// mutex::unlock() only after the loop.
namespace mutex_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Total() {
    mu_.lock();
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    mu_.unlock();
    return sum;
  }
};
} // namespace mutex_unlock_ok

// The lock is dropped only on some iterations (the slow path).
namespace conditional_unlock_bad {
class Cache {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Scan() {
    std::unique_lock<std::mutex> lk(mu_);
    for (int x : v_) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'v_' (std::vector<int>) releases 'mu_' inside its body, so the concurrent write ('push_back') in 'Cache::Add' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-6]]:5: note: concurrent write ('push_back') in 'Cache::Add', holding 'mu_'
      // CHECK-NEXT: release-in-body.cpp:[[@LINE+5]]:9: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-13]]:20: note: 'v_' is declared here
      if (x < 0)
        continue;
      if (x > 1000) {
        lk.unlock();
        Flush(x);
        lk.lock();
      }
    }
  }
};
} // namespace conditional_unlock_bad

// The same branch, without releasing the lock.
namespace conditional_unlock_ok {
class Cache {
  std::mutex mu_;
  std::vector<int> v_;

public:
  void Add(int x) {
    std::lock_guard<std::mutex> l(mu_);
    v_.push_back(x);
  }
  void Scan() {
    std::unique_lock<std::mutex> lk(mu_);
    for (int x : v_) {
      if (x < 0)
        continue;
      if (x > 1000)
        Flush(x);
    }
  }
};
} // namespace conditional_unlock_ok

// A reader loop under std::shared_lock that drops it inside the body.
namespace shared_lock_unlock_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  void Report() {
    std::shared_lock<std::shared_mutex> lk(mu_);
    for (const auto &kv : m_) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      int v = kv.second;
      lk.unlock();
      Flush(v);
      lk.lock();
    }
  }
};
} // namespace shared_lock_unlock_bad

// The reader lock is held across the whole loop.
namespace shared_lock_unlock_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Set(int k, int v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  void Report() {
    std::shared_lock<std::shared_mutex> lk(mu_);
    for (const auto &kv : m_)
      Flush(kv.second);
  }
};
} // namespace shared_lock_unlock_ok

// A member function of the same class releases mu_; the loop takes it again
// (the note is on the call).
namespace member_helper_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  void DropLock() { mu_.unlock(); }

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    mu_.lock();
    for (const auto &kv : m_) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: release-in-body.cpp:[[@LINE+3]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-14]]:22: note: 'm_' is declared here
      int v = kv.second;
      DropLock();
      Flush(v);
      mu_.lock();
    }
    mu_.unlock();
  }
};
} // namespace member_helper_unlock_bad

// The helper releases mu_ only after the loop.
namespace member_helper_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  void DropLock() { mu_.unlock(); }

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    mu_.lock();
    std::vector<int> pending;
    for (const auto &kv : m_)
      pending.push_back(kv.second);
    DropLock();
    for (int v : pending)
      Flush(v);
  }
};
} // namespace member_helper_unlock_ok

// A free function in the file releases the global mutex inside main's loop
// (which takes it again), with a thread writing the global under it.
namespace free_helper_unlock_bad {
std::mutex g_mu;
std::map<int, int> g;
void writer() {
  std::lock_guard<std::mutex> l(g_mu);
  g[1] = 2;
}
void Release() { g_mu.unlock(); }
int main_like() {
  std::thread t(writer);
  int sum = 0;
  {
    std::lock_guard<std::mutex> l(g_mu);
    for (const auto &kv : g) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'g' (std::map<int, int>) releases 'g_mu' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'writer' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-10]]:3: note: concurrent write ('operator[]' inserts missing keys) in 'writer', holding 'g_mu'
      // CHECK-NEXT: release-in-body.cpp:[[@LINE+4]]:7: note: 'g_mu' is released here, inside the loop
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-8]]:15: note: the concurrent write runs on the thread started here
      // CHECK-NEXT: release-in-body.cpp:[[@LINE-16]]:20: note: 'g' is declared here
      sum += kv.second;
      Release();
      std::this_thread::yield();
      g_mu.lock();
    }
  }
  t.join();
  return sum;
}
} // namespace free_helper_unlock_bad

// The helper releases the mutex only after the loop.
namespace free_helper_unlock_ok {
std::mutex g_mu;
std::map<int, int> g;
void writer() {
  std::lock_guard<std::mutex> l(g_mu);
  g[1] = 2;
}
void Release() { g_mu.unlock(); }
int main_like() {
  std::thread t(writer);
  int sum = 0;
  {
    std::lock_guard<std::mutex> l(g_mu);
    for (const auto &kv : g)
      sum += kv.second;
    Release();
    std::this_thread::yield();
    g_mu.lock();
  }
  t.join();
  return sum;
}
} // namespace free_helper_unlock_ok

// An inner loop drops the lock: the outer loop over the map is reported (the
// inner loop's vector is local and not shared).
namespace nested_loop_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::vector<int>> m_;

public:
  void Set(int k, std::vector<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    for (const auto &kv : m_) {
      // CHECK: release-in-body.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, std::vector<int>>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      std::vector<int> copy = kv.second;
      for (int x : copy) {
        lk.unlock();
        Flush(x);
        lk.lock();
      }
    }
  }
};
} // namespace nested_loop_unlock_bad

// The unlock happens in a later loop over a local copy.
namespace nested_loop_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::vector<int>> m_;

public:
  void Set(int k, std::vector<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  void Purge() {
    std::unique_lock<std::mutex> lk(mu_);
    std::vector<int> all;
    for (const auto &kv : m_)
      all.insert(all.end(), kv.second.begin(), kv.second.end());
    lk.unlock();
    for (int x : all)
      Flush(x);
  }
};
} // namespace nested_loop_unlock_ok
