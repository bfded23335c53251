// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Where inserting a lock could deadlock, reorder locks or not compile, there
// is no edit, only a note with the repairs.
#include <map>
#include <mutex>

// Get takes another lock already: inserting mu_ would add a lock order.
namespace other_lock_bad {
class Cache {
public:
  void Put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_[k] = k;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> stats(stats_mu_);
    ++hits_;
    return m_.count(k);
    // CHECK: no-lock-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') holding 'stats_mu_' but not 'mu_', the lock most accesses to 'm_' hold; the conflicting write in 'Cache::Put' holds 'mu_' [maprace-lock-mismatch]
    // CHECK-NEXT: no-lock-guard.cpp:[[@LINE-11]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: no-lock-guard.cpp:[[@LINE-5]]:33: note: 'stats_mu_' is acquired here
    // CHECK-NEXT: no-lock-guard.cpp:[[@LINE+8]]:22: note: 'm_' is declared here
    // CHECK-NEXT: no-lock-guard.cpp:[[@LINE-5]]:12: note: fix: guard every access to 'm_' with one mutex ('mu_')
  }

private:
  std::mutex mu_;
  std::mutex stats_mu_;
  int hits_ = 0;
  std::map<int, int> m_;
};
} // namespace other_lock_bad

// A const member function with a mutex that is not mutable: a lock_guard
// would not compile.
namespace const_method_bad {
class Cache {
public:
  void Put(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    m_[k] = k;
  }
  int Size() const { return static_cast<int>(m_.size()); }
  // CHECK: no-lock-guard.cpp:[[@LINE-1]]:46: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: no-lock-guard.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: no-lock-guard.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  // CHECK-NEXT: no-lock-guard.cpp:[[@LINE-4]]:46: note: fix: hold 'mu_' here too; or keep 'm_' behind one reader/writer lock (shared_lock to read, unique_lock to write), or in a small class whose every member function locks

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace const_method_bad

// The other accesses hold different mutexes: which one to take is not
// provable.
namespace no_common_lock_bad {
class Cache {
public:
  void Put(int k) {
    std::lock_guard<std::mutex> lock(a_);
    m_[k] = k;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> lock(b_);
    m_.erase(k);
  }
  int Get(int k) { return m_.count(k); }
  // The writers' mutexes tie: the erase is reported as such, the read
  // without a lock gets the repairs note.
  // CHECK: no-lock-guard.cpp:[[@LINE-5]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') holding 'b_'; the conflicting write in 'Cache::Put' holds 'a_' [maprace-lock-mismatch]
  // CHECK: no-lock-guard.cpp:[[@LINE-4]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'a_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: no-lock-guard.cpp:[[@LINE-5]]:27: note: fix: hold 'a_' here too; or keep 'm_' behind one reader/writer lock (shared_lock to read, unique_lock to write), or in a small class whose every member function locks

private:
  std::mutex a_, b_;
  std::map<int, int> m_;
};
} // namespace no_common_lock_bad
