// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// An element container reached through a member call of the outer
// container (`shards_.at(i)`, `shards_.front()`, `index_.at(k)`) is tracked
// like `shards_[i]`.
#include <map>
#include <mutex>
#include <vector>

// shards_.at(i).insert(...) without the lock races with the shard read
// under mu_.
namespace vector_at_bad {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_.at(i).count(k);
  }
  void Put(unsigned i, int k) {
    shards_.at(i).insert({k, k});
    // CHECK: element-through-member-call.cpp:[[@LINE-1]]:5: warning: data race on 'shards_[]' (std::map<int, int>): write ('insert') without holding 'mu_'; the conflicting read in 'Sharded::Count' holds it [maprace-unguarded-access]
  }
};
} // namespace vector_at_bad

// index_.at(k).push_back(v) without the lock appends to a vector stored in
// the map while Size reads it under mu_.
namespace map_at_bad {
class Index {
  std::mutex mu_;
  std::map<int, std::vector<int>> index_;

public:
  unsigned Size(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return index_.at(k).size();
  }
  void Add(int k, int v) {
    index_.at(k).push_back(v);
    // CHECK: element-through-member-call.cpp:[[@LINE-1]]:5: warning: data race on 'index_[]' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting read in 'Index::Size' holds it [maprace-unguarded-access]
  }
};
} // namespace map_at_bad

// Same two classes, every access under mu_: silent.
namespace vector_at_ok {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_.at(i).count(k);
  }
  void Put(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    shards_.at(i).insert({k, k});
  }
};
} // namespace vector_at_ok

namespace map_at_ok {
class Index {
  std::mutex mu_;
  std::map<int, std::vector<int>> index_;

public:
  unsigned Size(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return index_.at(k).size();
  }
  void Add(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    index_.at(k).push_back(v);
  }
};
} // namespace map_at_ok
