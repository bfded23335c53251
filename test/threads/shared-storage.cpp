// RUN: %maprace %s -- -std=c++20 | %check %s
// Which storage is shared between threads: namespace-scope containers,
// static data members, function-local statics and containers in an anonymous
// namespace are; locals that do not escape, thread_local containers and
// containers never written after initialisation are not.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// A namespace-scope map written on a thread while the spawner reads it.
namespace global_bad {
std::map<int, int> g;
void writer() { g[1] = 2; }
// CHECK: shared-storage.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK: shared-storage.cpp:[[@LINE+5]]:11: note: conflicting read ('count') in 'run', with no lock held
// CHECK: shared-storage.cpp:[[@LINE+3]]:15: note: this write runs on the thread started here
// CHECK: shared-storage.cpp:[[@LINE-5]]:20: note: 'g' is declared here
int run() {
  std::thread t(writer);
  int n = g.count(1);
  t.join();
  return n;
}
} // namespace global_bad

// Same, both sides under one mutex.
namespace global_ok {
std::map<int, int> g;
std::mutex mu;
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 2;
}
int run() {
  std::thread t(writer);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.count(1);
  }
  t.join();
  return n;
}
} // namespace global_ok

// A static data member erased on a thread while the spawner reads it.
namespace static_member_bad {
struct Registry {
  static std::map<int, int> table;
};
std::map<int, int> Registry::table;
void writer() { Registry::table.erase(1); }
// CHECK: shared-storage.cpp:[[@LINE-1]]:17: warning: data race on 'Registry::table' (std::map<int, int>): write ('erase') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
// CHECK: shared-storage.cpp:[[@LINE+5]]:11: note: conflicting read ('size') in 'run', with no lock held
// CHECK: shared-storage.cpp:[[@LINE+3]]:15: note: this write runs on the thread started here
// CHECK: shared-storage.cpp:[[@LINE-5]]:30: note: 'Registry::table' is declared here
int run() {
  std::thread t(writer);
  int n = Registry::table.size();
  t.join();
  return n;
}
} // namespace static_member_bad

// Same, with the registry's mutex on both sides.
namespace static_member_ok {
struct Registry {
  static std::map<int, int> table;
  static std::mutex mu;
};
std::map<int, int> Registry::table;
std::mutex Registry::mu;
void writer() {
  std::lock_guard<std::mutex> l(Registry::mu);
  Registry::table.erase(1);
}
int run() {
  std::thread t(writer);
  int n;
  {
    std::lock_guard<std::mutex> l(Registry::mu);
    n = Registry::table.size();
  }
  t.join();
  return n;
}
} // namespace static_member_ok

// A function-local static is one object for the thread and the spawner.
namespace local_static_bad {
int run() {
  static std::vector<int> v;
  std::thread t([] { v.push_back(1); });
  // CHECK: shared-storage.cpp:[[@LINE-1]]:22: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  int n = v.size();
  t.join();
  return n;
}
} // namespace local_static_bad

// Same, locked on both sides.
namespace local_static_ok {
int run() {
  static std::vector<int> v;
  static std::mutex mu;
  std::thread t([] {
    std::lock_guard<std::mutex> l(mu);
    v.push_back(1);
  });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = v.size();
  }
  t.join();
  return n;
}
} // namespace local_static_ok

// Containers in an anonymous namespace have internal linkage but are still
// shared by every thread of the program.
namespace {
std::vector<std::string> anonNames;
std::vector<std::string> anonNamesOk;
std::mutex anonMu;
} // namespace

// An anonymous-namespace vector cleared by the spawner while the thread
// appends to it.
namespace anon_namespace_bad {
void run() {
  std::thread t([] { anonNames.push_back("a"); });
  anonNames.clear();
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'anonNames' (std::vector<std::string>): write ('clear') with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: shared-storage.cpp:[[@LINE-3]]:22: note: conflicting write ('push_back') in a lambda in 'run', with no lock held
  // CHECK: shared-storage.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  t.join();
}
} // namespace anon_namespace_bad

// Same, locked on both sides.
namespace anon_namespace_ok {
void run() {
  std::thread t([] {
    std::lock_guard<std::mutex> l(anonMu);
    anonNamesOk.push_back("a");
  });
  {
    std::lock_guard<std::mutex> l(anonMu);
    anonNamesOk.clear();
  }
  t.join();
}
} // namespace anon_namespace_ok

// The spawner writes a global the thread also writes.
namespace local_not_escaping_bad {
std::vector<int> shared;
void run() {
  std::vector<int> mine;
  std::thread t([] { shared.push_back(1); });
  shared.push_back(2);
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'shared' (std::vector<int>): write ('push_back') with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  t.join();
}
} // namespace local_not_escaping_bad

// The spawner writes a local the thread cannot reach: private to it.
namespace local_not_escaping_ok {
std::vector<int> shared;
void run() {
  std::vector<int> mine;
  std::thread t([] { shared.push_back(1); });
  mine.push_back(2);
  t.join();
}
} // namespace local_not_escaping_ok

// A plain global written by the thread and the spawner.
namespace thread_local_bad {
std::map<int, int> cache;
void run() {
  std::thread t([] { cache[1] = 1; });
  cache[2] = 2;
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'cache' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  t.join();
}
} // namespace thread_local_bad

// The same code with a thread_local global: each thread has its own copy.
namespace thread_local_ok {
thread_local std::map<int, int> cache;
void run() {
  std::thread t([] { cache[1] = 1; });
  cache[2] = 2;
  t.join();
}
} // namespace thread_local_ok

// A function-local static appended to by the thread and the spawner.
namespace local_static_fn_bad {
void note(int v) {
  static std::vector<int> buf;
  buf.push_back(v);
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'buf' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
}
void run() {
  std::thread t([] { note(1); });
  note(2);
  t.join();
}
} // namespace local_static_fn_bad

// The same function with a function-local thread_local: one per thread.
namespace local_thread_local_ok {
void note(int v) {
  thread_local std::vector<int> buf;
  buf.push_back(v);
}
void run() {
  std::thread t([] { note(1); });
  note(2);
  t.join();
}
} // namespace local_thread_local_ok

// A global map written by the spawner while the thread looks it up.
namespace const_global_bad {
std::map<std::string, int> kLimits = {{"a", 1}, {"b", 2}};
void run() {
  std::thread t([] { (void)kLimits.find("a"); });
  kLimits["b"] = 3;
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'kLimits' (std::map<std::string, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: shared-storage.cpp:[[@LINE-3]]:28: note: conflicting read ('find') in a lambda in 'run', with no lock held
  // CHECK: shared-storage.cpp:[[@LINE-4]]:15: note: the conflicting read runs on the thread started here
  t.join();
}
} // namespace const_global_bad

// A const global map can only be read: both sides look it up, no race.
namespace const_global_ok {
const std::map<std::string, int> kLimits = {{"a", 1}, {"b", 2}};
void run() {
  std::thread t([] { (void)kLimits.find("a"); });
  (void)kLimits.at("b");
  t.join();
}
} // namespace const_global_ok

// A function-local static table whose lookup inserts missing keys, called
// by the thread and the spawner.
namespace static_table_bad {
int lookup(int k) {
  static std::map<int, int> table = {{1, 10}, {2, 20}};
  return table[k];
  // CHECK: shared-storage.cpp:[[@LINE-1]]:10: warning: data race on 'table' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held, made concurrently by several threads [maprace-unguarded-access]
}
void run() {
  std::thread t([] { (void)lookup(1); });
  (void)lookup(2);
  t.join();
}
} // namespace static_table_bad

// A function-local static const table, looked up by the thread and the
// spawner.
namespace static_const_table_ok {
int lookup(int k) {
  static const std::map<int, int> table = {{1, 10}, {2, 20}};
  auto it = table.find(k);
  return it == table.end() ? 0 : it->second;
}
void run() {
  std::thread t([] { (void)lookup(1); });
  (void)lookup(2);
  t.join();
}
} // namespace static_const_table_ok

// A table filled, a reader started, then the table written again.
namespace filled_then_written_bad {
std::map<int, int> table;
void reader() { (void)table.count(1); }
int setup() {
  table[1] = 10;
  std::thread t(reader);
  table[2] = 20;
  // CHECK: shared-storage.cpp:[[@LINE-1]]:3: warning: data race on 'table' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'reader' holds no lock either [maprace-unguarded-access]
  // CHECK: shared-storage.cpp:[[@LINE-6]]:23: note: conflicting read ('count') in 'reader', with no lock held
  // CHECK: shared-storage.cpp:[[@LINE-4]]:15: note: the conflicting read runs on the thread started here
  t.join();
  return 0;
}
} // namespace filled_then_written_bad

// main() fills a table before any thread starts; afterwards it is only
// read (by both readers and main) until they are joined.
std::map<int, int> mainTable;
void reader() { (void)mainTable.count(1); }
int main() {
  mainTable[1] = 10;
  mainTable[2] = 20;
  std::thread t1(reader);
  std::thread t2(reader);
  int n = mainTable.size();
  t1.join();
  t2.join();
  mainTable.clear();
  return n;
}
