// RUN: %maprace %s -- -std=c++20 | %check %s
// A visible wrapper's try-lock (`bool TryLock() { return mu_.try_lock();
// }`) in a condition acquires on the success branch.
#include <map>
#include <mutex>

class Mutex {
  std::mutex mu_;

public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }
  bool TryLock() { return mu_.try_lock(); }
};

// Reads only where TryLock() succeeded: must stay silent.
namespace visible_try_lock_ok {
class Cache {
public:
  void Put(int k, int v) {
    mu_.Lock();
    m_[k] = v;
    mu_.Unlock();
  }
  int Get(int k) {
    if (mu_.TryLock()) {
      int n = m_.count(k);
      mu_.Unlock();
      return n;
    }
    return -1;
  }

private:
  Mutex mu_;
  std::map<int, int> m_;
};
} // namespace visible_try_lock_ok
