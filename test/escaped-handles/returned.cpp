// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A function that locks, takes a reference, pointer or iterator into the
// container and returns it: its guard releases the lock as the function
// returns, so the caller uses the handle without it. Returning a copy, or
// returning a handle from a helper that takes no lock (its callers hold it),
// is fine.
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// `return m_[k];` from a function returning a reference (notes in full).
namespace reference_subscript_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::shared_ptr<int> &Ref(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_[k];
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: reference into 'm_' (std::map<int, std::shared_ptr<int>>) is returned while 'mu_' is held only until 'Cache::Ref' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: returned.cpp:[[@LINE-2]]:12: note: the reference is obtained here from 'operator[]', while 'mu_' is held
    // CHECK-NEXT: returned.cpp:[[@LINE-7]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: returned.cpp:[[@LINE-13]]:39: note: 'm_' is declared here
  }
};
} // namespace reference_subscript_bad

// The same body returning the shared_ptr by value: a copy made under the
// lock.
namespace reference_subscript_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::shared_ptr<int>> m_;

public:
  void Put(int k, std::shared_ptr<int> v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::shared_ptr<int> Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_[k];
  }
};
} // namespace reference_subscript_ok

// `return m_.at(k);` as a const reference under a scoped_lock.
namespace const_reference_at_bad {
class Config {
  std::mutex mu_;
  std::unordered_map<std::string, std::string> m_;

public:
  void Set(const std::string &k, std::string v) {
    std::scoped_lock l(mu_);
    m_[k] = std::move(v);
  }
  const std::string &Get(const std::string &k) {
    std::scoped_lock l(mu_);
    return m_.at(k);
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: reference into 'm_' (std::unordered_map<std::string, std::string>) is returned while 'mu_' is held only until 'Config::Get' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Config::Set' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace const_reference_at_bad

// A helper that takes no lock returns the reference; its only caller holds
// the lock for every use of it.
namespace const_reference_at_ok {
class Config {
  std::mutex mu_;
  std::unordered_map<std::string, std::string> m_;

  const std::string &GetLocked(const std::string &k) { return m_.at(k); }

public:
  void Set(const std::string &k, std::string v) {
    std::scoped_lock l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(const std::string &k) {
    std::scoped_lock l(mu_);
    return GetLocked(k).size();
  }
};
} // namespace const_reference_at_ok

// `return &m_[k];` from a function returning a pointer (notes in full).
namespace pointer_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string *Slot(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return &m_[k];
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: pointer into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Cache::Slot' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: returned.cpp:[[@LINE-2]]:12: note: the pointer is obtained here from 'operator[]', while 'mu_' is held
    // CHECK-NEXT: returned.cpp:[[@LINE-7]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: returned.cpp:[[@LINE-13]]:30: note: 'm_' is declared here
  }
};
} // namespace pointer_bad

// A `...Locked` helper returning the pointer: it takes no lock, and every
// caller holds 'mu_' while it uses the pointer.
namespace pointer_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

  std::string *SlotLocked(int k) { return &m_[k]; }

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  void Append(int k, const std::string &s) {
    std::lock_guard<std::mutex> l(mu_);
    SlotLocked(k)->append(s);
  }
};
} // namespace pointer_ok

// `return m_.find(k);` from a function returning an iterator.
namespace iterator_call_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  std::map<int, int>::iterator Find(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k);
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: iterator into 'm_' (std::map<int, int>) is returned while 'mu_' is held only until 'Cache::Find' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: returned.cpp:[[@LINE-2]]:12: note: the iterator is obtained here from 'find', while 'mu_' is held
  }
};
} // namespace iterator_call_bad

// Returns whether the key is there: a bool, computed under the lock.
namespace iterator_call_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  bool Contains(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }
};
} // namespace iterator_call_ok

// An iterator variable returned: the message names it and the note points
// at its declaration.
namespace iterator_variable_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::unordered_map<int, std::string>::iterator Lookup(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it;
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: iterator 'it' into 'm_' (std::unordered_map<int, std::string>) is returned while 'mu_' is held only until 'Cache::Lookup' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: returned.cpp:[[@LINE-3]]:10: note: the iterator is obtained here from 'find', while 'mu_' is held
  }
};
} // namespace iterator_variable_bad

// The mapped value is returned by value instead.
namespace iterator_variable_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string Lookup(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return {};
    return it->second;
  }
};
} // namespace iterator_variable_ok

// A reference variable returned after unique_lock::unlock(): reported as a
// use after the release.
namespace reference_after_unlock_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string &Ref(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string &r = m_[k];
    l.unlock();
    return r;
    // CHECK: returned.cpp:[[@LINE-1]]:12: warning: reference 'r' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    // CHECK-NEXT: returned.cpp:[[@LINE-3]]:5: note: 'mu_' is released here
  }
};
} // namespace reference_after_unlock_bad

// The copy is returned after unique_lock::unlock().
namespace reference_after_unlock_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string Copy(int k) {
    std::unique_lock<std::mutex> l(mu_);
    std::string r = m_[k];
    l.unlock();
    return r;
  }
};
} // namespace reference_after_unlock_ok

// vector::back() and emplace_back() references returned: push_back holding
// the lock reallocates the storage.
namespace vector_back_bad {
class Log {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  void Append(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    lines_.push_back(std::move(s));
  }
  std::string &Last() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_.back();
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: reference into 'lines_' (std::vector<std::string>) is returned while 'mu_' is held only until 'Log::Last' returns; the caller uses it without the lock, and a concurrent write ('push_back') in 'Log::Append' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  std::string &NewLine() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_.emplace_back();
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: reference into 'lines_' (std::vector<std::string>) is returned while 'mu_' is held only until 'Log::NewLine' returns; the caller uses it without the lock, and a concurrent write ('push_back') in 'Log::Append' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace vector_back_bad

// The last line is returned by value; the new line's index is returned.
namespace vector_back_ok {
class Log {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  void Append(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    lines_.push_back(std::move(s));
  }
  std::string Last() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_.back();
  }
  size_t NewLine() {
    std::lock_guard<std::mutex> l(mu_);
    lines_.emplace_back();
    return lines_.size() - 1;
  }
};
} // namespace vector_back_ok

// A reader under a shared_lock returns a reference; a writer holding the
// unique_lock can invalidate it once the reader's lock is gone.
namespace shared_lock_bad {
class Table {
  std::shared_mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = std::move(v);
  }
  const std::string &Get(int k) {
    std::shared_lock<std::shared_mutex> l(mu_);
    return m_.at(k);
    // CHECK: returned.cpp:[[@LINE-1]]:5: warning: reference into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Table::Get' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Table::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace shared_lock_bad

// Returns a copy under the shared_lock.
namespace shared_lock_ok {
class Table {
  std::shared_mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::unique_lock<std::shared_mutex> l(mu_);
    m_[k] = std::move(v);
  }
  std::string Get(int k) {
    std::shared_lock<std::shared_mutex> l(mu_);
    return m_.at(k);
  }
};
} // namespace shared_lock_ok

// A locking lambda returns a reference to its caller, which uses it after
// the lambda's guard is gone.
namespace lambda_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    auto slot = [&]() -> std::string & {
      std::lock_guard<std::mutex> l(mu_);
      return m_[k];
      // CHECK: returned.cpp:[[@LINE-1]]:7: warning: reference into 'm_' (std::map<int, std::string>) is returned while 'mu_' is held only until a lambda in 'Cache::Length' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    };
    return slot().size();
  }
};
} // namespace lambda_bad

// The lambda returns a copy.
namespace lambda_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    auto slot = [&]() -> std::string {
      std::lock_guard<std::mutex> l(mu_);
      return m_[k];
    };
    return slot().size();
  }
};
} // namespace lambda_ok
