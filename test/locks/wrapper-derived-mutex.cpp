// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A mutex class derived from a project mutex (RocksDB's
// `CacheAlignedInstrumentedMutex : public InstrumentedMutex`) or from
// std::mutex is a mutex too, also when a guard takes it through an accessor
// (`MuLock l(mutex());`): the lock is named after the member, not after the
// guard's internal pointer.
#include <deque>
#include <mutex>

class Mu {
public:
  void Lock();
  void Unlock();
};
class alignas(64) AlignedMu : public Mu {
  using Mu::Mu;
};
class MuLock {
public:
  explicit MuLock(Mu *m) : m_(m) { m_->Lock(); }
  ~MuLock() { m_->Unlock(); }

private:
  Mu *const m_;
};

namespace derived_mismatch_bad {
class Db {
  mutable AlignedMu mu_;
  Mu other_;
  std::deque<int> logs_;

public:
  Mu *mutex() const { return &mu_; }
  void Add(int v) {
    MuLock l(&other_);
    logs_.push_back(v);
    // CHECK: :[[@LINE-1]]:5: warning: data race on 'logs_' (std::deque<int>): write ('push_back') holding 'other_' but not 'mu_', the lock most accesses to 'logs_' hold; the conflicting read in 'Db::Last' holds 'mu_' [maprace-lock-mismatch]
    // CHECK-NEXT: :[[@LINE+4]]:12: note: conflicting read ('back') in 'Db::Last', holding 'mu_'
  }
  int Last() const {
    MuLock l(mutex());
    return logs_.back();
  }
  int First() {
    MuLock l(mutex());
    return logs_.front();
  }
};
} // namespace derived_mismatch_bad

namespace derived_ok {
class Db {
  mutable AlignedMu mu_;
  std::deque<int> logs_;

public:
  Mu *mutex() const { return &mu_; }
  void Add(int v) {
    MuLock l(&mu_);
    logs_.push_back(v);
  }
  int Last() const {
    MuLock l(mutex());
    return logs_.back();
  }
};
} // namespace derived_ok

namespace derived_from_std_ok {
class TracedMutex : public std::mutex {};
class Registry {
  TracedMutex mu_;
  std::deque<int> items_;

public:
  void Add(int v) {
    std::lock_guard<TracedMutex> l(mu_);
    items_.push_back(v);
  }
  int Last() {
    mu_.lock();
    int v = items_.back();
    mu_.unlock();
    return v;
  }
};
} // namespace derived_from_std_ok
