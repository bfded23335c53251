// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A handle assigned inside the guarded block (`it = m_.find(k);`) and used
// after it: the note says where the handle was obtained (the assignment),
// not where the variable was declared (before the lock was taken). The twin
// uses the handle inside the block.
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace assigned_note_bad {
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
    // CHECK: :[[@LINE-1]]:13: warning: iterator 'it' into 'm_' (std::map<int, std::shared_ptr<int>>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: :[[@LINE-3]]:5: note: 'mu_' is released here
    // CHECK-NEXT: :[[@LINE-7]]:{{7|12}}: note: the iterator is obtained here from 'find', while 'mu_' is held
  }
};
} // namespace assigned_note_bad

namespace assigned_note_ok {
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
      return *it->second;
    }
  }
};
} // namespace assigned_note_ok
