// RUN: %maprace %s -- -std=c++20 | %check %s
// A comment saying a method runs with no lock held is not read as a lock
// requirement (EntryLockInference's negations).
#include <map>
#include <mutex>

// Peek documents that it runs unlocked; its read races with Put's write.
namespace comment_no_lock_held_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  // Runs with no lock held.
  int Peek(int k) { return m_.count(k); }
  // CHECK: attr-requires-comment-no-lock-held.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace comment_no_lock_held_bad

// Same, Peek locks.
namespace comment_no_lock_held_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  // Takes the lock itself.
  int Peek(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace comment_no_lock_held_ok
