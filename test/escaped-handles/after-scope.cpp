// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A handle declared outside a guarded block and assigned inside it
// (`it = m_.find(k);`, `p = &m_[k];`) outlives the guard: once the block
// ends the lock is released, and a writer holding it can invalidate the
// handle before it is used.
// (The "obtained here" note of an assigned handle is asserted in
// assigned-handle-note.cpp.)
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// `it = m_.find(k);` inside a lock_guard block, `*it->second` after it
// (the release note points at the end of the block).
namespace iterator_assigned_in_block_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    std::map<int, std::shared_ptr<int>>::iterator it;
    {
      std::lock_guard<std::mutex> l(mu_);
      it = m_.find(k);
      if (it == m_.end())
        return 0;
    }
    return *it->second;
    // CHECK: after-scope.cpp:[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-scope.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
  }
};
} // namespace iterator_assigned_in_block_bad

// The value is dereferenced inside the block.
namespace iterator_assigned_in_block_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  int Get(int k) {
    std::map<int, std::shared_ptr<int>>::iterator it;
    int v = 0;
    {
      std::lock_guard<std::mutex> l(mu_);
      it = m_.find(k);
      if (it == m_.end())
        return 0;
      v = *it->second;
    }
    return v;
  }
};
} // namespace iterator_assigned_in_block_ok

// `p = &m_[k];` inside a unique_lock block, `p->size()` after it.
namespace pointer_assigned_in_block_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::string *p = nullptr;
    {
      std::unique_lock<std::mutex> l(mu_);
      p = &m_[k];
    }
    return p->size();
    // CHECK: after-scope.cpp:[[@LINE-1]]:12: warning: pointer 'p' into 'm_' (std::unordered_map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-scope.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
  }
};
} // namespace pointer_assigned_in_block_bad

// The string is copied inside the block; the pointer is not used after it.
namespace pointer_assigned_in_block_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::string *p = nullptr;
    std::string copy;
    {
      std::unique_lock<std::mutex> l(mu_);
      p = &m_[k];
      copy = *p;
    }
    return copy.size();
  }
};
} // namespace pointer_assigned_in_block_ok

// Assigned only on one branch inside the block: on that path the pointer
// still points into the map after the block.
namespace pointer_assigned_on_branch_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;
  std::string fallback_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    const std::string *p = &fallback_;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (m_.count(k))
        p = &m_.at(k);
    }
    return p->size();
    // CHECK: after-scope.cpp:[[@LINE-1]]:12: warning: pointer 'p' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace pointer_assigned_on_branch_bad

// After the block the pointer is reseated to a member that is no element of
// the map before it is dereferenced.
namespace pointer_reseated_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;
  std::string fallback_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    const std::string *p = nullptr;
    size_t n = 0;
    {
      std::lock_guard<std::mutex> l(mu_);
      if (m_.count(k)) {
        p = &m_.at(k);
        n = p->size();
      }
    }
    p = &fallback_;
    return n + p->size();
  }
};
} // namespace pointer_reseated_ok

// A pointer to vector::back() taken in a scoped_lock block, used after it:
// a push_back holding the lock reallocates.
namespace vector_back_in_block_bad {
class Log {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  void Append(std::string s) {
    std::scoped_lock l(mu_);
    lines_.push_back(std::move(s));
  }
  size_t LastLength() {
    const std::string *last = nullptr;
    {
      std::scoped_lock l(mu_);
      if (lines_.empty())
        return 0;
      last = &lines_.back();
    }
    return last->size();
    // CHECK: after-scope.cpp:[[@LINE-1]]:12: warning: pointer 'last' into 'lines_' (std::vector<std::string>) is used after 'mu_' is released; a concurrent write ('push_back') in 'Log::Append' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: after-scope.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
  }
};
} // namespace vector_back_in_block_bad

// The length is taken inside the block.
namespace vector_back_in_block_ok {
class Log {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  void Append(std::string s) {
    std::scoped_lock l(mu_);
    lines_.push_back(std::move(s));
  }
  size_t LastLength() {
    size_t n = 0;
    {
      std::scoped_lock l(mu_);
      if (lines_.empty())
        return 0;
      const std::string *last = &lines_.back();
      n = last->size();
    }
    return n;
  }
};
} // namespace vector_back_in_block_ok

// One lock_guard block per loop iteration; the iterator assigned in the
// block is read after it.
namespace loop_block_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Sum(const std::vector<int> &keys) {
    int total = 0;
    std::map<int, int>::const_iterator it;
    for (int k : keys) {
      {
        std::lock_guard<std::mutex> l(mu_);
        it = m_.find(k);
        if (it == m_.end())
          continue;
      }
      total += it->second;
      // CHECK: after-scope.cpp:[[@LINE-1]]:16: warning: iterator 'it' into 'm_' (std::map<int, int>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    }
    return total;
  }
};
} // namespace loop_block_bad

// The addition is inside the block.
namespace loop_block_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Sum(const std::vector<int> &keys) {
    int total = 0;
    std::map<int, int>::const_iterator it;
    for (int k : keys) {
      std::lock_guard<std::mutex> l(mu_);
      it = m_.find(k);
      if (it == m_.end())
        continue;
      total += it->second;
    }
    return total;
  }
};
} // namespace loop_block_ok
