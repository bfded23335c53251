// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A shared_ptr or weak_ptr is a handle to an object others share: a
// container reached through one (`table_->rows_`, `self->keys_` after
// `auto self = shared_from_this();` or `weak.lock()`) is that object's.
#include <memory>
#include <mutex>
#include <vector>

// Through a shared_ptr member (libstdc++'s operator-> is a base class's).
namespace through_member_unlocked {
struct Table {
  std::vector<int> rows_;
};
class Store {
public:
  void put(int r) { table_->rows_.push_back(r); }
  // CHECK: shared-pointer-handles.cpp:[[@LINE-1]]:21: warning: data race on 'table_.rows_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting read in 'Store::size' holds it [maprace-unguarded-access]
  size_t size() {
    std::lock_guard<std::mutex> g(mu_);
    return table_->rows_.size();
  }

private:
  std::mutex mu_;
  std::shared_ptr<Table> table_;
};
} // namespace through_member_unlocked

namespace through_member_locked_ok {
struct Table {
  std::vector<int> rows_;
};
class Store {
public:
  void put(int r) {
    std::lock_guard<std::mutex> g(mu_);
    table_->rows_.push_back(r);
  }
  size_t size() {
    std::lock_guard<std::mutex> g(mu_);
    return table_->rows_.size();
  }

private:
  std::mutex mu_;
  std::shared_ptr<Table> table_;
};
} // namespace through_member_locked_ok

// Through a copy of shared_from_this().
namespace self_handle_unlocked {
class Session : public std::enable_shared_from_this<Session> {
public:
  void start() {
    auto self = shared_from_this();
    self->keys_.push_back(1);
    // CHECK: shared-pointer-handles.cpp:[[@LINE-1]]:5: warning: data race on 'keys_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting read in 'Session::count' holds it [maprace-unguarded-access]
  }
  size_t count() {
    std::lock_guard<std::mutex> g(mu_);
    return keys_.size();
  }

private:
  std::mutex mu_;
  std::vector<int> keys_;
};
} // namespace self_handle_unlocked

// Through a weak_ptr locked again, under the lock. Silent.
namespace self_handle_locked_ok {
class Session : public std::enable_shared_from_this<Session> {
public:
  void start() {
    std::weak_ptr<Session> weak = shared_from_this();
    auto self = weak.lock();
    std::lock_guard<std::mutex> g(self->mu_);
    self->keys_.push_back(1);
  }
  size_t count() {
    std::lock_guard<std::mutex> g(mu_);
    return keys_.size();
  }

private:
  std::mutex mu_;
  std::vector<int> keys_;
};
} // namespace self_handle_locked_ok

