// RUN: %maprace %s -- -std=c++17 | %check %s
// A lock held around a call on a helper object that the caller built
// around the locked object (`Inserter ins(db)` keeps `db_`; `ins.mark()`
// calls `db_->get()`, all under `db->mu_`) is held in the callee through
// the member the constructor bound, whether or not the constructor has
// anything to analyse. (rocksdb's WAL recovery builds a MemTableInserter
// around the DB whose mutex its caller holds.)
#include <map>
#include <mutex>
#include <vector>

namespace helper_under_lock {
class Db {
public:
  int get(int k) { return recovered_[k]; }
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = 1;
  }
  std::mutex mu_;

private:
  std::map<int, int> recovered_;
};

class Inserter {
public:
  explicit Inserter(Db *db) : db_(db) {}
  int mark(int k) { return db_->get(k); }

private:
  Db *db_;
};

// Silent: db->mu_ is held around the whole use of the helper.
int replay(Db *db) {
  std::lock_guard<std::mutex> g(db->mu_);
  Inserter ins(db);
  return ins.mark(1);
}
} // namespace helper_under_lock

// The helper built around another object than the locked one.
namespace helper_on_other_object {
class Db {
public:
  int get(int k) { return recovered_[k]; }
  // CHECK: :[[@LINE-1]]:27: warning: data race on 'recovered_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Db::put' holds it [maprace-unguarded-access]
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = 1;
  }
  std::mutex mu_;

private:
  std::map<int, int> recovered_;
};

class Inserter {
public:
  explicit Inserter(Db &db) : db_(&db) {}
  int mark(int k) { return db_->get(k); }

private:
  Db *db_;
};

int replay(Db *locked, Db *other) {
  std::lock_guard<std::mutex> g(locked->mu_);
  Inserter ins(*other);
  return ins.mark(1);
}
} // namespace helper_on_other_object

// A constructor the analysis looks at (it fills a list of its own), and
// one reference member: the same.
namespace analysed_constructor {
class Db {
public:
  int get(int k) { return recovered_[k]; }
  // CHECK: :[[@LINE-1]]:27: warning: data race on 'recovered_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Db::get' holds it [maprace-unguarded-access]
  void put(int k) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = 1;
  }
  std::mutex mu_;

private:
  std::map<int, int> recovered_;
};

class Inserter {
public:
  explicit Inserter(Db &db) : db_(db) { seen_.push_back(0); }
  int mark(int k) { return db_.get(k); }

private:
  Db &db_;
  std::vector<int> seen_;
};

// Silent.
int replay(Db *db) {
  std::lock_guard<std::mutex> g(db->mu_);
  Inserter ins(*db);
  return ins.mark(1);
}

// Without the lock: reported.
int replayUnlocked(Db *db) {
  Inserter ins(*db);
  return ins.mark(2);
}
} // namespace analysed_constructor
