// RUN: %maprace %s -- -std=c++17 | %check %s
// Two different locks that read the same ('mutex_' of the file system, and
// 'mutex_' of a file that calls into it under its own) are named with their
// class, so the message does not say "holding 'mutex_'" of both sides.
// When the file system takes its own lock too, the accesses share it.
#include <mutex>
#include <set>

namespace reader_holds_the_callers_lock_only {
class FileSystem {
public:
  void SetExempt(const std::set<int> &s) {
    std::lock_guard<std::mutex> l(mutex_);
    exempt_ = s;
// CHECK: same-named-locks-of-two-classes.cpp:[[@LINE-1]]:5: warning: data race on 'exempt_' (std::set<int>): write ('operator=') holding 'FileSystem::mutex_'; the conflicting read in 'FileSystem::MaybeInject' holds 'File::mutex_' [maprace-lock-mismatch]
  }
  bool MaybeInject(int activity) { return exempt_.count(activity) == 0; }
// CHECK: same-named-locks-of-two-classes.cpp:[[@LINE-1]]:43: note: conflicting read ('count') in 'FileSystem::MaybeInject', holding 'File::mutex_'
// CHECK: same-named-locks-of-two-classes.cpp:[[@LINE-6]]:33: note: 'FileSystem::mutex_' is acquired here

private:
  std::mutex mutex_;
  std::set<int> exempt_;
};

class File {
public:
  void Append() {
    std::lock_guard<std::mutex> l(mutex_);
    fs_->MaybeInject(1);
  }
  void Sync() {
    std::lock_guard<std::mutex> l(mutex_);
    fs_->MaybeInject(2);
  }

private:
  std::mutex mutex_;
  FileSystem *fs_;
};
} // namespace reader_holds_the_callers_lock_only

namespace reader_takes_its_own_lock {
class FileSystem {
public:
  void SetExempt(const std::set<int> &s) {
    std::lock_guard<std::mutex> l(mutex_);
    exempt_ = s;
  }
  bool MaybeInject(int activity) {
    std::lock_guard<std::mutex> l(mutex_);
    return exempt_.count(activity) == 0;
  }

private:
  std::mutex mutex_;
  std::set<int> exempt_;
};

class File {
public:
  void Append() {
    std::lock_guard<std::mutex> l(mutex_);
    fs_->MaybeInject(1);
  }

private:
  std::mutex mutex_;
  FileSystem *fs_;
};
} // namespace reader_takes_its_own_lock
