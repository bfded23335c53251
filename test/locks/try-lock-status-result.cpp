// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A try-lock that returns a status object (`Status TryLockFor(timeout)`),
// kept in a variable and tested with `ok()`: the lock is held where `ok()`
// said so (`if (!result.ok()) return result;` and after), not on the
// failure path. Also the usual shape of a timed lock next to a plain one:
// `result = timeout < 0 ? mu->Lock() : mu->TryLockFor(timeout)`.
#include <map>
#include <memory>
#include <string>

struct Status {
  bool ok() const { return ok_; }
  bool ok_ = true;
};

class TimedMutex {
public:
  virtual ~TimedMutex();
  virtual Status Lock() = 0;
  virtual Status TryLockFor(long timeout) = 0;
  virtual void UnLock() = 0;
};

// Locked, or tried and checked before the read. Silent.
namespace checked_ok {
class Manager;
class Stripe {
  friend class Manager;
  std::shared_ptr<TimedMutex> mu;
  std::map<std::string, int> keys;
  int *Get(const std::string &k) {
    auto it = keys.find(k);
    return it == keys.end() ? nullptr : &it->second;
  }
  void Release(const std::string &k) { keys.erase(k); }
};
class Manager {
public:
  Status Acquire(Stripe *stripe, const std::string &key, long timeout) {
    Status result;
    if (timeout < 0)
      result = stripe->mu->Lock();
    else
      result = stripe->mu->TryLockFor(timeout);
    if (!result.ok())
      return result;
    stripe->Get(key);
    stripe->mu->UnLock();
    return result;
  }
  void Release(Stripe *stripe, const std::string &key) {
    stripe->mu->Lock();
    stripe->Release(key);
    stripe->mu->UnLock();
  }
};
} // namespace checked_ok

// Read where the try failed.
namespace read_on_failure {
class Manager;
class Stripe {
  friend class Manager;
  std::shared_ptr<TimedMutex> mu;
  std::map<std::string, int> keys;
  int *Get(const std::string &k) {
    auto it = keys.find(k);
    // CHECK: try-lock-status-result.cpp:[[@LINE-1]]:15: warning: data race on 'keys' (std::map<std::string, int>): read ('find') without holding 'mu'; the conflicting write in 'Stripe::Release' holds it [maprace-unguarded-access]
    return it == keys.end() ? nullptr : &it->second;
  }
  void Release(const std::string &k) { keys.erase(k); }
};
class Manager {
public:
  Status Acquire(Stripe *stripe, const std::string &key, long timeout) {
    Status result = stripe->mu->TryLockFor(timeout);
    if (result.ok())
      return result;
    stripe->Get(key);
    return result;
  }
  void Release(Stripe *stripe, const std::string &key) {
    stripe->mu->Lock();
    stripe->Release(key);
    stripe->mu->UnLock();
  }
};
} // namespace read_on_failure
