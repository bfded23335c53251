// RUN: %maprace %s -- -std=c++20 | %check %s
// Readers and writers under different mutexes, each held at as many places
// as the other: no lock is "the" guard, so the message names none and the
// write is reported.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

// One read under a_, one write under b_.
namespace one_each_bad {
class Index {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(b_);
    m_[k] = v;
    // CHECK: different-guards-tie.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'b_'; the conflicting read in 'Index::Get' holds 'a_' [maprace-lock-mismatch]
  }
};
} // namespace one_each_bad

// Two reads (find, end) under mu_, two writes under import_mu_: today the
// reads are reported ("holding 'mu_' but not 'import_mu_', the lock most
// accesses to 'items_' hold") because 'import_mu_' sorts first.
namespace two_each_bad {
class Catalog {
  std::shared_mutex mu_;
  std::mutex import_mu_;
  std::map<int, std::string> items_;

public:
  std::string Name(int id) {
    std::shared_lock r(mu_);
    auto it = items_.find(id);
    return it == items_.end() ? "" : it->second;
  }
  void Import(int id, std::string n) {
    std::lock_guard<std::mutex> l(import_mu_);
    items_.erase(id);
    // CHECK: different-guards-tie.cpp:[[@LINE-1]]:5: warning: data race on 'items_' (std::map<int, std::string>): write ('erase') holding 'import_mu_'; the conflicting read in 'Catalog::Name' holds 'mu_' [maprace-lock-mismatch]
    items_.emplace(id, std::move(n));
  }
};
} // namespace two_each_bad
