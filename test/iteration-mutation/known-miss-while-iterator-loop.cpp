// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Known miss (documented limit): `while` loops over iterators are not
// recognised as loops by maprace-iteration-mutation (only the `for` forms
// are), so
//  - the purge loop below, which drops mu_ with its iterator live, should
//    report "loop over 'm_' (std::map<int, int>) releases 'mu_' inside its
//    body, ...". The race is still reported, by maprace-unguarded-access's
//    escaped-handle rule (asserted below): the iterator is used after the
//    mutex was released and taken again.
//  - the vector loop should report "loop over 'v' (std::vector<int>) is
//    invalidated by its own body: 'push_back' may reallocate and invalidates
//    every iterator". It is silent today.
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
      // CHECK: :[[@LINE-1]]:15: warning: iterator 'it' into 'm_' (std::map<int, int>) is used after 'mu_' was released and taken again; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' holding 'mu_' may invalidate it in between [maprace-unguarded-access]
      // CHECK-NEXT: :[[@LINE+1]]:7: note: 'mu_' is released here
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
