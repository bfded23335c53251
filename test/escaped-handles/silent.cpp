// RUN: %maprace %s -- -std=c++20 | %check %s
// What an escaped handle is not: comparing an iterator after the release
// (no dereference), a value copied out under the lock, a handle re-obtained
// under the lock taken again, a use on the path that still holds the lock,
// and a handle into a container that no writer guards with that lock. Each
// beside the closest shape that is reported.
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

// Dereferencing the iterator after unlock() is reported.
namespace compare_with_end_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    auto end = m_.end();
    l.unlock();
    return it != end ? it->second.size() : 0;
    // CHECK: silent.cpp:[[@LINE-1]]:24: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace compare_with_end_bad

// Comparing it with an end() taken under the lock is no use of the element.
namespace compare_with_end_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  bool Has(int k) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    auto end = m_.end();
    l.unlock();
    return it != end;
  }
};
} // namespace compare_with_end_ok

// A reference to an int element read after unlock() is reported.
namespace copy_value_bad {
class Counters {
  std::mutex mu_;
  std::unordered_map<std::string, int> m_;

public:
  void Bump(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    ++m_[k];
  }
  int Get(const std::string &k) {
    mu_.lock();
    const int &v = m_[k];
    mu_.unlock();
    return v;
    // CHECK: silent.cpp:[[@LINE-1]]:12: warning: reference 'v' into 'm_' (std::unordered_map<std::string, int>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Counters::Bump' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace copy_value_bad

// The int is copied (`int v = m_[k];`) under the lock.
namespace copy_value_ok {
class Counters {
  std::mutex mu_;
  std::unordered_map<std::string, int> m_;

public:
  void Bump(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    ++m_[k];
  }
  int Get(const std::string &k) {
    mu_.lock();
    int v = m_[k];
    mu_.unlock();
    return v;
  }
};
} // namespace copy_value_ok

// The iterator is re-obtained under the lock taken again, but used after
// the second release.
namespace reobtained_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Next(int k) {
    mu_.lock();
    auto it = m_.find(k);
    bool found = it != m_.end();
    mu_.unlock();
    if (!found)
      return 0;
    mu_.lock();
    it = m_.upper_bound(k);
    bool last = it == m_.end();
    mu_.unlock();
    return last ? 0 : it->second.size();
    // CHECK: silent.cpp:[[@LINE-1]]:23: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace reobtained_bad

// The iterator is re-obtained and used while the lock is held again.
namespace reobtained_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Next(int k) {
    mu_.lock();
    auto it = m_.find(k);
    bool found = it != m_.end();
    mu_.unlock();
    if (!found)
      return 0;
    mu_.lock();
    it = m_.upper_bound(k);
    size_t n = it == m_.end() ? 0 : it->second.size();
    mu_.unlock();
    return n;
  }
};
} // namespace reobtained_ok

// On the branch that releases the lock the iterator is used afterwards.
namespace branch_release_bad {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k, bool quick) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    if (quick) {
      l.unlock();
      return it->second.size();
      // CHECK: silent.cpp:[[@LINE-1]]:14: warning: iterator 'it' into 'm_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holding 'mu_' may invalidate it [maprace-unguarded-access]
    }
    return it->second.size();
  }
};
} // namespace branch_release_bad

// The branch releases the lock only after its last use; the other path
// keeps it to the end.
namespace branch_release_ok {
class Cache {
  std::mutex mu_;
  std::map<int, std::string> m_;

public:
  void Put(int k, std::string v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = std::move(v);
  }
  size_t Length(int k, bool quick) {
    std::unique_lock<std::mutex> l(mu_);
    auto it = m_.find(k);
    if (it == m_.end())
      return 0;
    if (quick) {
      size_t n = it->second.size();
      l.unlock();
      return n;
    }
    return it->second.size();
  }
};
} // namespace branch_release_ok

// A Reload() that writes the names under 'mu_' can invalidate the
// reference once it is released.
namespace no_locked_writer_bad {
class Registry {
  std::mutex mu_;
  std::map<int, std::string> names_;
  int hits_ = 0;

public:
  Registry() { names_[0] = "zero"; }
  void Reload() {
    std::lock_guard<std::mutex> l(mu_);
    names_.clear();
  }
  size_t Length(int k) {
    mu_.lock();
    ++hits_;
    const std::string &s = names_.at(k);
    mu_.unlock();
    return s.size();
    // CHECK: silent.cpp:[[@LINE-1]]:12: warning: reference 's' into 'names_' (std::map<int, std::string>) is used after 'mu_' is released; a concurrent write ('clear') in 'Registry::Reload' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }
};
} // namespace no_locked_writer_bad

// The names are written only by the constructor: no writer holding 'mu_'
// can run once it is released ('mu_' guards the counter).
namespace no_locked_writer_ok {
class Registry {
  std::mutex mu_;
  std::map<int, std::string> names_;
  int hits_ = 0;

public:
  Registry() { names_[0] = "zero"; }
  size_t Length(int k) {
    mu_.lock();
    ++hits_;
    const std::string &s = names_.at(k);
    mu_.unlock();
    return s.size();
  }
};
} // namespace no_locked_writer_ok
