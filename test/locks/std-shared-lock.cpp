// RUN: %maprace %s -- -std=c++20 | %check %s
// Reader/writer locking: reads under std::shared_lock (or lock_shared()) and
// writes under an exclusive lock of the same std::shared_mutex are
// synchronized; dropping either side is a race.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>

// Reads hold nothing while writes hold the unique_lock.
namespace shared_lock_reader_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) const {
    auto it = m_.find(k);
    // CHECK: std-shared-lock.cpp:[[@LINE-1]]:15: warning: data race on 'm_' (std::map<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace shared_lock_reader_bad

// Reads under shared_lock, writes under unique_lock: silent.
namespace shared_lock_reader_ok {
class Cache {
  mutable std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) const {
    std::shared_lock<std::shared_mutex> lk(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }
};
} // namespace shared_lock_reader_ok

// The write holds nothing while reads hold the shared_lock.
namespace shared_lock_writer_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) { m_[k] = v; }
  // CHECK: std-shared-lock.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_);
    return m_.count(k);
  }
};
} // namespace shared_lock_writer_bad

// Reads under shared_lock, writes under lock_guard on the shared_mutex.
namespace shared_lock_writer_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_);
    return m_.count(k);
  }
};
} // namespace shared_lock_writer_ok

// shared_timed_mutex: the read after the shared_lock's scope holds nothing.
namespace shared_timed_bad {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_timed_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    {
      std::shared_lock<std::shared_timed_mutex> lk(mu_);
      if (m_.empty())
        return 0;
    }
    return m_.count(k);
    // CHECK: std-shared-lock.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-shared-lock.cpp:[[@LINE-10]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-shared-lock.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-shared-lock.cpp:[[@LINE-17]]:22: note: 'm_' is declared here
  }
};
} // namespace shared_timed_bad

// shared_timed_mutex: both reads inside the shared_lock's scope.
namespace shared_timed_ok {
class Cache {
  std::shared_timed_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_timed_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_timed_mutex> lk(mu_);
    if (m_.empty())
      return 0;
    return m_.count(k);
  }
};
} // namespace shared_timed_ok

// Manual lock_shared()/unlock_shared(): the read after unlock_shared() holds
// nothing.
namespace manual_shared_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock_shared();
    bool empty = m_.empty();
    mu_.unlock_shared();
    return empty ? 0 : m_.count(k);
    // CHECK: std-shared-lock.cpp:[[@LINE-1]]:24: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: std-shared-lock.cpp:[[@LINE-9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: std-shared-lock.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: std-shared-lock.cpp:[[@LINE-16]]:22: note: 'm_' is declared here
  }
};
} // namespace manual_shared_bad

// Manual lock_shared()/unlock_shared() around both reads.
namespace manual_shared_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    mu_.lock();
    m_[k] = v;
    mu_.unlock();
  }
  int Get(int k) {
    mu_.lock_shared();
    int n = m_.empty() ? 0 : m_.count(k);
    mu_.unlock_shared();
    return n;
  }
};
} // namespace manual_shared_ok

// shared_lock with defer_lock: the read before lock() holds nothing.
namespace shared_defer_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_, std::defer_lock);
    int n = m_.count(k);
    // CHECK: std-shared-lock.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    lk.lock();
    return n;
  }
};
} // namespace shared_defer_bad

// shared_lock with defer_lock: the read after lock() is guarded.
namespace shared_defer_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_, std::defer_lock);
    lk.lock();
    return m_.count(k);
  }
};
} // namespace shared_defer_ok

// shared_lock with try_to_lock: the read where owns_lock() is false holds
// nothing.
namespace shared_try_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_, std::try_to_lock);
    if (!lk.owns_lock())
      return m_.count(k);
      // CHECK: std-shared-lock.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    return -1;
  }
};
} // namespace shared_try_bad

// shared_lock with try_to_lock: the read only where owns_lock() is true.
namespace shared_try_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::unique_lock<std::shared_mutex> lk(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::shared_lock<std::shared_mutex> lk(mu_, std::try_to_lock);
    if (lk.owns_lock())
      return m_.count(k);
    return -1;
  }
};
} // namespace shared_try_ok

// A global table: reader threads hold nothing while main writes under the
// exclusive lock.
namespace global_threads_bad {
std::shared_mutex table_mu;
std::map<int, int> table;
void reader() {
  int n = table.count(1);
  // CHECK: std-shared-lock.cpp:[[@LINE-1]]:11: warning: data race on 'table' (std::map<int, int>): read ('count') without holding 'table_mu'; the conflicting write in 'main_like' holds it [maprace-unguarded-access]
  // CHECK: std-shared-lock.cpp:[[@LINE+9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'main_like', holding 'table_mu'
  // CHECK: std-shared-lock.cpp:[[@LINE+5]]:15: note: this read runs on the thread started here
  // CHECK: std-shared-lock.cpp:[[@LINE-6]]:20: note: 'table' is declared here
  (void)n;
}
int main_like() {
  std::thread a(reader), b(reader);
  {
    std::unique_lock<std::shared_mutex> lk(table_mu);
    table[1] = 2;
  }
  a.join();
  b.join();
  return 0;
}
} // namespace global_threads_bad

// A global table: reader threads under shared_lock, main writes under the
// exclusive lock.
namespace global_threads_ok {
std::shared_mutex table_mu;
std::map<int, int> table;
void reader() {
  std::shared_lock<std::shared_mutex> lk(table_mu);
  int n = table.count(1);
  (void)n;
}
int main_like() {
  std::thread a(reader), b(reader);
  {
    std::unique_lock<std::shared_mutex> lk(table_mu);
    table[1] = 2;
  }
  a.join();
  b.join();
  return 0;
}
} // namespace global_threads_ok
