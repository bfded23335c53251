// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Containers reached indirectly: maps stored as elements of a vector
// (reported as 'shards_[]'), a map behind a pointer or std::unique_ptr
// member, a map reached through a local reference or pointer, and a map
// inside a struct member.
#include <map>
#include <memory>
#include <mutex>
#include <vector>

// Indexing the outer vector to reach a shard reads the vector's structure:
// it races with emplace_back under mu_, which may move every shard.
namespace outer_vector_bad {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  void AddShard() {
    std::lock_guard<std::mutex> l(mu_);
    shards_.emplace_back();
  }
  void Put(unsigned i, int k) {
    shards_[i].insert({k, k});
    // CHECK: element-and-indirect.cpp:[[@LINE-1]]:5: warning: data race on 'shards_' (std::vector<std::map<int, int>>): read ('operator[]') without holding 'mu_'; the conflicting write in 'Sharded::AddShard' holds it [maprace-unguarded-access]
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-5]]:5: note: conflicting write ('emplace_back') in 'Sharded::AddShard', holding 'mu_'
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-11]]:35: note: 'shards_' is declared here
    // Two Put calls on one shard race too: the class locks its own mutex,
    // so its entry points may run at once.
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-6]]:5: note: fix: hold 'mu_' here, as every other access to 'shards_' does
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-7]]:5: warning: data race on 'shards_[]' (std::map<int, int>): write ('insert') with no lock held, and 'Sharded::Put' may run on several threads at once [maprace-unguarded-access]
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-16]]:35: note: 'shards_[]' is declared here
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-9]]:5: note: fix: guard every access to 'shards_[]' with one mutex (a reader/writer lock lets readers share it), or move it into a small class whose every member function locks
  }
};
} // namespace outer_vector_bad

// Same, Put holds mu_ too.
namespace outer_vector_ok {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  void AddShard() {
    std::lock_guard<std::mutex> l(mu_);
    shards_.emplace_back();
  }
  void Put(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    shards_[i].insert({k, k});
  }
};
} // namespace outer_vector_ok

// shards_[i].insert(...) under mu_ against shards_[i].count(...) under mu_:
// silent. (The unlocked insert is in element-subscript-type.pending.)
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

// Erasing from every shard in a range-for writes the element maps: it races
// with the shard read under mu_.
namespace element_loop_bad {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_[i].count(k);
  }
  void EraseAll(int k) {
    for (auto &s : shards_)
      s.erase(k);
    // CHECK: element-and-indirect.cpp:[[@LINE-1]]:7: warning: data race on 'shards_[]' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Sharded::Count' holds it [maprace-unguarded-access]
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-6]]:12: note: conflicting read ('count') in 'Sharded::Count', holding 'mu_'
    // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-12]]:35: note: 'shards_[]' is declared here
  }
};
} // namespace element_loop_bad

// Same, EraseAll holds mu_ around the loop.
namespace element_loop_ok {
class Sharded {
  std::mutex mu_;
  std::vector<std::map<int, int>> shards_;

public:
  int Count(unsigned i, int k) {
    std::lock_guard<std::mutex> l(mu_);
    return shards_[i].count(k);
  }
  void EraseAll(int k) {
    std::lock_guard<std::mutex> l(mu_);
    for (auto &s : shards_)
      s.erase(k);
  }
};
} // namespace element_loop_ok

// A map behind a raw pointer member: (*m_)[k] and m_->erase(k) write it.
namespace pointer_member_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> *m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_->count(k);
  }
  void Put(int k) { (*m_)[k] = k; }
  // CHECK: element-and-indirect.cpp:[[@LINE-1]]:21: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
  // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-4]]:12: note: conflicting read ('count') in 'Cache::Count', holding 'mu_'
  // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-10]]:23: note: 'm_' is declared here
  void Drop(int k) { m_->erase(k); }
  // CHECK: element-and-indirect.cpp:[[@LINE-1]]:22: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
};
} // namespace pointer_member_bad

// Same, Put and Drop hold mu_.
namespace pointer_member_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> *m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_->count(k);
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (*m_)[k] = k;
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_->erase(k);
  }
};
} // namespace pointer_member_ok

// A map behind a std::unique_ptr member, every access under mu_: silent.
// (The unlocked write is in unique-ptr-member-type.pending.)
namespace unique_ptr_member_ok {
class Cache {
  std::mutex mu_;
  std::unique_ptr<std::map<int, int>> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_->count(k);
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    (*m_)[k] = k;
  }
};
} // namespace unique_ptr_member_ok

// Writing through a local reference `auto &m = m_;` writes m_.
namespace local_reference_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Put(int k) {
    auto &m = m_;
    m[k] = k;
    // CHECK: element-and-indirect.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
  }
};
} // namespace local_reference_bad

// Same, Put holds mu_.
namespace local_reference_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto &m = m_;
    m[k] = k;
  }
};
} // namespace local_reference_ok

// Erasing through a local pointer `auto *p = &m_;` writes m_.
namespace local_pointer_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Drop(int k) {
    auto *p = &m_;
    p->erase(k);
    // CHECK: element-and-indirect.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting read in 'Cache::Count' holds it [maprace-unguarded-access]
  }
};
} // namespace local_pointer_bad

// Same, Drop holds mu_.
namespace local_pointer_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Count(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Drop(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto *p = &m_;
    p->erase(k);
  }
};
} // namespace local_pointer_ok

// A map inside a struct member is named by its path, 's_.map'.
namespace struct_member_bad {
struct Shard {
  std::map<int, int> map;
};
class Cache {
  std::mutex mu_;
  Shard s_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return s_.map.size();
  }
  void Put(int k) { s_.map[k] = k; }
  // CHECK: element-and-indirect.cpp:[[@LINE-1]]:21: warning: data race on 's_.map' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
  // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-4]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
  // CHECK-NEXT: element-and-indirect.cpp:[[@LINE-14]]:22: note: 's_.map' is declared here
};
} // namespace struct_member_bad

// Same, Put holds mu_.
namespace struct_member_ok {
struct Shard {
  std::map<int, int> map;
};
class Cache {
  std::mutex mu_;
  Shard s_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return s_.map.size();
  }
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    s_.map[k] = k;
  }
};
} // namespace struct_member_ok
