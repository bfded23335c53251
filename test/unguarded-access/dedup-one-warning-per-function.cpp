// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// One warning per function and container: the first unguarded access in a
// function carries the warning and up to three more accesses of the same
// container in that function become "is also read/written here" notes
// (before the declaration note); loops are maprace-iteration-mutation's. Different containers, or different
// functions, get their own warnings; an access reached in several contexts
// or through several calls is reported once.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

// Four unguarded accesses in Get: one warning at the first, three notes.
namespace several_accesses_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int n = m_.count(k);
    // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+8]]:15: note: 'm_' is also read here without holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+10]]:5: note: 'm_' is also written here without holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+15]]:22: note: 'm_' is declared here
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-6]]:13: note: fix: hold 'mu_' here, as every other access to 'm_' does
    // The loop is maprace-iteration-mutation's report:
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+4]]:5: warning: loop over 'm_' (std::map<int, int>) without holding 'mu_' for the whole loop; the concurrent write ('operator[]' inserts missing keys) in 'Cache::Put' holds it [maprace-iteration-mutation]
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-12]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+10]]:22: note: 'm_' is declared here
    auto it = m_.find(k);
    for (auto &kv : m_)
      n += kv.second;
    m_.erase(k + 1);
    return n + (it != decltype(it)() ? 1 : 0);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace several_accesses_bad

// Same, Get holds the lock throughout.
namespace several_accesses_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    int n = m_.count(k);
    auto it = m_.find(k);
    for (auto &kv : m_)
      n += kv.second;
    m_.erase(k + 1);
    return n + (it != decltype(it)() ? 1 : 0);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace several_accesses_ok

// More than three further accesses: only the first three are listed.
namespace note_cap_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    int a = m_.count(k);
    // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:13: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+4]]:13: note: 'm_' is also read here without holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+4]]:13: note: 'm_' is also read here without holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+4]]:13: note: 'm_' is also read here without holding 'mu_'
    // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+11]]:22: note: 'm_' is declared here
    int b = m_.size();
    int c = m_.empty();
    int d = m_.count(k + 1);
    int e = m_.count(k + 2);
    int f = m_.count(k + 3);
    return a + b + c + d + e + f;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace note_cap_bad

// Same, Get takes the lock.
namespace note_cap_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    int a = m_.count(k);
    int b = m_.size();
    int c = m_.empty();
    int d = m_.count(k + 1);
    int e = m_.count(k + 2);
    int f = m_.count(k + 3);
    return a + b + c + d + e + f;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace note_cap_ok

// Neither side locks: the extra notes say "with no lock held".
namespace no_lock_extra_notes_bad {
std::map<int, int> g;
void reader(int *out) { *out = g.count(1); }
void writer() {
  g.erase(1);
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:3: warning: data race on 'g' (std::map<int, int>): write ('erase') with no lock held; the conflicting read in 'reader' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-4]]:32: note: conflicting read ('count') in 'reader', with no lock held
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+9]]:15: note: this write runs on the thread started here
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+7]]:15: note: the conflicting read runs on the thread started here
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+2]]:3: note: 'g' is also written here with no lock held
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-9]]:20: note: 'g' is declared here
  g[2] = 3;
}
void run() {
  int n;
  std::thread a(reader, &n);
  std::thread b(writer);
  a.join();
  b.join();
}
} // namespace no_lock_extra_notes_bad

// Same, both threads take the mutex.
namespace no_lock_extra_notes_ok {
std::map<int, int> g;
std::mutex mu;
void reader(int *out) {
  std::lock_guard<std::mutex> l(mu);
  *out = g.count(1);
}
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g.erase(1);
  g[2] = 3;
}
void run() {
  int n;
  std::thread a(reader, &n);
  std::thread b(writer);
  a.join();
  b.join();
}
} // namespace no_lock_extra_notes_ok

// Two containers in one function: one warning each.
namespace two_containers_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
    order_.push_back(k);
  }
  int Get(int k) { return m_.count(k) + order_.size(); }
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-2]]:41: warning: data race on 'order_' (std::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::vector<int> order_;
};
} // namespace two_containers_bad

// Same, Get takes the lock.
namespace two_containers_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
    order_.push_back(k);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k) + order_.size();
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
  std::vector<int> order_;
};
} // namespace two_containers_ok

// Two functions with unguarded accesses to one container: one warning each.
namespace two_functions_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  bool Has(int k) { return m_.find(k) != m_.end(); }
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): read ('find') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace two_functions_bad

// Same, both readers lock.
namespace two_functions_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }
  bool Has(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.find(k) != m_.end();
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace two_functions_ok

// A helper reached through two calls in one function (container passed by
// reference) is reported once, with the first call in the note.
namespace two_calls_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return Lookup(m_, k) + Lookup(m_, k + 1); }

private:
  static int Lookup(const std::map<int, int> &m, int k) { return m.count(k); }
  // CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:66: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE-6]]:27: note: 'm_' is reached through this call
  // CHECK-NEXT: dedup-one-warning-per-function.cpp:[[@LINE+2]]:22: note: 'm_' is declared here
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace two_calls_bad

// Same, Get holds the lock across both calls.
namespace two_calls_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return Lookup(m_, k) + Lookup(m_, k + 1);
  }

private:
  static int Lookup(const std::map<int, int> &m, int k) { return m.count(k); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace two_calls_ok

// The same helper access runs on a thread twice (two calls) and is reported
// once.
namespace helper_called_twice_on_thread_bad {
std::map<int, int> g;
std::mutex mu;
void bump(int k) { g[k]++; }
// CHECK: dedup-one-warning-per-function.cpp:[[@LINE-1]]:20: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting write in 'run' holds it [maprace-unguarded-access]
void body() {
  bump(1);
  bump(2);
}
void run() {
  std::thread t(body);
  {
    std::lock_guard<std::mutex> l(mu);
    g[3] = 0;
  }
  t.join();
}
} // namespace helper_called_twice_on_thread_bad

// Same, the thread body holds the lock around both calls.
namespace helper_called_twice_on_thread_ok {
std::map<int, int> g;
std::mutex mu;
void bump(int k) { g[k]++; }
void body() {
  std::lock_guard<std::mutex> l(mu);
  bump(1);
  bump(2);
}
void run() {
  std::thread t(body);
  {
    std::lock_guard<std::mutex> l(mu);
    g[3] = 0;
  }
  t.join();
}
} // namespace helper_called_twice_on_thread_ok
