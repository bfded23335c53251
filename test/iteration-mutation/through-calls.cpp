// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// The loop body invalidates the loop through a call: a member function of the
// same object that mutates the member being iterated, or a function in the
// file that mutates a container passed by reference. The note chain shows
// the call and the mutation inside the callee.
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

// A member function erases the current session from the map being iterated
// (notes in full).
namespace member_erase_bad {
class Sessions {
  std::map<int, int> m_;
  void Remove(int id) { m_.erase(id); }

public:
  void Expire() {
    for (auto &kv : m_)
      // CHECK: through-calls.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
      // CHECK-NEXT: through-calls.cpp:[[@LINE+4]]:9: note: 'm_' is modified through this call
      // CHECK-NEXT: through-calls.cpp:[[@LINE-7]]:25: note: 'm_' is modified here, while the loop iterates over it
      // CHECK-NEXT: through-calls.cpp:[[@LINE-9]]:22: note: 'm_' is declared here
      if (kv.second == 0)
        Remove(kv.first);
  }
};
} // namespace member_erase_bad

// The member function called in the loop only reads the map.
namespace member_erase_ok {
class Sessions {
  std::map<int, int> m_;
  int expired_ = 0;
  void Count(int id) { expired_ += static_cast<int>(m_.count(id)); }

public:
  void Expire() {
    for (auto &kv : m_)
      if (kv.second == 0)
        Count(kv.first);
  }
};
} // namespace member_erase_ok

// In an iterator loop, the helper erases it->first: the current element.
namespace member_erase_other_key_bad {
class Sessions {
  std::map<int, int> m_;
  void Remove(int id) { m_.erase(id); }

public:
  void Expire() {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      // CHECK: through-calls.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
      if (it->second == 0)
        Remove(it->first);
  }
};
} // namespace member_erase_other_key_bad

// The same helper erasing a key that is not the current element: on a map,
// only that node dies.
namespace member_erase_other_key_ok {
class Sessions {
  std::map<int, int> m_;
  void Remove(int id) { m_.erase(id); }

public:
  void Expire(int victim) {
    for (auto it = m_.begin(); it != m_.end(); ++it)
      if (it->first != victim && it->second == 0)
        Remove(victim);
  }
};
} // namespace member_erase_other_key_ok

// A member function appends to the vector being iterated (notes in full).
namespace member_push_back_bad {
class Jobs {
  std::vector<int> jobs_;
  std::vector<int> done_;
  void Requeue(int j) { jobs_.push_back(j); }

public:
  void Run() {
    for (int j : jobs_)
      // CHECK: through-calls.cpp:[[@LINE-1]]:5: warning: loop over 'jobs_' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
      // CHECK-NEXT: through-calls.cpp:[[@LINE+4]]:9: note: 'jobs_' is modified through this call
      // CHECK-NEXT: through-calls.cpp:[[@LINE-7]]:25: note: 'jobs_' is modified here, while the loop iterates over it
      // CHECK-NEXT: through-calls.cpp:[[@LINE-10]]:20: note: 'jobs_' is declared here
      if (j < 0)
        Requeue(-j);
  }
};
} // namespace member_push_back_bad

// The member function appends to a different vector.
namespace member_push_back_ok {
class Jobs {
  std::vector<int> jobs_;
  std::vector<int> done_;
  void Finish(int j) { done_.push_back(j); }

public:
  void Run() {
    for (int j : jobs_)
      if (j > 0)
        Finish(j);
  }
};
} // namespace member_push_back_ok

// A member function inserts a new key into the unordered_map being iterated.
namespace member_rehash_bad {
class Graph {
  std::unordered_map<int, int> degree_;
  void Touch(int node) { degree_[node] += 1; }

public:
  void Expand() {
    for (auto &kv : degree_)
      // CHECK: through-calls.cpp:[[@LINE-1]]:5: warning: loop over 'degree_' (std::unordered_map<int, int>) is invalidated by its own body: 'operator[]' may rehash and invalidates every iterator [maprace-iteration-mutation]
      Touch(kv.first + 1);
  }
};
} // namespace member_rehash_bad

// The member function updates the mapped value through find().
namespace member_rehash_ok {
class Graph {
  std::unordered_map<int, int> degree_;
  void Touch(int node) {
    auto it = degree_.find(node);
    if (it != degree_.end())
      it->second += 1;
  }

public:
  void Expand() {
    for (auto &kv : degree_)
      Touch(kv.first);
  }
};
} // namespace member_rehash_ok

// A free function erases from the map passed by reference (notes in full).
namespace free_function_bad {
void Forget(std::map<int, int> &m, int k) { m.erase(k); }
void Expire(std::map<int, int> &m) {
  for (auto &kv : m)
    // CHECK: through-calls.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    // CHECK-NEXT: through-calls.cpp:[[@LINE+4]]:7: note: 'm' is modified through this call
    // CHECK-NEXT: through-calls.cpp:[[@LINE-5]]:45: note: 'm' is modified here, while the loop iterates over it
    // CHECK-NEXT: through-calls.cpp:[[@LINE-5]]:33: note: 'm' is declared here
    if (kv.second == 0)
      Forget(m, kv.first);
}
} // namespace free_function_bad

// The free function erases from another map.
namespace free_function_ok {
void Forget(std::map<int, int> &m, int k) { m.erase(k); }
void Expire(const std::map<int, int> &m, std::map<int, int> &index) {
  for (auto &kv : m)
    if (kv.second == 0)
      Forget(index, kv.first);
}
} // namespace free_function_ok

// A free function appends to the vector passed by reference.
namespace free_push_back_bad {
void Append(std::vector<int> &v, int x) { v.push_back(x); }
void Double(std::vector<int> &v) {
  for (int x : v)
    // CHECK: through-calls.cpp:[[@LINE-1]]:3: warning: loop over 'v' (std::vector<int>) is invalidated by its own body: 'push_back' may reallocate and invalidates every iterator [maprace-iteration-mutation]
    Append(v, x);
}
} // namespace free_push_back_bad

// The free function takes the vector by const reference.
namespace free_push_back_ok {
int Count(const std::vector<int> &v, int x) {
  int n = 0;
  for (int y : v)
    n += y == x;
  return n;
}
int Duplicates(std::vector<int> &v) {
  int dups = 0;
  for (int x : v)
    dups += Count(v, x) > 1;
  return dups;
}
} // namespace free_push_back_ok

// Another object's member function: the loop is over o.m_ and o.Remove
// erases from it.
namespace other_object_bad {
struct Table {
  std::map<int, int> m_;
  void Remove(int k) { m_.erase(k); }
};
void Expire(Table &o) {
  for (auto &kv : o.m_)
    // CHECK: through-calls.cpp:[[@LINE-1]]:3: warning: loop over 'o.m_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (kv.second == 0)
      o.Remove(kv.first);
}
} // namespace other_object_bad

// p.Remove erases from a different object's map.
namespace other_object_ok {
struct Table {
  std::map<int, int> m_;
  void Remove(int k) { m_.erase(k); }
};
void Expire(Table &o, Table &p) {
  for (auto &kv : o.m_)
    if (kv.second == 0)
      p.Remove(kv.first);
}
} // namespace other_object_ok

// A shared class: the loop holds mu_ for its whole duration, but the ...Locked
// helper it calls erases the current element.
namespace locked_helper_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  void RemoveLocked(int k) { m_.erase(k); }

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Expire() {
    std::lock_guard<std::mutex> l(mu_);
    for (auto &kv : m_)
      // CHECK: through-calls.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
      if (kv.second == 0)
        RemoveLocked(kv.first);
  }
};
} // namespace locked_helper_bad

// The helper returns the iterator erase() gives back.
namespace locked_helper_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  std::map<int, int>::iterator RemoveLocked(std::map<int, int>::iterator it) {
    return m_.erase(it);
  }

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Expire() {
    std::lock_guard<std::mutex> l(mu_);
    for (auto it = m_.begin(); it != m_.end();) {
      if (it->second == 0)
        it = RemoveLocked(it);
      else
        ++it;
    }
  }
};
} // namespace locked_helper_ok
