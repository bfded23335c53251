// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A map reached as an element of a vector through operator[]
// (`shards_[i].insert(...)`) is named by its real type, not the library's
// `value_type` sugar.
#include <map>
#include <mutex>
#include <vector>

// An unlocked insert into a shard races with the shard read under mu_.
namespace element_subscript_bad {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_[i].count(k);
  }
  void Put(unsigned i, int k) {
    shards_[i].insert({k, k});
    // CHECK: element-subscript-type.cpp:[[@LINE-1]]:5: warning: data race on 'shards_[]' (std::map<int, int>): write ('insert') without holding 'mu_'; the conflicting read in 'Sharded::Count' holds it [maprace-unguarded-access]
  }
};
} // namespace element_subscript_bad

// Same, Put holds mu_.
namespace element_subscript_ok {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_[i].count(k);
  }
  void Put(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    shards_[i].insert({k, k});
  }
};
} // namespace element_subscript_ok
