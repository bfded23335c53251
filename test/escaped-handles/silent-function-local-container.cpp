// RUN: %maprace %s -- -std=c++20 | %check %s
// The container is a local variable of the function; no other thread can
// reach it, whatever lock happens to be held, so a reference into it used
// after unlock() is no race (the only "writer" is the function itself).
// Expected: silent.
#include <map>
#include <mutex>
#include <string>

namespace local_container_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Snapshot(int k) {
    std::map<int, std::string> local;
    mu_.lock();
    local[k] = m_.count(k) ? "present" : "absent";
    std::string &s = local[k];
    mu_.unlock();
    return s.size();
  }
};
} // namespace local_container_ok
