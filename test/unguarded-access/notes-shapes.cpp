// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// The complete note sequence of one warning of each message shape: the
// partner holds the lock(s); neither access holds a lock (two threads); the
// same access made by several threads at once; a release by a temporary
// guard; an access reached through a call. Notes come in a fixed order:
// conflicting access, thread start(s), the call that reaches the access, the
// release, the declaration.
#include <map>
#include <mutex>
#include <thread>
#include <vector>

// The partner holds the lock: conflicting-access note, then the declaration.
namespace partner_holds_lock_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: notes-shapes.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace partner_holds_lock_bad

// Same, Get takes the lock.
namespace partner_holds_lock_ok {
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

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace partner_holds_lock_ok

// The partner holds two locks: "without holding 'a_' or 'b_'", "holds
// them", "holding 'a_' and 'b_'".
namespace partner_holds_two_locks_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: notes-shapes.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'a_' or 'b_'; the conflicting write in 'Cache::Put' holds them [maprace-unguarded-access]
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE-4]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'a_' and 'b_'
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  std::mutex a_, b_;
  std::map<int, int> m_;
};
} // namespace partner_holds_two_locks_bad

// Same, Get takes one of the two locks Put holds: a common lock.
namespace partner_holds_two_locks_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::scoped_lock l(a_, b_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(a_);
    return m_.count(k);
  }

private:
  std::mutex a_, b_;
  std::map<int, int> m_;
};
} // namespace partner_holds_two_locks_ok

// Neither holds a lock, each access on its own thread: the conflicting
// access, this access's thread start, the partner's thread start, the
// declaration.
namespace neither_holds_lock_bad {
std::map<int, int> hits;
void reader(int *out) { *out = hits.count(1); }
void writer() { hits.erase(1); }
// CHECK: notes-shapes.cpp:[[@LINE-1]]:17: warning: data race on 'hits' (std::map<int, int>): write ('erase') with no lock held; the conflicting read in 'reader' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: notes-shapes.cpp:[[@LINE-3]]:32: note: conflicting read ('count') in 'reader', with no lock held
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+6]]:15: note: this write runs on the thread started here
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+4]]:15: note: the conflicting read runs on the thread started here
// CHECK-NEXT: notes-shapes.cpp:[[@LINE-7]]:20: note: 'hits' is declared here
void run() {
  int n;
  std::thread a(reader, &n);
  std::thread b(writer);
  a.join();
  b.join();
}
} // namespace neither_holds_lock_bad

// Same, the two threads run one after the other.
namespace neither_holds_lock_ok {
std::map<int, int> hits;
void reader(int *out) { *out = hits.count(1); }
void writer() { hits.erase(1); }
void run() {
  int n;
  std::thread a(reader, &n);
  a.join();
  std::thread b(writer);
  b.join();
}
} // namespace neither_holds_lock_ok

// One access made by several instances of a thread started in a loop: no
// conflicting-access note, the thread start says it may run several times.
namespace several_threads_bad {
std::map<int, int> hits;
void count(int k) { hits[k]++; }
// CHECK: notes-shapes.cpp:[[@LINE-1]]:21: warning: data race on 'hits' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+5]]:5: note: this write runs on the thread started here, which may run several times at once
// CHECK-NEXT: notes-shapes.cpp:[[@LINE-4]]:20: note: 'hits' is declared here
void run() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(count, i);
  for (auto &t : ts)
    t.join();
}
} // namespace several_threads_bad

// Same, each instance takes the mutex.
namespace several_threads_ok {
std::map<int, int> hits;
std::mutex mu;
void count(int k) {
  std::lock_guard<std::mutex> l(mu);
  hits[k]++;
}
void run() {
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back(count, i);
  for (auto &t : ts)
    t.join();
}
} // namespace several_threads_ok

// A temporary guard releases the mutex at the end of its own statement: the
// release note points at the end of that full-expression.
namespace temporary_guard_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex>{mu_};
    return m_.count(k);
    // CHECK: notes-shapes.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK-NEXT: notes-shapes.cpp:[[@LINE-6]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK-NEXT: notes-shapes.cpp:[[@LINE-4]]:36: note: the temporary guard releases 'mu_' at the end of its full-expression, before the access
    // CHECK-NEXT: notes-shapes.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace temporary_guard_bad

// Same, with a named guard.
namespace temporary_guard_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l{mu_};
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace temporary_guard_ok

// The member reaches the access through a call that passes it by reference:
// reported at the callee's access, with a note at the call.
namespace reached_through_call_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return Lookup(m_, k); }

private:
  static int Lookup(const std::map<int, int> &m, int k) { return m.count(k); }
  // CHECK: notes-shapes.cpp:[[@LINE-1]]:66: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE-7]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE-6]]:27: note: 'm_' is reached through this call
  // CHECK-NEXT: notes-shapes.cpp:[[@LINE+2]]:22: note: 'm_' is declared here
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace reached_through_call_bad

// Same, the call is made under the lock.
namespace reached_through_call_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return Lookup(m_, k);
  }

private:
  static int Lookup(const std::map<int, int> &m, int k) { return m.count(k); }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace reached_through_call_ok

// A thread start, a call and a release in one report, in that order: the
// thread body passes the map to a helper after unlocking the mutex.
namespace all_notes_bad {
std::map<int, int> g;
std::mutex mu;
void Erase(std::map<int, int> &m) { m.erase(1); }
// CHECK: notes-shapes.cpp:[[@LINE-1]]:37: warning: data race on 'g' (std::map<int, int>): write ('erase') without holding 'mu'; the conflicting read in 'run' holds it [maprace-unguarded-access]
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+15]]:9: note: conflicting read ('size') in 'run', holding 'mu'
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+10]]:15: note: this write runs on the thread started here
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+6]]:3: note: 'g' is reached through this call
// CHECK-NEXT: notes-shapes.cpp:[[@LINE+4]]:3: note: 'mu' is released here, before the access
// CHECK-NEXT: notes-shapes.cpp:[[@LINE-8]]:20: note: 'g' is declared here
void body() {
  mu.lock();
  mu.unlock();
  Erase(g);
}
int run() {
  std::thread t(body);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace all_notes_bad

// Same, the helper is called before the unlock.
namespace all_notes_ok {
std::map<int, int> g;
std::mutex mu;
void Erase(std::map<int, int> &m) { m.erase(1); }
void body() {
  mu.lock();
  Erase(g);
  mu.unlock();
}
int run() {
  std::thread t(body);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace all_notes_ok
