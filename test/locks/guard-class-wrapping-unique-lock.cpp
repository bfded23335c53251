// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Before C++17 the returned guard is a copy of a temporary destroyed before
// the return: the copy carries the lock.
// RUN: %maprace %s -- -std=c++14 | %strip | %check %s
// A project guard class whose one member is a std::unique_lock is a guard:
// its constructor's initializer says which mutex it locks, and its member
// functions do what they call on the unique_lock. It may be returned by a
// locking function (`auto l = Lock(); ... l.UnLock();`).
#include <map>
#include <mutex>

// The map is used after the returned guard was unlocked.
namespace returned_guard_unlocked_bad {
class Registry {
  mutable std::mutex mu_;
  std::map<int, int> m_;
  class Guard {
  public:
    explicit Guard(const Registry *r) : lock_(r->mu_) {}
    void UnLock() { lock_.unlock(); }

  private:
    std::unique_lock<std::mutex> lock_;
  };
  Guard Lock() const { return Guard(this); }

public:
  void Put(int k) {
    auto l = Lock();
    m_[k] = 1;
  }
  int Get(int k) {
    auto l = Lock();
    l.UnLock();
    return m_.count(k);
    // CHECK: guard-class-wrapping-unique-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Registry::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: guard-class-wrapping-unique-lock.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Registry::Put', holding 'mu_'
    // CHECK-NEXT: guard-class-wrapping-unique-lock.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
  }
};
} // namespace returned_guard_unlocked_bad

// Every access holds the returned guard.
namespace returned_guard_ok {
class Registry {
  mutable std::mutex mu_;
  std::map<int, int> m_;
  class Guard {
  public:
    explicit Guard(const Registry *r) : lock_(r->mu_) {}
    void UnLock() { lock_.unlock(); }

  private:
    std::unique_lock<std::mutex> lock_;
  };
  Guard Lock() const { return Guard(this); }

public:
  void Put(int k) {
    auto l = Lock();
    m_[k] = 1;
  }
  int Get(int k) {
    auto l = Lock();
    int n = m_.count(k);
    l.UnLock();
    return n;
  }
};
} // namespace returned_guard_ok

// The guard made in place, then an access without it.
namespace guard_in_place_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  class Holder {
  public:
    explicit Holder(std::mutex &m) : lock_(m) {}

  private:
    std::lock_guard<std::mutex> lock_;
  };

public:
  void Put(int k) {
    Holder h(mu_);
    m_[k] = 1;
  }
  int Size() { return m_.size(); }
  // CHECK: guard-class-wrapping-unique-lock.cpp:[[@LINE-1]]:23: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
};
} // namespace guard_in_place_bad

// The same with the guard in both.
namespace guard_in_place_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  class Holder {
  public:
    explicit Holder(std::mutex &m) : lock_(m) {}

  private:
    std::lock_guard<std::mutex> lock_;
  };

public:
  void Put(int k) {
    Holder h(mu_);
    m_[k] = 1;
  }
  int Size() {
    Holder h(mu_);
    return m_.size();
  }
};
} // namespace guard_in_place_ok

// A std::unique_lock returned by a locking function, then unlocked.
namespace returned_std_unique_lock_bad {
class Registry {
  mutable std::mutex mu_;
  std::map<int, int> m_;
  std::unique_lock<std::mutex> Lock() const {
    return std::unique_lock<std::mutex>(mu_);
  }

public:
  void Put(int k) {
    auto l = Lock();
    m_[k] = 1;
  }
  int Get(int k) {
    auto l = Lock();
    l.unlock();
    return m_.count(k);
    // CHECK: guard-class-wrapping-unique-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Registry::Put' holds it [maprace-unguarded-access]
  }
  int Size() {
    auto l = Lock();
    return m_.size();
  }
};
} // namespace returned_std_unique_lock_bad
