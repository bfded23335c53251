// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A handle used after its lock is released is hurt only by a writer that
// can move or change what it points to. Inserting into a std::map, a
// std::set or a std::list moves no node; inserting into a hash map keeps
// references and pointers (a rehash invalidates only iterators). Erasing,
// assigning through `m[k] = v`, and every write to a vector still count.
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

// A reference into a map, used unlocked; other callers only insert
// (try_emplace, emplace, and `m[k]` only read). Silent.
namespace map_reference_inserts_only_ok {
class Registry {
  std::mutex mu_;
  std::map<int, std::string> names_;

public:
  void Add(int id, std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    names_.try_emplace(id, std::move(n));
  }
  void AddPair(int id, std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    names_.emplace(id, std::move(n));
  }
  std::string Copy(int id) {
    std::lock_guard<std::mutex> l(mu_);
    std::string copy = names_[id];
    return copy;
  }
  const std::string &Get(int id) {
    std::lock_guard<std::mutex> l(mu_);
    return names_.at(id);
  }
  size_t Length(int id) { return Get(id).size(); }
};
} // namespace map_reference_inserts_only_ok

// The twin: `m[k] = v` may overwrite the very element the reference
// stands on.
namespace map_reference_assigned_bad {
class Registry {
  std::mutex mu_;
  std::map<int, std::string> names_;

public:
  void Set(int id, std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    names_[id] = std::move(n);
  }
  const std::string &Get(int id) {
    std::lock_guard<std::mutex> l(mu_);
    return names_.at(id);
    // CHECK: insertion-keeps-node-handles.cpp:[[@LINE-1]]:5: warning: reference into 'names_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Registry::Get' returns; the caller uses it without the lock, and a concurrent write ('operator[]' inserts missing keys) in 'Registry::Set' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
  size_t Length(int id) { return Get(id).size(); }
};
} // namespace map_reference_assigned_bad

// The twin: erase may remove the element.
namespace map_reference_erased_bad {
class Registry {
  std::mutex mu_;
  std::map<int, std::string> names_;

public:
  void Add(int id, std::string n) {
    std::lock_guard<std::mutex> l(mu_);
    names_.try_emplace(id, std::move(n));
  }
  void Remove(int id) {
    std::lock_guard<std::mutex> l(mu_);
    names_.erase(id);
  }
  size_t Length(int id) {
    std::unique_lock<std::mutex> l(mu_);
    const std::string &n = names_.at(id);
    l.unlock();
    return n.size();
    // CHECK: insertion-keeps-node-handles.cpp:[[@LINE-1]]:12: warning: reference 'n' into 'names_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('erase') in 'Registry::Remove' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace map_reference_erased_bad

// A pointer into a hash map survives an insertion's rehash. Silent.
namespace unordered_pointer_inserts_ok {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, std::move(v)});
  }
  size_t Size(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    const std::string *p = &it->second;
    l.unlock();
    return p->size();
  }
};
} // namespace unordered_pointer_inserts_ok

// The twin: an iterator into a hash map does not survive a rehash.
namespace unordered_iterator_inserts_bad {
class Cache {
  std::mutex mu_;
  std::unordered_map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_.insert({k, std::move(v)});
  }
  size_t Size(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    l.unlock();
    return it->second.size();
    // CHECK: insertion-keeps-node-handles.cpp:[[@LINE-1]]:12: warning: iterator 'it' into 'm_' (std::unordered_map<int, std::string>) is used after 'mu_' is released; a concurrent write ('insert') in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace unordered_iterator_inserts_bad

// A reference to a list's element survives push_back. Silent.
namespace list_reference_push_ok {
class Log {
  std::mutex mu_;
  std::list<std::string> lines_;

public:
  void Append(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    lines_.push_back(std::move(s));
  }
  size_t FirstLength() {
    std::unique_lock<std::mutex> l(mu_);
    if (lines_.empty())
      return 0;
    const std::string &first = lines_.front();
    l.unlock();
    return first.size();
  }
};
} // namespace list_reference_push_ok

// The twin: a vector's push_back may reallocate.
namespace vector_reference_push_bad {
class Log {
  std::mutex mu_;
  std::vector<std::string> lines_;

public:
  void Append(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    lines_.push_back(std::move(s));
  }
  size_t FirstLength() {
    std::unique_lock<std::mutex> l(mu_);
    if (lines_.empty())
      return 0;
    const std::string &first = lines_.front();
    l.unlock();
    return first.size();
    // CHECK: insertion-keeps-node-handles.cpp:[[@LINE-1]]:12: warning: reference 'first' into 'lines_' (std::vector<std::string>) is used after 'mu_' is released; a concurrent write ('push_back') in 'Log::Append' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace vector_reference_push_bad
