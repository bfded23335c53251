// RUN: %maprace %s -- -std=c++20 | %check %s
// POSIX mutexes: pthread_mutex_lock/unlock on a global or a member
// pthread_mutex_t (by address or through a pointer member),
// pthread_mutex_trylock (0 means success) and pthread_spin_lock.
#include <map>
#include <pthread.h>
#include <thread>

// A global map written under a global pthread mutex on a thread; the spawner
// reads it without the mutex.
namespace global_bad {
std::map<int, int> g;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
void writer() {
  pthread_mutex_lock(&mu);
  g[1] = 2;
  pthread_mutex_unlock(&mu);
}
int run() {
  std::thread t(writer);
  int n = g.count(1);
  // CHECK: pthread-mutex.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('count') without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK: pthread-mutex.cpp:[[@LINE-7]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'mu'
  // CHECK: pthread-mutex.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  // CHECK: pthread-mutex.cpp:[[@LINE-13]]:20: note: 'g' is declared here
  t.join();
  return n;
}
} // namespace global_bad

// Same, the spawner reads under the mutex too.
namespace global_ok {
std::map<int, int> g;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
void writer() {
  pthread_mutex_lock(&mu);
  g[1] = 2;
  pthread_mutex_unlock(&mu);
}
int run() {
  std::thread t(writer);
  pthread_mutex_lock(&mu);
  int n = g.count(1);
  pthread_mutex_unlock(&mu);
  t.join();
  return n;
}
} // namespace global_ok

// pthread_mutex_unlock ends the critical section: the read after it is
// unguarded, and the release site is a note.
namespace after_unlock_bad {
std::map<int, int> g;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
void writer() {
  pthread_mutex_lock(&mu);
  g[1] = 2;
  pthread_mutex_unlock(&mu);
}
int run() {
  std::thread t(writer);
  pthread_mutex_lock(&mu);
  int n = g.count(1);
  pthread_mutex_unlock(&mu);
  n += g.size();
  // CHECK: pthread-mutex.cpp:[[@LINE-1]]:8: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK: pthread-mutex.cpp:[[@LINE-10]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'mu'
  // CHECK: pthread-mutex.cpp:[[@LINE-7]]:15: note: the conflicting write runs on the thread started here
  // CHECK: pthread-mutex.cpp:[[@LINE-5]]:3: note: 'mu' is released here, before the access
  // CHECK: pthread-mutex.cpp:[[@LINE-17]]:20: note: 'g' is declared here
  t.join();
  return n;
}
} // namespace after_unlock_bad

// Same, every access inside lock/unlock.
namespace after_unlock_ok {
std::map<int, int> g;
pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
void writer() {
  pthread_mutex_lock(&mu);
  g[1] = 2;
  pthread_mutex_unlock(&mu);
}
int run() {
  std::thread t(writer);
  pthread_mutex_lock(&mu);
  int n = g.count(1);
  n += g.size();
  pthread_mutex_unlock(&mu);
  t.join();
  return n;
}
} // namespace after_unlock_ok

// A pthread_mutex_t member: Put locks it, Get reads without it.
namespace member_bad {
class Cache {
public:
  Cache() { pthread_mutex_init(&mu_, nullptr); }
  ~Cache() { pthread_mutex_destroy(&mu_); }
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: pthread-mutex.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: pthread-mutex.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK: pthread-mutex.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  pthread_mutex_t mu_;
  std::map<int, int> m_;
};
} // namespace member_bad

// Same, Get locks the member mutex too.
namespace member_ok {
class Cache {
public:
  Cache() { pthread_mutex_init(&mu_, nullptr); }
  ~Cache() { pthread_mutex_destroy(&mu_); }
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    pthread_mutex_lock(&mu_);
    int n = m_.count(k);
    pthread_mutex_unlock(&mu_);
    return n;
  }

private:
  pthread_mutex_t mu_;
  std::map<int, int> m_;
};
} // namespace member_ok

// The mutex is reached through a pointer member; Get does not lock it.
namespace pointer_member_bad {
class Cache {
public:
  explicit Cache(pthread_mutex_t *mu) : mu_(mu) {}
  void Put(int k, int v) {
    pthread_mutex_lock(mu_);
    m_[k] = v;
    pthread_mutex_unlock(mu_);
  }
  int Get(int k) { return m_.count(k); }
  // CHECK: pthread-mutex.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  pthread_mutex_t *mu_;
  std::map<int, int> m_;
};
} // namespace pointer_member_bad

// Same, both sides lock through the pointer.
namespace pointer_member_ok {
class Cache {
public:
  explicit Cache(pthread_mutex_t *mu) : mu_(mu) {}
  void Put(int k, int v) {
    pthread_mutex_lock(mu_);
    m_[k] = v;
    pthread_mutex_unlock(mu_);
  }
  int Get(int k) {
    pthread_mutex_lock(mu_);
    int n = m_.count(k);
    pthread_mutex_unlock(mu_);
    return n;
  }

private:
  pthread_mutex_t *mu_;
  std::map<int, int> m_;
};
} // namespace pointer_member_ok

// pthread_mutex_trylock returns non-zero on failure: the read in the
// `!= 0` branch holds nothing; the one after it (== 0 path) is guarded.
namespace trylock_bad {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    if (pthread_mutex_trylock(&mu_) != 0)
      return m_.count(k);
    // CHECK: pthread-mutex.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

    int n = m_.count(k);
    pthread_mutex_unlock(&mu_);
    return n;
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_bad

// Reads only in the `== 0` (lock acquired) branch.
namespace trylock_ok {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    int n = -1;
    if (pthread_mutex_trylock(&mu_) == 0) {
      n = m_.count(k);
      pthread_mutex_unlock(&mu_);
    }
    return n;
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_ok

// `if (!pthread_mutex_trylock(...))` is the success branch; the else branch
// reads without the lock.
namespace trylock_negated_bad {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    if (!pthread_mutex_trylock(&mu_)) {
      int n = m_.count(k);
      pthread_mutex_unlock(&mu_);
      return n;
    }
    return m_.size();
    // CHECK: pthread-mutex.cpp:[[@LINE-1]]:12: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_negated_bad

// Same, the read is only in the success branch.
namespace trylock_negated_ok {
class Cache {
public:
  void Put(int k, int v) {
    pthread_mutex_lock(&mu_);
    m_[k] = v;
    pthread_mutex_unlock(&mu_);
  }
  int Get(int k) {
    if (!pthread_mutex_trylock(&mu_)) {
      int n = m_.count(k);
      pthread_mutex_unlock(&mu_);
      return n;
    }
    return -1;
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace trylock_negated_ok

// pthread_spin_lock guards the thread's write; the spawner reads without it.
namespace spin_bad {
std::map<int, int> g;
pthread_spinlock_t s;
void *writer(void *) {
  pthread_spin_lock(&s);
  g[1] = 2;
  pthread_spin_unlock(&s);
  return nullptr;
}
int run() {
  pthread_t t;
  pthread_create(&t, nullptr, writer, nullptr);
  int n = g.size();
  // CHECK: pthread-mutex.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 's'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  pthread_join(t, nullptr);
  return n;
}
} // namespace spin_bad

// Same, both sides under the spin lock.
namespace spin_ok {
std::map<int, int> g;
pthread_spinlock_t s;
void *writer(void *) {
  pthread_spin_lock(&s);
  g[1] = 2;
  pthread_spin_unlock(&s);
  return nullptr;
}
int run() {
  pthread_t t;
  pthread_create(&t, nullptr, writer, nullptr);
  pthread_spin_lock(&s);
  int n = g.size();
  pthread_spin_unlock(&s);
  pthread_join(t, nullptr);
  return n;
}
} // namespace spin_ok
