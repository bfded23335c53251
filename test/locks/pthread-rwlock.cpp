// RUN: %maprace %s -- -std=c++20 | %check %s
// POSIX reader/writer locks: reads under pthread_rwlock_rdlock and writes
// under pthread_rwlock_wrlock share the lock (silent); pthread_rwlock_unlock
// releases either mode; tryrdlock/trywrlock succeed when they return 0.
#include <map>
#include <pthread.h>

// A reader that takes no lock at all while Put writes under wrlock.
namespace unlocked_reader_bad {
class Cache {
public:
  void Put(int k, int v) {
    pthread_rwlock_wrlock(&mu_);
    m_[k] = v;
    pthread_rwlock_unlock(&mu_);
  }
  int Size() { return m_.size(); }
  // CHECK: pthread-rwlock.cpp:[[@LINE-1]]:23: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  // CHECK: pthread-rwlock.cpp:[[@LINE-5]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
  // CHECK: pthread-rwlock.cpp:[[@LINE+4]]:22: note: 'm_' is declared here

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace unlocked_reader_bad

// Reads under rdlock, writes under wrlock: the same rwlock, no race.
namespace rdlock_wrlock_ok {
class Cache {
public:
  void Put(int k, int v) {
    pthread_rwlock_wrlock(&mu_);
    m_[k] = v;
    pthread_rwlock_unlock(&mu_);
  }
  int Get(int k) {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    return n;
  }
  int Size() {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.size();
    pthread_rwlock_unlock(&mu_);
    return n;
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace rdlock_wrlock_ok

// pthread_rwlock_unlock ends a read section: the read after it is unguarded.
namespace read_after_unlock_bad {
class Cache {
public:
  void Put(int k, int v) {
    pthread_rwlock_wrlock(&mu_);
    m_[k] = v;
    pthread_rwlock_unlock(&mu_);
  }
  int Get(int k) {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    return n + m_.size();
    // CHECK: pthread-rwlock.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
    // CHECK: pthread-rwlock.cpp:[[@LINE-9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
    // CHECK: pthread-rwlock.cpp:[[@LINE-4]]:5: note: 'mu_' is released here, before the access
    // CHECK: pthread-rwlock.cpp:[[@LINE+5]]:22: note: 'm_' is declared here
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace read_after_unlock_bad

// Same, both reads inside the read section.
namespace read_after_unlock_ok {
class Cache {
public:
  void Put(int k, int v) {
    pthread_rwlock_wrlock(&mu_);
    m_[k] = v;
    pthread_rwlock_unlock(&mu_);
  }
  int Get(int k) {
    pthread_rwlock_rdlock(&mu_);
    int n = m_.count(k) + m_.size();
    pthread_rwlock_unlock(&mu_);
    return n;
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace read_after_unlock_ok

// Check under the read lock, then insert after releasing it (no lock).
namespace write_after_rdunlock_bad {
class Cache {
public:
  void PutIfAbsent(int k, int v) {
    pthread_rwlock_rdlock(&mu_);
    bool has = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    if (!has)
      m_[k] = v;
    // CHECK: pthread-rwlock.cpp:[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::PutIfAbsent' holds it [maprace-unguarded-access]
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace write_after_rdunlock_bad

// Same, the insert takes the write lock.
namespace write_after_rdunlock_ok {
class Cache {
public:
  void PutIfAbsent(int k, int v) {
    pthread_rwlock_rdlock(&mu_);
    bool has = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    if (!has) {
      pthread_rwlock_wrlock(&mu_);
      m_[k] = v;
      pthread_rwlock_unlock(&mu_);
    }
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace write_after_rdunlock_ok

// pthread_rwlock_tryrdlock failed (non-zero): the read in that branch holds
// nothing.
namespace tryrdlock_bad {
class Cache {
public:
  void Put(int k, int v) {
    if (pthread_rwlock_trywrlock(&mu_) == 0) {
      m_[k] = v;
      pthread_rwlock_unlock(&mu_);
    }
  }
  int Get(int k) {
    if (pthread_rwlock_tryrdlock(&mu_) != 0)
      return m_.count(k);
    // CHECK: pthread-rwlock.cpp:[[@LINE-1]]:14: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

    int n = m_.count(k);
    pthread_rwlock_unlock(&mu_);
    return n;
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace tryrdlock_bad

// trywrlock/tryrdlock == 0: every access is in the success branch.
namespace tryrdlock_ok {
class Cache {
public:
  void Put(int k, int v) {
    if (pthread_rwlock_trywrlock(&mu_) == 0) {
      m_[k] = v;
      pthread_rwlock_unlock(&mu_);
    }
  }
  int Get(int k) {
    int n = 0;
    if (pthread_rwlock_tryrdlock(&mu_) == 0) {
      n = m_.count(k);
      pthread_rwlock_unlock(&mu_);
    }
    return n;
  }

private:
  pthread_rwlock_t mu_ = PTHREAD_RWLOCK_INITIALIZER;
  std::map<int, int> m_;
};
} // namespace tryrdlock_ok

// A global map written under wrlock by a pthread_create'd thread while the
// spawner reads it without the lock.
namespace global_bad {
std::map<int, int> g;
pthread_rwlock_t mu = PTHREAD_RWLOCK_INITIALIZER;
void *writer(void *) {
  pthread_rwlock_wrlock(&mu);
  g[1] = 1;
  pthread_rwlock_unlock(&mu);
  return nullptr;
}
int run() {
  pthread_t t;
  pthread_create(&t, nullptr, writer, nullptr);
  int n = g.size();
  // CHECK: pthread-rwlock.cpp:[[@LINE-1]]:11: warning: data race on 'g' (std::map<int, int>): read ('size') without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  // CHECK: pthread-rwlock.cpp:[[@LINE-9]]:3: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'mu'
  // CHECK: pthread-rwlock.cpp:[[@LINE-4]]:3: note: the conflicting write runs on the thread started here
  // CHECK: pthread-rwlock.cpp:[[@LINE-15]]:20: note: 'g' is declared here
  pthread_join(t, nullptr);
  return n;
}
} // namespace global_bad

// Same, the spawner reads under rdlock.
namespace global_ok {
std::map<int, int> g;
pthread_rwlock_t mu = PTHREAD_RWLOCK_INITIALIZER;
void *writer(void *) {
  pthread_rwlock_wrlock(&mu);
  g[1] = 1;
  pthread_rwlock_unlock(&mu);
  return nullptr;
}
int run() {
  pthread_t t;
  pthread_create(&t, nullptr, writer, nullptr);
  pthread_rwlock_rdlock(&mu);
  int n = g.size();
  pthread_rwlock_unlock(&mu);
  pthread_join(t, nullptr);
  return n;
}
} // namespace global_ok
