// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A class that keeps a pointer or a reference to a mutex it does not own and
// asserts (or documents) that its callers hold it is a part driven under its
// owner's lock, one step after the other: that lock does not make two of its
// entry points run at once. A borrowed mutex the class only locks itself
// stays its own, and threads the class starts still race.
#include <mutex>
#include <thread>
#include <vector>

class Mutex {
public:
  void Lock();
  void Unlock();
  void AssertHeld();
};

// Prepare runs under the owner's mutex (it asserts so), Run without it: the
// owner calls them in turn on one thread.
namespace job_prepared_under_owner_lock_ok {
class Job {
  Mutex *owner_mu_;
  std::vector<int> parts_;

public:
  explicit Job(Mutex *mu) : owner_mu_(mu) {}
  // Callers must hold the mutex.
  void Prepare(int n) {
    owner_mu_->AssertHeld();
    for (int i = 0; i < n; ++i)
      parts_.push_back(i);
  }
  // Callers must not hold the mutex.
  int Run() {
    int sum = 0;
    for (int p : parts_)
      sum += p;
    return sum;
  }
  void Install() {
    owner_mu_->AssertHeld();
    parts_.clear();
  }
};
} // namespace job_prepared_under_owner_lock_ok

// Only the comments say who holds the owner's mutex.
namespace job_documented_under_owner_lock_ok {
class Job {
  Mutex *owner_mu_;
  std::vector<int> parts_;

public:
  explicit Job(Mutex *mu) : owner_mu_(mu) {}
  // Callers must hold owner_mu_.
  void Prepare(int n) { parts_.push_back(n); }
  int Run() { return static_cast<int>(parts_.size()); }
  void Lock() { owner_mu_->Lock(); }
};
} // namespace job_documented_under_owner_lock_ok

// The same, with the lock given up and taken back inside Prepare (a scoped
// unlock around slow work): the job still runs one step at a time.
namespace job_unlocks_owner_lock_for_a_while_ok {
class Job {
  Mutex *owner_mu_;
  std::vector<int> parts_;

public:
  explicit Job(Mutex *mu) : owner_mu_(mu) {}
  void Prepare(int n) {
    owner_mu_->AssertHeld();
    owner_mu_->Unlock();
    for (int i = 0; i < n; ++i)
      parts_.push_back(i);
    owner_mu_->Lock();
    parts_.push_back(n);
  }
  int Run() { return static_cast<int>(parts_.size()); }
};
} // namespace job_unlocks_owner_lock_for_a_while_ok

// A class handed a mutex by reference that locks it itself around its list
// is synchronised by it: the unlocked reader races with the locked writer.
namespace borrowed_mutex_locked_by_the_class_bad {
class Registry {
  std::mutex &mu_;
  std::vector<int> ids_;

public:
  explicit Registry(std::mutex &mu) : mu_(mu) {}
  void Add(int id) {
    std::lock_guard<std::mutex> l(mu_);
    ids_.push_back(id);
  }
  int Count() { return static_cast<int>(ids_.size()); }
  // CHECK: borrowed-mutex-held-by-callers.cpp:[[@LINE-1]]:41: warning: data race on 'ids_' (std::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Registry::Add' holds it [maprace-unguarded-access]
  // CHECK-NEXT: borrowed-mutex-held-by-callers.cpp:[[@LINE-4]]:5: note: conflicting write ('push_back') in 'Registry::Add', holding 'mu_'
};
} // namespace borrowed_mutex_locked_by_the_class_bad

// Its twin: every access locks.
namespace borrowed_mutex_locked_by_the_class_ok {
class Registry {
  std::mutex &mu_;
  std::vector<int> ids_;

public:
  explicit Registry(std::mutex &mu) : mu_(mu) {}
  void Add(int id) {
    std::lock_guard<std::mutex> l(mu_);
    ids_.push_back(id);
  }
  int Count() {
    std::lock_guard<std::mutex> l(mu_);
    return static_cast<int>(ids_.size());
  }
};
} // namespace borrowed_mutex_locked_by_the_class_ok

// A mutex member of its own that the class asserts: the class is shared,
// and the reader that forgot the lock races with the asserted writer.
namespace own_mutex_asserted_bad {
class Table {
  Mutex mu_;
  std::vector<int> rows_;

public:
  void AddLocked(int r) {
    mu_.AssertHeld();
    rows_.push_back(r);
  }
  int Size() { return static_cast<int>(rows_.size()); }
  // CHECK: borrowed-mutex-held-by-callers.cpp:[[@LINE-1]]:40: warning: data race on 'rows_' (std::vector<int>): read ('size') without holding 'mu_'; the conflicting write in 'Table::AddLocked' holds it [maprace-unguarded-access]
  // CHECK-NEXT: borrowed-mutex-held-by-callers.cpp:[[@LINE-4]]:5: note: conflicting write ('push_back') in 'Table::AddLocked', holding 'mu_'
};
} // namespace own_mutex_asserted_bad

// A job that starts workers on its parts while it still fills them: the
// workers race with Run whatever lock the callers hold.
namespace job_thread_races_with_run_bad {
class Job {
  Mutex *owner_mu_;
  std::vector<int> parts_;

public:
  explicit Job(Mutex *mu) : owner_mu_(mu) {}
  void Prepare() {
    owner_mu_->AssertHeld();
    parts_.push_back(0);
  }
  void Run() {
    std::thread t([this] { parts_.push_back(1); });
    parts_.push_back(2);
    // CHECK: borrowed-mutex-held-by-callers.cpp:[[@LINE-1]]:5: warning: data race on 'parts_' (std::vector<int>): write ('push_back') with no lock held; the conflicting write in a lambda in 'Job::Run' holds no lock either [maprace-unguarded-access]
    // CHECK-NEXT: borrowed-mutex-held-by-callers.cpp:[[@LINE-3]]:28: note: conflicting write ('push_back') in a lambda in 'Job::Run', with no lock held
    // CHECK-NEXT: borrowed-mutex-held-by-callers.cpp:[[@LINE-4]]:17: note: the conflicting write runs on the thread started here
    t.join();
  }
};
} // namespace job_thread_races_with_run_bad

// Its twin: the worker is joined before Run touches the parts.
namespace job_thread_joined_before_run_ok {
class Job {
  Mutex *owner_mu_;
  std::vector<int> parts_;

public:
  explicit Job(Mutex *mu) : owner_mu_(mu) {}
  void Prepare() {
    owner_mu_->AssertHeld();
    parts_.push_back(0);
  }
  void Run() {
    std::thread t([this] { parts_.push_back(1); });
    t.join();
    parts_.push_back(2);
  }
};
} // namespace job_thread_joined_before_run_ok
