// RUN: %maprace %s -- -std=c++20 | %check %s
// KNOWN MISS: a handle produced by a `...Locked` helper (which takes no lock
// and returns a reference into the map) is not a handle in its caller:
// escaped handles are found within one function, and a helper's summary does
// not say that its result points into a container. This file asserts
// today's silence; both cases below should be reported: the reference used
// after unique_lock::unlock(), and the reference returned while the guard
// holds 'mu_' only until 'Cache::Slot' returns.
#include <map>
#include <mutex>
#include <string>

namespace locked_helper_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

  std::string &SlotLocked(int k) { return m_[k]; }

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string &s = SlotLocked(k);
    l.unlock();
    return s.size();
    // Should report: :[[@LINE-1]]:12: warning: reference 's' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; ...
  }
  std::string &Slot(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return SlotLocked(k);
    // Should report: :[[@LINE-1]]:5: warning: reference into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Cache::Slot' returns; ...
  }
};
} // namespace locked_helper_bad
