// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Where changing the reader lock's type is not provably right (the guard is
// passed to another function) maprace explains instead of editing; an
// operator[] used only to read also gets a note suggesting find().
#include <condition_variable>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

void Wait(std::shared_lock<std::shared_mutex> &lock);

// The guard goes to a function taking a shared_lock&: no edit, a note.
namespace guard_escapes_bad {
class Table {
public:
  void Put(int k) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    m_[k] = k;
  }
  void Touch(int k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    Wait(lock);
    m_.erase(k);
    // CHECK: no-upgrade.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); 'Table::Touch' may run on several threads at once [maprace-lock-mismatch]
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE-4]]:41: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE+10]]:22: note: 'm_' is declared here
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE-4]]:5: note: fix: take the lock exclusively for the write (std::unique_lock, lock())
  }
  bool Has(int k) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return m_.count(k) != 0;
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> m_;
};
} // namespace guard_escapes_bad

// operator[] used to read under the reader lock: the note suggests find().
namespace subscript_read_bad {
class Prices {
public:
  void Set(const std::string &sku, double p) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = p;
  }
  double Get(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_[sku];
    // CHECK: no-upgrade.cpp:[[@LINE-1]]:12: warning: data race on 'table_' (std::map<std::string, double>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Prices::Get' may run on several threads at once [maprace-lock-mismatch]
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE-3]]:41: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE+7]]:33: note: 'table_' is declared here
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE-5]]:41: note: fix: take 'mu_' exclusively here (std::unique_lock)
    // CHECK-NEXT: no-upgrade.cpp:[[@LINE-5]]:12: note: 'operator[]' inserts the key when it is missing; to only read under the reader lock, look it up with find()
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace subscript_read_bad

// Twin: find() under the reader lock.
namespace find_ok {
class Prices {
public:
  void Set(const std::string &sku, double p) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = p;
  }
  double Get(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = table_.find(sku);
    return it == table_.end() ? 0.0 : it->second;
  }

private:
  std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace find_ok
