// RUN: %maprace %s -- -std=c++20 | %check %s
// Known miss: writing an element in place under a reader lock --
// `m_.at(k) = v`, `it->second = v` after find(), `v_[i] = x` on a vector --
// is a race between two writers holding the shared lock (or a writer and a
// reader of the same element), but maprace models these as reads of the
// container's structure (docs: "Element writes through iterators or
// references are not container writes"), so nothing is reported. What should
// be reported: a write to 'm_' / 'v_' element while 'mu_' is held only in
// shared mode, at each assignment below. The same writes under the exclusive
// lock (the _ok twins) are silent today and must stay silent.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <vector>

// at() = v under shared_lock: should be reported, is not.
namespace at_assign_bad {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.at(k);
  }
  void Set(int k, int v) {
    std::shared_lock r(mu_);
    m_.at(k) = v;
  }
};
} // namespace at_assign_bad

// at() = v under unique_lock.
namespace at_assign_ok {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.at(k);
  }
  void Set(int k, int v) {
    std::unique_lock w(mu_);
    m_.at(k) = v;
  }
};
} // namespace at_assign_ok

// find()->second = v under shared_lock: should be reported, is not.
namespace find_assign_bad {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Bump(int k) {
    std::shared_lock r(mu_);
    auto it = m_.find(k);
    if (it != m_.end())
      it->second += 1;
  }
};
} // namespace find_assign_bad

// find()->second = v under unique_lock.
namespace find_assign_ok {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Bump(int k) {
    std::unique_lock w(mu_);
    auto it = m_.find(k);
    if (it != m_.end())
      it->second += 1;
  }
};
} // namespace find_assign_ok

// v_[i] = x on a vector under shared_lock: should be reported, is not.
namespace vector_slot_bad {
class Slots {
  std::shared_mutex mu_;
  std::vector<int> v_;

public:
  int Get(size_t i) {
    std::shared_lock r(mu_);
    return v_[i];
  }
  void Set(size_t i, int x) {
    std::shared_lock r(mu_);
    v_[i] = x;
  }
};
} // namespace vector_slot_bad

// v_[i] = x under unique_lock.
namespace vector_slot_ok {
class Slots {
  std::shared_mutex mu_;
  std::vector<int> v_;

public:
  int Get(size_t i) {
    std::shared_lock r(mu_);
    return v_[i];
  }
  void Set(size_t i, int x) {
    std::unique_lock w(mu_);
    v_[i] = x;
  }
};
} // namespace vector_slot_ok
