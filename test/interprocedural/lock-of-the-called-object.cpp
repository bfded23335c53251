// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A member function called on another object (`db_->insertRecovered()`)
// while the caller holds that object's own mutex (`db_->mu_`) runs with
// its `this->mu_` held: the same lock Store::put takes. Holding some
// other mutex at the call protects nothing.
#include <map>
#include <mutex>
#include <string>

namespace held_through_the_object {
class Store {
public:
  void insertRecovered(const std::string &k, int v) { recovered_[k] = v; }
  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = v;
  }
  std::mutex mu_;

private:
  std::map<std::string, int> recovered_;
};

struct Replayer {
  Store *db_;
  void replay(const std::string &k) {
    std::lock_guard<std::mutex> g(db_->mu_);
    db_->insertRecovered(k, 1);
  }
};
void use(Replayer &r) { r.replay("k"); }
} // namespace held_through_the_object

namespace held_another_mutex {
class Store {
public:
  void insertRecovered(const std::string &k, int v) { recovered_[k] = v; }
  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = v;
    // CHECK: :[[@LINE-1]]:5: warning: data race on 'recovered_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) holding 'mu_'; the conflicting write in 'Store::insertRecovered' holds 'own_' [maprace-lock-mismatch]
    // CHECK-NEXT: :[[@LINE-5]]:55: note: conflicting write ('operator[]' inserts missing keys) in 'Store::insertRecovered', holding 'own_'
  }
  std::mutex mu_;

private:
  std::map<std::string, int> recovered_;
};

struct Replayer {
  Store *db_;
  std::mutex own_;
  void replay(const std::string &k) {
    std::lock_guard<std::mutex> g(own_);
    db_->insertRecovered(k, 1);
  }
};
void use(Replayer &r) { r.replay("k"); }
} // namespace held_another_mutex
