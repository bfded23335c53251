// RUN: %maprace %s -- -std=c++20 | %strip | %check --check-prefixes=CHECK,UG %s
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-lock-mismatch %s -- -std=c++20 | %strip | %check %s
// The notes of maprace-lock-mismatch, asserted in full: the concurrent or
// conflicting access with its locks and their modes, where the reader lock
// (or the other mutex) is acquired, further accesses in the same function,
// thread starts, the declaration. UG lines are maprace-unguarded-access
// warnings, which the second RUN line (lock-mismatch alone) must not print.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

// Go's "RLock, then write" in C++: operator[] under shared_lock, and a read
// with no lock at all (unguarded-access's business).
namespace price_table_bad {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_[sku];
    // CHECK: notes.cpp:[[@LINE-1]]:12: warning: data race on 'table_' (std::map<std::string, double>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'PriceTable::Lookup' may run on several threads at once [maprace-lock-mismatch]
    // CHECK-NEXT: notes.cpp:[[@LINE-3]]:41: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // CHECK-NEXT: notes.cpp:[[@LINE+11]]:33: note: 'table_' is declared here
  }
  bool Has(const std::string &sku) const {
    return table_.count(sku) != 0;
    // UG: notes.cpp:[[@LINE-1]]:12: warning: data race on 'table_' (std::map<std::string, double>): read ('count') without holding 'mu_'; the conflicting write in 'PriceTable::Update' holds it [maprace-unguarded-access]
    // UG-NEXT: notes.cpp:[[@LINE-12]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'PriceTable::Update', holding 'mu_'
    // UG-NEXT: notes.cpp:[[@LINE+5]]:33: note: 'table_' is declared here
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace price_table_bad

// find() under shared_lock, and Has takes the reader lock too.
namespace price_table_ok {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = table_.find(sku);
    return it == table_.end() ? 0.0 : it->second;
  }
  bool Has(const std::string &sku) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_.count(sku) != 0;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace price_table_ok

// The class's own thread evicts under the reader lock while Get reads under
// it: the report names the concurrent read and the thread start.
namespace worker_thread_bad {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;
  std::thread evictor_;
  void Evict() {
    std::shared_lock r(mu_);
    m_.erase(m_.begin());
    // CHECK: notes.cpp:[[@LINE-1]]:5: warning: data race on 'm_' (std::map<int, int>): write ('erase') while 'mu_' is held only in shared mode (a reader lock); the concurrent read in 'Cache::Get' holds it in shared mode too [maprace-lock-mismatch]
    // CHECK-NEXT: notes.cpp:[[@LINE+11]]:12: note: concurrent read ('count') in 'Cache::Get', holding 'mu_' (shared)
    // CHECK-NEXT: notes.cpp:[[@LINE-4]]:22: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // CHECK-NEXT: notes.cpp:[[@LINE+5]]:13: note: this write runs on the thread started here
    // CHECK-NEXT: notes.cpp:[[@LINE-9]]:22: note: 'm_' is declared here
  }

public:
  Cache() : evictor_([this] { Evict(); }) {}
  ~Cache() { evictor_.join(); }
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
};
} // namespace worker_thread_bad

// The evicting thread takes the lock exclusively.
namespace worker_thread_ok {
class Cache {
  std::shared_mutex mu_;
  std::map<int, int> m_;
  std::thread evictor_;
  void Evict() {
    std::unique_lock w(mu_);
    m_.erase(m_.begin());
  }

public:
  Cache() : evictor_([this] { Evict(); }) {}
  ~Cache() { evictor_.join(); }
  int Get(int k) {
    std::shared_lock r(mu_);
    return m_.count(k);
  }
};
} // namespace worker_thread_ok

// Two writes in one function under the reader lock: one warning, the second
// write is a note.
namespace also_written_bad {
class Accounts {
  std::shared_mutex mu_;
  std::map<int, long> balance_;

public:
  long Get(int id) {
    std::shared_lock r(mu_);
    auto it = balance_.find(id);
    return it == balance_.end() ? 0 : it->second;
  }
  void Rename(int from, int to) {
    std::shared_lock r(mu_);
    auto it = balance_.find(from);
    if (it == balance_.end())
      return;
    balance_[to] = it->second;
    // CHECK: notes.cpp:[[@LINE-1]]:5: warning: data race on 'balance_' (std::map<int, long>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'Accounts::Rename' may run on several threads at once [maprace-lock-mismatch]
    // CHECK-NEXT: notes.cpp:[[@LINE-6]]:22: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // CHECK-NEXT: notes.cpp:[[@LINE+2]]:5: note: 'balance_' is also written here under the reader lock
    // CHECK-NEXT: notes.cpp:[[@LINE-17]]:23: note: 'balance_' is declared here
    balance_.erase(from);
  }
};
} // namespace also_written_bad

// Rename takes the lock exclusively.
namespace also_written_ok {
class Accounts {
  std::shared_mutex mu_;
  std::map<int, long> balance_;

public:
  long Get(int id) {
    std::shared_lock r(mu_);
    auto it = balance_.find(id);
    return it == balance_.end() ? 0 : it->second;
  }
  void Rename(int from, int to) {
    std::unique_lock w(mu_);
    auto it = balance_.find(from);
    if (it == balance_.end())
      return;
    balance_[to] = it->second;
    balance_.erase(from);
  }
};
} // namespace also_written_ok

// Readers under shared_lock of mu_ (three accesses), a writer under another
// mutex (two): the note shows the reader's lock mode, the second write is a
// note.
namespace different_guards_bad {
class Catalog {
  std::shared_mutex mu_;
  std::mutex import_mu_;
  std::map<int, std::string> items_;

public:
  std::string Name(int id) {
    std::shared_lock r(mu_);
    auto it = items_.find(id);
    return it == items_.end() ? "" : it->second;
  }
  size_t Size() {
    std::shared_lock r(mu_);
    return items_.size();
  }
  void Import(int id, std::string n) {
    std::lock_guard<std::mutex> l(import_mu_);
    items_.erase(id);
    // CHECK: notes.cpp:[[@LINE-1]]:5: warning: data race on 'items_' (std::map<int, std::string>): write ('erase') holding 'import_mu_' but not 'mu_', the lock most accesses to 'items_' hold; the conflicting read in 'Catalog::Name' holds 'mu_' [maprace-lock-mismatch]
    // CHECK-NEXT: notes.cpp:[[@LINE-11]]:15: note: conflicting read ('find') in 'Catalog::Name', holding 'mu_' (shared)
    // CHECK-NEXT: notes.cpp:[[@LINE-4]]:33: note: 'import_mu_' is acquired here
    // CHECK-NEXT: notes.cpp:[[@LINE+2]]:5: note: 'items_' is also written here without holding 'mu_'
    // CHECK-NEXT: notes.cpp:[[@LINE-19]]:30: note: 'items_' is declared here
    items_.emplace(id, std::move(n));
  }
};
} // namespace different_guards_bad

// Import also takes mu_, exclusively.
namespace different_guards_ok {
class Catalog {
  std::shared_mutex mu_;
  std::mutex import_mu_;
  std::map<int, std::string> items_;

public:
  std::string Name(int id) {
    std::shared_lock r(mu_);
    auto it = items_.find(id);
    return it == items_.end() ? "" : it->second;
  }
  size_t Size() {
    std::shared_lock r(mu_);
    return items_.size();
  }
  void Import(int id, std::string n) {
    std::lock_guard<std::mutex> l(import_mu_);
    std::unique_lock w(mu_);
    items_.erase(id);
    items_.emplace(id, std::move(n));
  }
};
} // namespace different_guards_ok

// Globals and main(): main is single-threaded until it starts the threads.
// table: the writer thread writes under the reader lock while main reads
// under it (bad); table_ok: the same with the exclusive lock (ok).
// slots: the worker thread holds a, main writes under b (bad); slots_ok:
// main holds a too (ok).
std::shared_mutex table_mu;
std::map<int, int> table, table_ok;
std::mutex a, b;
std::map<int, int> slots, slots_ok;

void writer() {
  std::shared_lock r(table_mu);
  table[1] = 1;
  // CHECK: notes.cpp:[[@LINE-1]]:3: warning: data race on 'table' (std::map<int, int>): write ('operator[]' inserts missing keys) while 'table_mu' is held only in shared mode (a reader lock); the concurrent read in 'main' holds it in shared mode too [maprace-lock-mismatch]
  // CHECK-NEXT: notes.cpp:[[@LINE+28]]:10: note: concurrent read ('size') in 'main', holding 'table_mu' (shared)
  // CHECK-NEXT: notes.cpp:[[@LINE-4]]:20: note: 'table_mu' is acquired in shared mode here; a write needs it exclusively
  // CHECK-NEXT: notes.cpp:[[@LINE+22]]:15: note: this write runs on the thread started here
  // CHECK-NEXT: notes.cpp:[[@LINE-11]]:20: note: 'table' is declared here
}

void writer_ok() {
  std::unique_lock w(table_mu);
  table_ok[1] = 1;
}

void worker() {
  std::lock_guard<std::mutex> l(a);
  if (slots.count(1))
    slots.erase(1);
  std::lock_guard<std::mutex> l2(b);
  slots_ok.erase(1);
}

int main() {
  {
    std::shared_lock r(table_mu); // before any thread: no race yet
    table[0] = 0;
  }
  std::thread t1(writer), t2(writer_ok), t3(worker);
  size_t n = 0;
  {
    std::shared_lock r(table_mu);
    n += table.size() + table_ok.size();
  }
  {
    std::lock_guard<std::mutex> l(b);
    slots[2] = 2;
    // CHECK: notes.cpp:[[@LINE-1]]:5: warning: data race on 'slots' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'b' but not 'a', the lock most accesses to 'slots' hold; the conflicting write in 'worker' holds 'a' [maprace-lock-mismatch]
    // CHECK-NEXT: notes.cpp:[[@LINE-20]]:5: note: conflicting write ('erase') in 'worker', holding 'a'
    // CHECK-NEXT: notes.cpp:[[@LINE-4]]:33: note: 'b' is acquired here
    // CHECK-NEXT: notes.cpp:[[@LINE-12]]:42: note: the conflicting write runs on the thread started here
    // CHECK-NEXT: notes.cpp:[[@LINE-43]]:20: note: 'slots' is declared here
  }
  {
    std::scoped_lock l(a, b);
    slots_ok[3] = 3;
  }
  t1.join();
  t2.join();
  t3.join();
  return static_cast<int>(n);
}
