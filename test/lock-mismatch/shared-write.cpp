// RUN: %maprace %s -- -std=c++20 | %check %s
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-lock-mismatch %s -- -std=c++20 | %check %s
// Writes under a reader lock (std::shared_lock on a std::shared_mutex): the
// other holders of the reader lock run at the same time, so a write needs the
// mutex exclusively. operator[] on a map inserts, so a "lookup" with it is a
// write. The second RUN line runs maprace-lock-mismatch alone.
#include <algorithm>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

void Fill(std::map<int, int> &m);
void Show(const std::map<int, int> &m);

// `return table_[sku];` under shared_lock inserts missing keys.
namespace subscript_lookup_bad {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_[sku];
    // CHECK: shared-write.cpp:[[@LINE-1]]:12: warning: data race on 'table_' (std::map<std::string, double>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'PriceTable::Lookup' may run on several threads at once [maprace-lock-mismatch]
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace subscript_lookup_bad

// The lookup uses find() under shared_lock: a read.
namespace subscript_lookup_ok {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = table_.find(sku);
    return it == table_.end() ? 0.0 : it->second;
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace subscript_lookup_ok

// operator[] on an unordered_map under shared_lock (CTAD guard).
namespace unordered_subscript_bad {
class Names {
  mutable std::shared_mutex mu_;
  std::unordered_map<int, std::string> names_;

public:
  void Set(int id, std::string n) {
    std::unique_lock lk(mu_);
    names_[id] = std::move(n);
  }
  std::string Get(int id) {
    std::shared_lock lk(mu_);
    return names_[id];
    // CHECK: shared-write.cpp:[[@LINE-1]]:12: warning: data race on 'names_' (std::unordered_map<int, std::string>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Names::Get' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace unordered_subscript_bad

// at() and count() under shared_lock are reads.
namespace unordered_subscript_ok {
class Names {
  mutable std::shared_mutex mu_;
  std::unordered_map<int, std::string> names_;

public:
  void Set(int id, std::string n) {
    std::unique_lock lk(mu_);
    names_[id] = std::move(n);
  }
  std::string Get(int id) const {
    std::shared_lock lk(mu_);
    return names_.count(id) ? names_.at(id) : std::string();
  }
};
} // namespace unordered_subscript_ok

// insert_or_assign under the reader lock.
namespace insert_bad {
class Registry {
  std::shared_mutex mu_;
  std::map<std::string, int> ids_;

public:
  int Find(const std::string &k) {
    std::shared_lock lk(mu_);
    auto it = ids_.find(k);
    return it == ids_.end() ? -1 : it->second;
  }
  void Register(const std::string &k, int id) {
    std::shared_lock lk(mu_);
    ids_.insert_or_assign(k, id);
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'ids_' (std::map<std::string, int>): write ('insert_or_assign') while 'mu_' is held only in shared mode (a reader lock); 'Registry::Register' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace insert_bad

// insert_or_assign under unique_lock, find under shared_lock.
namespace insert_ok {
class Registry {
  std::shared_mutex mu_;
  std::map<std::string, int> ids_;

public:
  int Find(const std::string &k) {
    std::shared_lock lk(mu_);
    auto it = ids_.find(k);
    return it == ids_.end() ? -1 : it->second;
  }
  void Register(const std::string &k, int id) {
    std::unique_lock lk(mu_);
    ids_.insert_or_assign(k, id);
  }
};
} // namespace insert_ok

// erase() under the reader lock.
namespace erase_bad {
class Sessions {
  std::shared_mutex mu_;
  std::map<int, std::string> open_;

public:
  bool IsOpen(int id) {
    std::shared_lock lk(mu_);
    return open_.count(id) != 0;
  }
  void Close(int id) {
    std::shared_lock lk(mu_);
    open_.erase(id);
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'open_' (std::map<int, std::string>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); 'Sessions::Close' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace erase_bad

// erase() under lock_guard on the shared_mutex.
namespace erase_ok {
class Sessions {
  std::shared_mutex mu_;
  std::map<int, std::string> open_;

public:
  bool IsOpen(int id) {
    std::shared_lock lk(mu_);
    return open_.count(id) != 0;
  }
  void Close(int id) {
    std::lock_guard lk(mu_);
    open_.erase(id);
  }
};
} // namespace erase_ok

// Walking the map under the reader lock is fine; clear() after it is not.
namespace clear_after_walk_bad {
class Totals {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Drain() {
    std::shared_lock lk(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    m_.clear();
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('clear') while 'mu_' is held only in shared mode (a reader lock); 'Totals::Drain' may run on several threads at once [maprace-lock-mismatch]
    return sum;
  }
};
} // namespace clear_after_walk_bad

// The walk and the clear() under the exclusive lock.
namespace clear_after_walk_ok {
class Totals {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  int Sum() {
    std::shared_lock lk(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    return sum;
  }
  int Drain() {
    std::unique_lock lk(mu_);
    int sum = 0;
    for (const auto &kv : m_)
      sum += kv.second;
    m_.clear();
    return sum;
  }
};
} // namespace clear_after_walk_ok

// erase(it) while iterating under the reader lock.
namespace erase_loop_bad {
class Expiry {
  std::shared_mutex mu_;
  std::map<int, long> deadline_;

public:
  void Expire(long now) {
    std::shared_lock lk(mu_);
    for (auto it = deadline_.begin(); it != deadline_.end();)
      it = it->second < now ? deadline_.erase(it) : std::next(it);
      // CHECK: shared-write.cpp:[[@LINE-1]]:31: warning: data race on 'deadline_' (std::map<int, long>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); 'Expiry::Expire' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace erase_loop_bad

// The same loop under unique_lock.
namespace erase_loop_ok {
class Expiry {
  std::shared_mutex mu_;
  std::map<int, long> deadline_;

public:
  bool Known(int id) {
    std::shared_lock lk(mu_);
    return deadline_.count(id) != 0;
  }
  void Expire(long now) {
    std::unique_lock lk(mu_);
    for (auto it = deadline_.begin(); it != deadline_.end();)
      it = it->second < now ? deadline_.erase(it) : std::next(it);
  }
};
} // namespace erase_loop_ok

// push_back on a vector under the reader lock.
namespace vector_push_bad {
class Log {
  std::shared_mutex mu_;
  std::vector<std::string> lines_;

public:
  size_t Size() {
    std::shared_lock lk(mu_);
    return lines_.size();
  }
  void Append(std::string s) {
    std::shared_lock lk(mu_);
    lines_.push_back(std::move(s));
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'lines_' (std::vector<std::string>): write ('push_back') while 'mu_' is held only in shared mode (a reader lock); 'Log::Append' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace vector_push_bad

// push_back under unique_lock, size() under shared_lock.
namespace vector_push_ok {
class Log {
  std::shared_mutex mu_;
  std::vector<std::string> lines_;

public:
  size_t Size() {
    std::shared_lock lk(mu_);
    return lines_.size();
  }
  void Append(std::string s) {
    std::unique_lock lk(mu_);
    lines_.push_back(std::move(s));
  }
};
} // namespace vector_push_ok

// ++counts_[k] under the reader lock: operator[] inserts.
namespace increment_bad {
class Counter {
  std::shared_mutex mu_;
  std::unordered_map<std::string, int> counts_;

public:
  void Hit(const std::string &k) {
    std::shared_lock lk(mu_);
    ++counts_[k];
    // CHECK: shared-write.cpp:[[@LINE-1]]:7: warning: data race on 'counts_' (std::unordered_map<std::string, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Counter::Hit' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace increment_bad

// ++counts_[k] under unique_lock.
namespace increment_ok {
class Counter {
  std::shared_mutex mu_;
  std::unordered_map<std::string, int> counts_;

public:
  int Get(const std::string &k) {
    std::shared_lock lk(mu_);
    auto it = counts_.find(k);
    return it == counts_.end() ? 0 : it->second;
  }
  void Hit(const std::string &k) {
    std::unique_lock lk(mu_);
    ++counts_[k];
  }
};
} // namespace increment_ok

// A function-local static memo filled under the reader lock of the table it
// caches: every reader writes it.
namespace static_memo_bad {
std::shared_mutex mu;
std::map<int, int> table;
void Put(int k) {
  std::unique_lock lk(mu);
  table[k] = k;
}
int Lookup(int k) {
  static std::map<int, int> memo;
  std::shared_lock lk(mu);
  memo[k] = table.count(k);
  // CHECK: shared-write.cpp:[[@LINE-1]]:3: warning: data race on 'memo' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu' is held only in shared mode (a reader lock); 'Lookup' may run on several threads at once [maprace-lock-mismatch]
  return memo.at(k);
}
} // namespace static_memo_bad

// A thread_local memo: every thread has its own.
namespace static_memo_ok {
std::shared_mutex mu;
std::map<int, int> table;
void Put(int k) {
  std::unique_lock lk(mu);
  table[k] = k;
}
int Lookup(int k) {
  thread_local std::map<int, int> memo;
  std::shared_lock lk(mu);
  memo[k] = table.count(k);
  return memo.at(k);
}
} // namespace static_memo_ok

// Passing the map by non-const reference under the reader lock is a write.
namespace passed_by_ref_bad {
class Store {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Refill() {
    std::shared_lock lk(mu_);
    Fill(m_);
    // CHECK: shared-write.cpp:[[@LINE-1]]:10: warning: data race on 'm_' (std::map<int, int>): write (passed by non-const reference to 'Fill') while 'mu_' is held only in shared mode (a reader lock); 'Store::Refill' may run on several threads at once [maprace-lock-mismatch]
  }
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
};
} // namespace passed_by_ref_bad

// By const reference under the reader lock it is a read.
namespace passed_by_ref_ok {
class Store {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Print() {
    std::shared_lock lk(mu_);
    Show(m_);
  }
  void Refill() {
    std::unique_lock lk(mu_);
    Fill(m_);
  }
};
} // namespace passed_by_ref_ok

// Two writers under the reader lock: the first may race with itself, the
// second is reported against the first.
namespace two_writers_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::shared_lock lk(mu_);
    m_.emplace(k, v);
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('emplace') while 'mu_' is held only in shared mode (a reader lock); 'Cache::Put' may run on several threads at once [maprace-lock-mismatch]
  }
  void Remove(int k) {
    std::shared_lock lk(mu_);
    m_.erase(k);
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); the concurrent write in 'Cache::Put' holds it in shared mode too [maprace-lock-mismatch]
  }
};
} // namespace two_writers_bad

// Both writers take the exclusive lock.
namespace two_writers_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock lk(mu_);
    m_.emplace(k, v);
  }
  void Remove(int k) {
    std::unique_lock lk(mu_);
    m_.erase(k);
  }
  int Get(int k) {
    std::shared_lock lk(mu_);
    return m_.count(k);
  }
};
} // namespace two_writers_ok

// A const method memoizes into a mutable cache under the reader lock.
namespace mutable_cache_bad {
class Resolver {
  mutable std::shared_mutex mu_;
  mutable std::map<std::string, int> cache_;
  int Compute(const std::string &s) const { return static_cast<int>(s.size()); }

public:
  int Resolve(const std::string &s) const {
    std::shared_lock lk(mu_);
    auto it = cache_.find(s);
    if (it != cache_.end())
      return it->second;
    int v = Compute(s);
    cache_.emplace(s, v);
    // CHECK: shared-write.cpp:[[@LINE-1]]:5: warning: data race on 'cache_' (std::map<std::string, int>): write ('emplace') while 'mu_' is held only in shared mode (a reader lock); 'Resolver::Resolve' may run on several threads at once [maprace-lock-mismatch]
    return v;
  }
};
} // namespace mutable_cache_bad

// The miss path drops the reader lock and inserts under the exclusive lock.
namespace mutable_cache_ok {
class Resolver {
  mutable std::shared_mutex mu_;
  mutable std::map<std::string, int> cache_;
  int Compute(const std::string &s) const { return static_cast<int>(s.size()); }

public:
  int Resolve(const std::string &s) const {
    {
      std::shared_lock lk(mu_);
      auto it = cache_.find(s);
      if (it != cache_.end())
        return it->second;
    }
    int v = Compute(s);
    std::unique_lock lk(mu_);
    cache_.emplace(s, v);
    return v;
  }
};
} // namespace mutable_cache_ok
