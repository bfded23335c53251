// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Taking several locks in address order: the mutexes go into a local list,
// the list is sorted, and a vector of lock holders is built from it
// (`std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());`). The
// mutexes pushed into the list before, in the same block, are held until
// the vector dies; one pushed only in a loop or a branch may not be there.
#include <algorithm>
#include <map>
#include <shared_mutex>
#include <string>
#include <vector>

class RWMutex {
public:
  void ReadLock() { mu_.lock_shared(); }
  void ReadUnlock() { mu_.unlock_shared(); }
  void WriteLock() { mu_.lock(); }
  void WriteUnlock() { mu_.unlock(); }

private:
  std::shared_mutex mu_;
};

class ReadLock {
public:
  explicit ReadLock(RWMutex *mu) : mu_(mu) { mu_->ReadLock(); }
  ~ReadLock() { mu_->ReadUnlock(); }

private:
  RWMutex *const mu_;
};

class WriteLock {
public:
  explicit WriteLock(RWMutex *mu) : mu_(mu) { mu_->WriteLock(); }
  ~WriteLock() { mu_->WriteUnlock(); }

private:
  RWMutex *const mu_;
};

// Its own mutex first, then the others', all read-locked. Silent.
namespace own_mutex_in_the_list_ok {
class Engine {
public:
  void Add(int id) {
    WriteLock l(&mutex_);
    backups_[id] = "new";
  }
  size_t Restore(const std::vector<Engine *> &others, int id) {
    std::vector<RWMutex *> mutexes;
    mutexes.push_back(&mutex_);
    for (Engine *e : others)
      mutexes.push_back(&e->mutex_);
    std::sort(mutexes.begin(), mutexes.end());
    std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    return backups_.count(id);
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace own_mutex_in_the_list_ok

// The twin: the read comes after the holders are gone.
namespace read_after_the_holders_bad {
class Engine {
public:
  void Add(int id) {
    WriteLock l(&mutex_);
    backups_[id] = "new";
  }
  size_t Restore(int id) {
    {
      std::vector<RWMutex *> mutexes;
      mutexes.push_back(&mutex_);
      std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    }
    return backups_.count(id);
    // CHECK: lock-holders-in-bulk.cpp:[[@LINE-1]]:12: warning: data race on 'backups_' (std::map<int, std::string>): read ('count') without holding 'mutex_'; the conflicting write in 'Engine::Add' holds it [maprace-unguarded-access]
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace read_after_the_holders_bad

// The twin: its own mutex goes into the list only on one branch.
namespace pushed_on_one_branch_bad {
class Engine {
public:
  void Add(int id) {
    WriteLock l(&mutex_);
    backups_[id] = "new";
  }
  size_t Restore(bool self, int id) {
    std::vector<RWMutex *> mutexes;
    if (self)
      mutexes.push_back(&mutex_);
    std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    return backups_.count(id);
    // CHECK: lock-holders-in-bulk.cpp:[[@LINE-1]]:12: warning: data race on 'backups_' (std::map<int, std::string>): read ('count') without holding 'mutex_'; the conflicting write in 'Engine::Add' holds it [maprace-unguarded-access]
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace pushed_on_one_branch_bad

// The twin: the list is cleared after the push.
namespace list_cleared_bad {
class Engine {
public:
  void Add(int id) {
    WriteLock l(&mutex_);
    backups_[id] = "new";
  }
  size_t Restore(int id) {
    std::vector<RWMutex *> mutexes;
    mutexes.push_back(&mutex_);
    mutexes.clear();
    std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    return backups_.count(id);
    // CHECK: lock-holders-in-bulk.cpp:[[@LINE-1]]:12: warning: data race on 'backups_' (std::map<int, std::string>): read ('count') without holding 'mutex_'; the conflicting write in 'Engine::Add' holds it [maprace-unguarded-access]
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace list_cleared_bad

// The holders read-lock: a write under them still races with a reader
// that holds the mutex shared.
namespace write_under_read_holders_bad {
class Engine {
public:
  size_t Count(int id) {
    ReadLock l(&mutex_);
    return backups_.count(id);
  }
  void Drop(int id) {
    std::vector<RWMutex *> mutexes;
    mutexes.push_back(&mutex_);
    std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    backups_.erase(id);
    // CHECK: lock-holders-in-bulk.cpp:[[@LINE-1]]:5: warning: data race on 'backups_' (std::map<int, std::string>): write ('erase') while 'mutex_' is held only in shared mode (a reader lock); 'Engine::Drop' may run on several threads at once [maprace-lock-mismatch]
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace write_under_read_holders_bad

// The twin: the holders are cleared before the read.
namespace holders_cleared_bad {
class Engine {
public:
  void Add(int id) {
    WriteLock l(&mutex_);
    backups_[id] = "new";
  }
  size_t Restore(int id) {
    std::vector<RWMutex *> mutexes;
    mutexes.push_back(&mutex_);
    std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());
    locks.clear();
    return backups_.count(id);
    // CHECK: lock-holders-in-bulk.cpp:[[@LINE-1]]:12: warning: data race on 'backups_' (std::map<int, std::string>): read ('count') without holding 'mutex_'; the conflicting write in 'Engine::Add' holds it [maprace-unguarded-access]
  }

private:
  RWMutex mutex_;
  std::map<int, std::string> backups_;
};
} // namespace holders_cleared_bad
