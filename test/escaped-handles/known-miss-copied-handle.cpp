// RUN: %maprace %s -- -std=c++20 | %check %s
// KNOWN MISS: a handle copied into another variable (`auto next = it;`,
// `auto b = r.first;`) is not tracked: only variables initialized or
// assigned straight from a container call (`m_.find(k)`, `&m_[k]`, ...) are
// handles, there is no copy propagation between handle variables. This file
// asserts today's silence; both dereferences below should be reported as
// "iterator 'next' into 'm_' ... is used after 'mu_' is released" (and
// "iterator 'b' ...").
#include <map>
#include <mutex>
#include <string>

namespace copied_handle_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Copied(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    auto next = it;
    l.unlock();
    return next->second.size();
    // Should report: :[[@LINE-1]]:12: warning: iterator 'next' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; ...
  }
  size_t FromRange(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto r = m_.equal_range(k);
    if (r.first == r.second)
      return 0;
    auto b = r.first;
    l.unlock();
    return b->second.size();
    // Should report: :[[@LINE-1]]:12: warning: iterator 'b' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; ...
  }
};
} // namespace copied_handle_bad
