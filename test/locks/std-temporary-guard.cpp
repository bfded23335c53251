// RUN: %maprace %s -- -std=c++20 | %check %s
// A guard that is a temporary dies at the end of its full-expression: an
// access in a later statement holds nothing, one in the same full-expression
// (after a comma operator) is guarded.
#include <map>
#include <mutex>
#include <thread>

// `std::lock_guard<std::mutex>{mu_};` unlocks at the semicolon.
namespace lock_guard_temp_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex>{mu_};
    m_[k] = v;
    // CHECK: std-temporary-guard.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
    // CHECK: std-temporary-guard.cpp:[[@LINE+6]]:12: note: conflicting read ('count') in 'Cache::Get', holding 'mu_'
    // CHECK: std-temporary-guard.cpp:[[@LINE-4]]:36: note: the temporary guard releases 'mu_' at the end of its full-expression, before the access
    // CHECK: std-temporary-guard.cpp:[[@LINE-9]]:22: note: 'm_' is declared here
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace lock_guard_temp_bad

// The temporary guard and the write in one full-expression (comma operator).
namespace lock_guard_temp_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    (std::lock_guard<std::mutex>{mu_}, m_[k] = v);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
};
} // namespace lock_guard_temp_ok

// A temporary unique_lock: the read in the next statement holds nothing.
namespace unique_lock_temp_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::unique_lock<std::mutex>{mu_};
    return m_.count(k);
    // CHECK: std-temporary-guard.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }
};
} // namespace unique_lock_temp_bad

// A temporary unique_lock whose full-expression holds the read.
namespace unique_lock_temp_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int n;
    (void)(std::unique_lock<std::mutex>{mu_}, n = m_.count(k));
    return n;
  }
};
} // namespace unique_lock_temp_ok

// A temporary scoped_lock over two mutexes: the erase after it holds nothing.
namespace scoped_lock_temp_bad {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  void Drop(int k) {
    std::scoped_lock{a_, b_};
    m_.erase(k);
    // CHECK: std-temporary-guard.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'a_' or 'b_'; the conflicting write in 'Cache::Put' holds them [maprace-unguarded-access]
  }
};
} // namespace scoped_lock_temp_bad

// A temporary scoped_lock in the same full-expression as the erase.
namespace scoped_lock_temp_ok {
class Cache {
  std::mutex a_, b_;
  std::map<int, int> m_;

public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  void Drop(int k) {
    (void)(std::scoped_lock{a_, b_}, m_.erase(k));
  }
};
} // namespace scoped_lock_temp_ok

// Globals and threads: the worker's temporary guard does not cover the write
// on the next line.
namespace global_threads_bad {
std::mutex mu;
std::map<int, int> g;
void worker() {
  std::lock_guard<std::mutex>{mu};
  g[1] = 1;
  // CHECK: std-temporary-guard.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'run' holds it [maprace-unguarded-access]
  // CHECK: std-temporary-guard.cpp:[[@LINE+9]]:5: note: conflicting write ('erase') in 'run', holding 'mu'
  // CHECK: std-temporary-guard.cpp:[[@LINE+5]]:15: note: this write runs on the thread started here
  // CHECK: std-temporary-guard.cpp:[[@LINE-5]]:33: note: the temporary guard releases 'mu' at the end of its full-expression, before the access
  // CHECK: std-temporary-guard.cpp:[[@LINE-8]]:20: note: 'g' is declared here
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g.erase(1);
  }
  t.join();
}
} // namespace global_threads_bad

// Globals and threads: a named guard covers the write.
namespace global_threads_ok {
std::mutex mu;
std::map<int, int> g;
void worker() {
  std::lock_guard<std::mutex> l{mu};
  g[1] = 1;
}
void run() {
  std::thread t(worker);
  {
    std::lock_guard<std::mutex> l(mu);
    g.erase(1);
  }
  t.join();
}
} // namespace global_threads_ok
