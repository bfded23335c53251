// RUN: %maprace %s -- -std=c++20 | %check %s
// A private member function whose address is handed to a scheduler this
// file does not see (a thread pool's `Schedule(fn, arg)`) runs whenever
// the pool calls it: an entry point, like a public one. Before, private
// functions were never entry points, so a background job reached only
// through its address, and everything it calls, was not analysed.
#include <map>
#include <mutex>
#include <string>
#include <vector>

// The pool: declared only, as a library's would be.
void Schedule(void (*fn)(void *), void *arg);

namespace scheduled_job_forgets_the_lock {
class Index {
public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    entries_[k] = v;
  }
  void Compact() { Schedule(&Index::BackgroundWork, this); }

private:
  static void BackgroundWork(void *arg) {
    static_cast<Index *>(arg)->Purge();
  }
  void Purge() {
    entries_.clear();
// CHECK: private-function-handed-to-scheduler.cpp:[[@LINE-1]]:5: warning: data race on 'entries_' (std::map<std::string, int>): write ('clear') without holding 'mu_'; the conflicting write in 'Index::Put' holds it [maprace-unguarded-access]
  }
  std::mutex mu_;
  std::map<std::string, int> entries_;
};
} // namespace scheduled_job_forgets_the_lock

namespace scheduled_job_takes_the_lock {
class Index {
public:
  void Put(const std::string &k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    entries_[k] = v;
  }
  void Compact() { Schedule(&Index::BackgroundWork, this); }

private:
  static void BackgroundWork(void *arg) {
    static_cast<Index *>(arg)->Purge();
  }
  void Purge() {
    std::lock_guard<std::mutex> l(mu_);
    entries_.clear();
  }
  std::mutex mu_;
  std::map<std::string, int> entries_;
};
} // namespace scheduled_job_takes_the_lock

// The job's body asserts the lock its callers hold (a member function
// pointer kept as a callback, called by code elsewhere under `mu_`): the
// assertion stands for the callers, as for any entry point.
namespace callback_asserts_the_lock {
class Mutex {
public:
  void Lock();
  void Unlock();
  void AssertHeld();
};
class Registry {
public:
  using Hook = void (Registry::*)();
  void Add(int id) {
    mu_.Lock();
    ids_.push_back(id);
    mu_.Unlock();
  }
  Hook hook() { return &Registry::Drop; }

private:
  void Drop() {
    mu_.AssertHeld();
    ids_.clear();
  }
  Mutex mu_;
  std::vector<int> ids_;
};
} // namespace callback_asserts_the_lock

// A private helper only called, never taken, stays out of the entry
// points: its callers decide (here, under the lock).
namespace private_helper_called_under_lock {
class Registry {
public:
  void Add(int id) {
    std::lock_guard<std::mutex> l(mu_);
    AddLocked(id);
  }
  void Clear() {
    std::lock_guard<std::mutex> l(mu_);
    ids_.clear();
  }

private:
  void AddLocked(int id) { ids_.push_back(id); }
  std::mutex mu_;
  std::vector<int> ids_;
};
} // namespace private_helper_called_under_lock
