// RUN: %maprace %s -- -std=c++17 | %check %s
// KNOWN FALSE POSITIVE: a lock taken only when a parameter says so
// (`if (need_lock) lock.reset(new Guard(mu_))`), by a function whose
// callers pass `false` only while they hold the lock themselves. The
// analysis does not follow the parameter's value: after the `if`, the
// lock is held on one path only, so the function's accesses count as
// unlocked wherever a caller passes `true`. Distilled from rocksdb's
// BlobDBImpl::CloseBlobFile (historical pair #33 in docs/evaluation.md).
// Reported today:
// CHECK: known-false-positive-conditional-lock-on-parameter.cpp:[[@LINE+19]]:5: warning: data race on 'open_' (std::set<int>): write ('erase') without holding 'mu_'; the conflicting write in 'Files::closeOne' holds it [maprace-unguarded-access]
#include <memory>
#include <mutex>
#include <set>

class Files {
public:
  void close(int f) { closeOne(f, /*need_lock=*/true); }
  void closeAll() {
    std::lock_guard<std::mutex> g(mu_);
    for (int f : std::set<int>(open_))
      closeOne(f, /*need_lock=*/false);
  }

private:
  void closeOne(int f, bool need_lock) {
    std::unique_ptr<std::lock_guard<std::mutex>> lock;
    if (need_lock)
      lock.reset(new std::lock_guard<std::mutex>(mu_));
    open_.erase(f);
  }
  std::mutex mu_;
  std::set<int> open_;
};

// The twin with the lock taken unconditionally in a helper that both
// callers use: silent.
class FilesLocked {
public:
  void close(int f) {
    std::lock_guard<std::mutex> g(mu_);
    closeOneLocked(f);
  }
  void closeAll() {
    std::lock_guard<std::mutex> g(mu_);
    for (int f : std::set<int>(open_))
      closeOneLocked(f);
  }

private:
  void closeOneLocked(int f) { open_.erase(f); }
  std::mutex mu_;
  std::set<int> open_;
};
