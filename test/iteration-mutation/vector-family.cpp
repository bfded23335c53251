// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Loops whose body invalidates their own iterator, on contiguous sequences
// (std::vector, std::deque): any insertion, resize/reserve, erase, clear or
// assignment invalidates the loop. The twins change a different container,
// the element's value, use indices, or take the iterator erase() returns.
#include <algorithm>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

// push_back inside a range-for over the same vector (notes in full).
namespace push_back_bad {
void Expand(std::vector<int> &v) {
  for (int x : v)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    // CHECK-NEXT: vector-family.cpp:[[@LINE+3]]:7: note: 'v' is modified here, while the loop iterates over it
    // CHECK-NEXT: vector-family.cpp:[[@LINE-4]]:31: note: 'v' is declared here
    if (x > 0)
      v.push_back(-x);
}
} // namespace push_back_bad

// push_back into another vector.
namespace push_back_ok {
void Expand(const std::vector<int> &v, std::vector<int> &out) {
  for (int x : v)
    if (x > 0)
      out.push_back(-x);
}
} // namespace push_back_ok

// emplace_back inside an iterator loop.
namespace emplace_back_bad {
void Expand(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'emplace_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    // CHECK-NEXT: vector-family.cpp:[[@LINE+3]]:7: note: 'v' is modified here, while the loop iterates over it
    // CHECK-NEXT: vector-family.cpp:[[@LINE-4]]:31: note: 'v' is declared here
    if (*it > 0)
      v.emplace_back(-*it);
}
} // namespace emplace_back_bad

// An index loop: indices stay valid across a reallocation.
namespace emplace_back_ok {
void Expand(std::vector<int> &v) {
  for (std::size_t i = 0, n = v.size(); i < n; ++i)
    if (v[i] > 0)
      v.emplace_back(-v[i]);
}
} // namespace emplace_back_ok

// insert at the front while iterating.
namespace insert_bad {
void Prefix(std::vector<int> &v) {
  for (int x : v)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'insert' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (x == 0)
      v.insert(v.begin(), -1);
}
} // namespace insert_bad

// Decide in the loop, insert after it.
namespace insert_ok {
void Prefix(std::vector<int> &v) {
  bool zero = false;
  for (int x : v)
    if (x == 0)
      zero = true;
  if (zero)
    v.insert(v.begin(), -1);
}
} // namespace insert_ok

// resize inside the loop.
namespace resize_bad {
void Grow(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'resize' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (*it < 0)
      v.resize(v.size() * 2);
}
} // namespace resize_bad

// resize once the loop is over.
namespace resize_ok {
void Grow(std::vector<int> &v) {
  std::size_t negative = 0;
  for (auto it = v.begin(); it != v.end(); ++it)
    if (*it < 0)
      ++negative;
  v.resize(v.size() + negative);
}
} // namespace resize_ok

// reserve inside the loop.
namespace reserve_bad {
void Prepare(std::vector<int> &v) {
  for (int x : v)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'reserve' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    v.reserve(v.size() + static_cast<std::size_t>(x));
}
} // namespace reserve_bad

// reserve before the loop; the loop fills another vector.
namespace reserve_ok {
void Prepare(const std::vector<int> &v, std::vector<int> &out) {
  out.reserve(out.size() + v.size());
  for (int x : v)
    out.push_back(x);
}
} // namespace reserve_ok

// erase(it) without taking the returned iterator (notes in full).
namespace erase_bad {
void DropNegative(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'erase' shifts the elements and invalidates the loop's iterator [maprace-iteration-mutation]
    // CHECK-NEXT: vector-family.cpp:[[@LINE+3]]:7: note: 'v' is modified here, while the loop iterates over it
    // CHECK-NEXT: vector-family.cpp:[[@LINE-4]]:37: note: 'v' is declared here
    if (*it < 0)
      v.erase(it);
}
} // namespace erase_bad

// it = v.erase(it): the loop continues from the returned iterator.
namespace erase_ok {
void DropNegative(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end();) {
    if (*it < 0)
      it = v.erase(it);
    else
      ++it;
  }
}
} // namespace erase_ok

// erase(it) on the first match, but the loop goes on with the dead iterator.
namespace erase_break_bad {
void DropFirstNegative(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'erase' shifts the elements and invalidates the loop's iterator [maprace-iteration-mutation]
    if (*it < 0)
      v.erase(it);
  }
}
} // namespace erase_break_bad

// erase directly followed by break: the loop never advances the iterator.
namespace erase_break_ok {
void DropFirstNegative(std::vector<int> &v) {
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (*it < 0) {
      v.erase(it);
      break;
    }
  }
}
} // namespace erase_break_ok

// erase of the current element in a range-for; the loop goes on.
namespace erase_return_bad {
bool DropZero(std::vector<int> &v) {
  bool found = false;
  for (int &x : v) {
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'erase' shifts the elements and invalidates the loop's iterator [maprace-iteration-mutation]
    if (x == 0) {
      v.erase(v.begin() + (&x - v.data()));
      found = true;
    }
  }
  return found;
}
} // namespace erase_return_bad

// erase of the current element directly followed by return.
namespace erase_return_ok {
bool DropZero(std::vector<int> &v) {
  for (int &x : v) {
    if (x == 0) {
      v.erase(v.begin() + (&x - v.data()));
      return true;
    }
  }
  return false;
}
} // namespace erase_return_ok

// clear inside the loop.
namespace clear_bad {
void Reset(std::vector<int> &v) {
  for (int x : v)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'clear' replaces every element [maprace-iteration-mutation]
    // CHECK-NEXT: vector-family.cpp:[[@LINE+3]]:7: note: 'v' is modified here, while the loop iterates over it
    // CHECK-NEXT: vector-family.cpp:[[@LINE-4]]:30: note: 'v' is declared here
    if (x < 0)
      v.clear();
}
} // namespace clear_bad

// std::erase_if: no loop at all.
namespace clear_ok {
void Reset(std::vector<int> &v) { std::erase_if(v, [](int x) { return x < 0; }); }
} // namespace clear_ok

// Assigning the whole vector inside the loop.
namespace assign_bad {
void Normalize(std::vector<int> &v) {
  for (int x : v)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'assign' replaces every element [maprace-iteration-mutation]
    if (x < 0)
      v.assign(v.size(), 0);
}
} // namespace assign_bad

// Assigning the elements' values through the loop variable.
namespace assign_ok {
void Normalize(std::vector<int> &v) {
  for (int &x : v)
    if (x < 0)
      x = 0;
}
} // namespace assign_ok

// push_front on a deque inside the loop.
namespace deque_push_front_bad {
void Mirror(std::deque<int> &d) {
  for (int x : d)
    // CHECK: vector-family.cpp:[[@LINE-1]]:3: warning: loop over 'd' (std::deque<int>) is invalidated by its own body: 'push_front' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    if (x > 0)
      d.push_front(-x);
}
} // namespace deque_push_front_bad

// push_front on another deque.
namespace deque_push_front_ok {
void Mirror(const std::deque<int> &d, std::deque<int> &out) {
  for (int x : d)
    if (x > 0)
      out.push_front(-x);
}
} // namespace deque_push_front_ok

// A shared class: the loop holds the lock for its whole duration (so no other
// thread interferes), but its own body appends to the member.
namespace locked_member_bad {
class Jobs {
  std::mutex mu_;
  std::vector<int> jobs_;

public:
  void Add(int j) {
    std::lock_guard<std::mutex> l(mu_);
    jobs_.push_back(j);
  }
  void Retry() {
    std::lock_guard<std::mutex> l(mu_);
    for (int j : jobs_)
      // CHECK: vector-family.cpp:[[@LINE-1]]:5: warning: loop over 'jobs_' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
      // CHECK-NEXT: vector-family.cpp:[[@LINE+3]]:9: note: 'jobs_' is modified here, while the loop iterates over it
      // CHECK-NEXT: vector-family.cpp:[[@LINE-12]]:20: note: 'jobs_' is declared here
      if (j < 0)
        jobs_.push_back(-j);
  }
};
} // namespace locked_member_bad

// The retries are collected first and appended after the loop.
namespace locked_member_ok {
class Jobs {
  std::mutex mu_;
  std::vector<int> jobs_;

public:
  void Add(int j) {
    std::lock_guard<std::mutex> l(mu_);
    jobs_.push_back(j);
  }
  void Retry() {
    std::lock_guard<std::mutex> l(mu_);
    std::vector<int> retries;
    for (int j : jobs_)
      if (j < 0)
        retries.push_back(-j);
    jobs_.insert(jobs_.end(), retries.begin(), retries.end());
  }
};
} // namespace locked_member_ok
