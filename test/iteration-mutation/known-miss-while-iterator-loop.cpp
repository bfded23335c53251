// RUN: %maprace %s -- -std=c++20 | %check %s
// Known miss (documented limit): `while` loops over iterators are not
// recognised as loops (only the `for` forms are), so
//  - the purge loop below, which drops mu_ with its iterator live, should
//    report "loop over 'm_' (std::map<int, int>) releases 'mu_' inside its
//    body, so the concurrent write ('operator[]' inserts missing keys) in
//    'Cache::Set' can change it between iterations";
//  - the vector loop should report "loop over 'v' (std::vector<int>) is
//    invalidated by its own body: 'push_back' may reallocate and invalidates
//    every iterator".
// Both are silent today; every access in Purge is made under mu_, so
// maprace-unguarded-access has nothing to say either.
#include <map>
#include <mutex>
#include <vector>

void Flush(int value);

namespace while_purge {
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
    auto it = m_.begin();
    while (it != m_.end()) {
      int v = it->second;
      lk.unlock();
      Flush(v);
      lk.lock();
      ++it;
    }
  }
};
} // namespace while_purge

namespace while_push_back {
void Expand(std::vector<int> &v) {
  auto it = v.begin();
  while (it != v.end()) {
    if (*it > 0)
      v.push_back(-*it);
    ++it;
  }
}
} // namespace while_push_back
