// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MutexTypes: 'proj::Semaphore'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -config="{CheckOptions: {MutexTypes: 'Other;::proj::Semaphore'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MutexTypes: 'Semaphore'}}" -- -std=c++20 | %check %s
// RUN: %maprace %s -- -std=c++20 | %check --allow-empty --check-prefix=NOOPT %s
// The MutexTypes option makes a declared-only project class a mutex when its
// shape does not (Acquire()/Release() alone are too common to guess). Its
// lock()/unlock()-style members then lock and unlock it. Accepted spellings:
// the check-local or the global key, a qualified, '::'-rooted or unqualified
// name, several entries separated by ';'. Without the option the class takes
// no lock: the member races are missed (nothing is meant to be shared), and
// the thread cases are reported as unlocked on both sides, including the
// correctly synchronized global_ok (a false positive the option removes).
#include <map>
#include <thread>

namespace proj {
class Semaphore {
public:
  void Acquire();
  void Release();
};
} // namespace proj

// Put holds sem_; Get reads without it.
namespace member_bad {
class Cache {
public:
  void Put(int k, int v) {
    sem_.Acquire();
    m_[k] = v;
    sem_.Release();
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: mutex-types.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'sem_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: mutex-types.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'sem_'
  // CHECK: mutex-types.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  proj::Semaphore sem_;
  std::map<int, int> m_;
};
} // namespace member_bad

// Same, Get holds sem_ too.
namespace member_ok {
class Cache {
public:
  void Put(int k, int v) {
    sem_.Acquire();
    m_[k] = v;
    sem_.Release();
  }
  int Get(int k) {
    sem_.Acquire();
    int n = m_.count(k);
    sem_.Release();
    return n;
  }

private:
  proj::Semaphore sem_;
  std::map<int, int> m_;
};
} // namespace member_ok

// Release() ends the section: the read after it is unguarded.
namespace after_release_bad {
class Cache {
public:
  void Put(int k, int v) {
    sem_.Acquire();
    m_[k] = v;
    sem_.Release();
  }
  int Get(int k) {
    sem_.Acquire();
    sem_.Release();
    return m_.count(k);
    // CHECK: mutex-types.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'sem_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: mutex-types.cpp:[[@LINE-8]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'sem_'
    // CHECK: mutex-types.cpp:[[@LINE-4]]:5: note: 'sem_' is released here, before the access
  }

private:
  proj::Semaphore sem_;
  std::map<int, int> m_;
};
} // namespace after_release_bad

// A global Semaphore held by the thread; the spawner reads without it.
namespace global_bad {
proj::Semaphore g_sem;
std::map<int, int> g;
void writer() {
  g_sem.Acquire();
  g[1] = 1;
  g_sem.Release();
}
int run() {
  std::thread t(writer);
  int n = g.size();
  // CHECK: mutex-types.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'g_sem'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // NOOPT: mutex-types.cpp:[[@LINE-7]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  t.join();
  return n;
}
} // namespace global_bad

// Same, both sides hold g_sem.
namespace global_ok {
proj::Semaphore g_sem;
std::map<int, int> g;
void writer() {
  g_sem.Acquire();
  g[1] = 1;
  g_sem.Release();
}
int run() {
  std::thread t(writer);
  g_sem.Acquire();
  int n = g.size();
  // NOOPT: mutex-types.cpp:[[@LINE-7]]:3: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  g_sem.Release();
  t.join();
  return n;
}
} // namespace global_ok
