// RUN: %maprace %s -- -std=c++20 | %check %s
// The silent side of lock-mismatch: a mutex common to every pair of
// accesses, held exclusively by at least one of them, keeps them apart --
// also through `...Locked` helpers, several mutexes taken at once, an extra
// exclusive lock beside a reader lock, and the read-then-upgrade pattern.
// Writes under a reader lock in a constructor or destructor, or to a local,
// race with nothing. Each _ok case has a _bad twin that breaks it.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

// `...Locked` helpers called only with mu_ held.
namespace locked_helpers_ok {
class Index {
  std::mutex mu_;
  std::map<int, int> m_;
  void PutLocked(int k, int v) { m_[k] = v; }
  int GetLocked(int k) { return m_.count(k); }

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  void PutTwo(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
    PutLocked(k + 1, v);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return GetLocked(k);
  }
};
} // namespace locked_helpers_ok

// One caller calls the helper under stats_mu_ instead of mu_.
namespace locked_helpers_bad {
class Index {
  std::mutex mu_, stats_mu_;
  std::map<int, int> m_;
  void PutLocked(int k, int v) { m_[k] = v; }
  // CHECK: common-lock.cpp:[[@LINE-1]]:34: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'stats_mu_' but not 'mu_', the lock most accesses to 'm_' hold; the conflicting write in 'Index::PutLocked' holds 'mu_' [maprace-lock-mismatch]

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    PutLocked(k, v);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  void Touch(int k) {
    std::lock_guard<std::mutex> l(stats_mu_);
    PutLocked(k, 0);
  }
};
} // namespace locked_helpers_bad

// scoped_lock(a_, b_) around writes to both containers; m_ is read under a_,
// log_ under b_: each pair has a common lock.
namespace scoped_lock_common_ok {
class Journal {
  std::mutex a_, b_;
  std::map<int, int> m_;
  std::vector<int> log_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
    log_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
  size_t LogSize() {
    std::lock_guard<std::mutex> l(b_);
    return log_.size();
  }
};
} // namespace scoped_lock_common_ok

// Reset clears m_ under b_ only: no lock in common with Get's a_.
namespace scoped_lock_common_bad {
class Journal {
  std::mutex a_, b_;
  std::map<int, int> m_;
  std::vector<int> log_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
    log_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
    // CHECK: common-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') holding 'a_' but not 'b_', the lock most accesses to 'm_' hold; the conflicting write in 'Journal::Reset' holds 'b_' [maprace-lock-mismatch]
  }
  size_t LogSize() {
    std::lock_guard<std::mutex> l(b_);
    return log_.size() + m_.size();
  }
  void Reset() {
    std::lock_guard<std::mutex> l(b_);
    log_.clear();
    m_.clear();
  }
};
} // namespace scoped_lock_common_bad

// Writes hold both mutexes, reads hold either one: every read/write pair
// shares a lock.
namespace reads_under_either_ok {
class Registry {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  int GetA(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
  int GetB(int k) {
    std::lock_guard<std::mutex> l(b_);
    return m_.count(k);
  }
};
} // namespace reads_under_either_ok

// One writer holds only a_: the read under b_ has no lock in common with it.
namespace reads_under_either_bad {
class Registry {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  void Erase(int k) {
    std::lock_guard<std::mutex> l(a_);
    m_.erase(k);
  }
  int GetA(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }
  int GetB(int k) {
    std::lock_guard<std::mutex> l(b_);
    return m_.count(k);
    // CHECK: common-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') holding 'b_' but not 'a_', the lock most accesses to 'm_' hold; the conflicting write in 'Registry::Erase' holds 'a_' [maprace-lock-mismatch]
  }
};
} // namespace reads_under_either_bad

// std::lock(a_, b_) with adopt_lock guards; readers hold one of the two.
namespace std_lock_adopt_ok {
class Pair {
  std::mutex a_, b_;
  std::unordered_map<int, int> left_, right_;

public:
  void Link(int k, int v) {
    std::lock(a_, b_);
    std::lock_guard<std::mutex> la(a_, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
    left_[k] = v;
    right_[v] = k;
  }
  int Left(int k) {
    std::lock_guard<std::mutex> l(a_);
    return left_.count(k);
  }
  int Right(int v) {
    std::lock_guard<std::mutex> l(b_);
    return right_.count(v);
  }
};
} // namespace std_lock_adopt_ok

// Unlink erases from left_ holding b_ only; left_'s other accesses hold a_.
namespace std_lock_adopt_bad {
class Pair {
  std::mutex a_, b_;
  std::unordered_map<int, int> left_, right_;

public:
  void Link(int k, int v) {
    std::lock(a_, b_);
    std::lock_guard<std::mutex> la(a_, std::adopt_lock);
    std::lock_guard<std::mutex> lb(b_, std::adopt_lock);
    left_[k] = v;
    right_[v] = k;
  }
  int Left(int k) {
    std::lock_guard<std::mutex> l(a_);
    return left_.count(k);
  }
  size_t LeftSize() {
    std::lock_guard<std::mutex> l(a_);
    return left_.size();
  }
  int Right(int v) {
    std::lock_guard<std::mutex> l(b_);
    return right_.count(v);
  }
  void Unlink(int k, int v) {
    std::lock_guard<std::mutex> l(b_);
    right_.erase(v);
    left_.erase(k);
    // CHECK: common-lock.cpp:[[@LINE-1]]:5: warning: data race on 'left_' (std::unordered_map<int, int>): write ('erase') holding 'b_' but not 'a_', the lock most accesses to 'left_' hold; the conflicting read in 'Pair::Left' holds 'a_' [maprace-lock-mismatch]
  }
};
} // namespace std_lock_adopt_bad

// Every access holds mu_ exclusively, however it is taken.
namespace all_exclusive_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    std::unique_lock<std::shared_mutex> l(mu_);
    return m_[k];
  }
  void Remove(const std::string &k) {
    std::scoped_lock l(mu_);
    m_.erase(k);
  }
  void Clear() {
    mu_.lock();
    m_.clear();
    mu_.unlock();
  }
};
} // namespace all_exclusive_ok

// The same class with Get's lock turned into a shared_lock.
namespace all_exclusive_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<std::string, int> m_;

public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::shared_mutex> l(mu_);
    m_[k] = v;
  }
  int Get(const std::string &k) {
    std::shared_lock<std::shared_mutex> l(mu_);
    return m_[k];
    // CHECK: common-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Cache::Get' may run on several threads at once [maprace-lock-mismatch]
  }
  void Remove(const std::string &k) {
    std::scoped_lock l(mu_);
    m_.erase(k);
  }
  void Clear() {
    mu_.lock();
    m_.clear();
    mu_.unlock();
  }
};
} // namespace all_exclusive_bad

// Read under the reader lock; on a miss, release it and insert under the
// exclusive lock.
namespace upgrade_ok {
class Interner {
  std::shared_mutex mu_;
  std::map<std::string, int> ids_;

public:
  int Intern(const std::string &s) {
    {
      std::shared_lock r(mu_);
      auto it = ids_.find(s);
      if (it != ids_.end())
        return it->second;
    }
    std::unique_lock w(mu_);
    return ids_.try_emplace(s, static_cast<int>(ids_.size())).first->second;
  }
  int Lookup(const std::string &s) {
    std::shared_lock r(mu_);
    r.unlock();
    std::unique_lock w(mu_);
    return ids_[s];
  }
};
} // namespace upgrade_ok

// On a miss, the reader lock is released and taken again -- shared.
namespace upgrade_bad {
class Interner {
  std::shared_mutex mu_;
  std::map<std::string, int> ids_;

public:
  int Intern(const std::string &s) {
    {
      std::shared_lock r(mu_);
      auto it = ids_.find(s);
      if (it != ids_.end())
        return it->second;
    }
    std::shared_lock w(mu_);
    return ids_.try_emplace(s, static_cast<int>(ids_.size())).first->second;
    // CHECK: common-lock.cpp:[[@LINE-1]]:12: warning: data race on 'ids_' (std::map<std::string, int>): write ('try_emplace') while 'mu_' is held only in shared mode (a reader lock); 'Interner::Intern' may run on several threads at once [maprace-lock-mismatch]
  }
};
} // namespace upgrade_bad

// Writers serialise on an exclusive w_ and take mu_ shared; so do readers:
// w_ is common to every pair.
namespace extra_exclusive_ok {
class Cache {
  std::shared_mutex mu_;
  std::mutex w_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::lock_guard<std::mutex> l(w_);
    std::shared_lock r(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(w_);
    std::shared_lock r(mu_);
    m_[k] = v;
  }
};
} // namespace extra_exclusive_ok

// The reader skips w_: it shares only the reader lock with the writer.
namespace extra_exclusive_bad {
class Cache {
  std::shared_mutex mu_;
  std::mutex w_;
  std::map<int, int> m_;

public:
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(w_);
    std::shared_lock r(mu_);
    m_[k] = v;
    // CHECK: common-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); the concurrent read in 'Cache::Get' holds it in shared mode too [maprace-lock-mismatch]
  }
};
} // namespace extra_exclusive_bad

// Writes under the reader lock in the constructor and destructor: nothing
// else runs on the object then.
namespace ctor_dtor_ok {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  Table() {
    std::shared_lock r(mu_);
    m_[0] = 0;
  }
  ~Table() {
    std::shared_lock r(mu_);
    m_.clear();
  }
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
};
} // namespace ctor_dtor_ok

// The same clear() in a public Reset.
namespace ctor_dtor_bad {
class Table {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  Table() {
    std::shared_lock r(mu_);
    m_[0] = 0;
  }
  void Reset() {
    std::shared_lock r(mu_);
    m_.clear();
    // CHECK: common-lock.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('clear') while 'mu_' is held only in shared mode (a reader lock); 'Table::Reset' may run on several threads at once [maprace-lock-mismatch]
  }
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
};
} // namespace ctor_dtor_bad

// A local result map filled under the reader lock: each call has its own.
namespace local_result_ok {
class Index {
  std::shared_mutex mu_;
  std::map<int, std::string> names_;

public:
  std::map<int, std::string> Select(int lo, int hi) {
    std::shared_lock r(mu_);
    std::map<int, std::string> out;
    for (auto it = names_.lower_bound(lo); it != names_.end() && it->first < hi;
         ++it)
      out[it->first] = it->second;
    return out;
  }
  void Add(int id, std::string n) {
    std::unique_lock w(mu_);
    names_[id] = std::move(n);
  }
};
} // namespace local_result_ok

// The results are cached in a member under the reader lock.
namespace local_result_bad {
class Index {
  std::shared_mutex mu_;
  std::map<int, std::string> names_;
  std::map<int, std::string> last_;

public:
  std::map<int, std::string> Select(int lo, int hi) {
    std::shared_lock r(mu_);
    last_.clear();
    // CHECK: common-lock.cpp:[[@LINE-1]]:5: warning: data race on 'last_' (std::map<int, std::string>): write ('clear') while 'mu_' is held only in shared mode (a reader lock); 'Index::Select' may run on several threads at once [maprace-lock-mismatch]
    for (auto it = names_.lower_bound(lo); it != names_.end() && it->first < hi;
         ++it)
      last_[it->first] = it->second;
    return last_;
  }
  void Add(int id, std::string n) {
    std::unique_lock w(mu_);
    names_[id] = std::move(n);
  }
};
} // namespace local_result_bad
