// An unguarded access in a function that takes no lock, where every other
// access to the container holds one std mutex: a std::lock_guard on it is
// inserted at the start of the smallest enclosing block. The fixed file
// compiles and maprace is silent on it.
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-* -fix %t.cpp -- -std=c++20 | %strip | %FileCheck --check-prefix=WARN %s
// RUN: %FileCheck --check-prefix=CHECK-FIXES --strict-whitespace --input-file=%t.cpp %s
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | %count 0
#include <map>
#include <mutex>
#include <string>
#include <thread>

// Get forgot the lock: it is taken at the start of Get's body.
namespace member_bad {
class SessionCache {
public:
  void Put(const std::string &id, int user) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[id] = user;
  }
  // CHECK-FIXES: {{^}}  int Get(const std::string &id) const {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::lock_guard<std::mutex> lock(mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto it = sessions_.find(id);{{$}}
  // WARN: :[[@LINE+3]]:15: warning: data race on 'sessions_' (std::map<std::string, int>): read ('find') without holding 'mu_'; the conflicting write in 'SessionCache::Put' holds it [maprace-unguarded-access]
  // WARN-NEXT: :[[@LINE+2]]:5: note: FIX-IT applied suggested code changes
  int Get(const std::string &id) const {
    auto it = sessions_.find(id);
    return it == sessions_.end() ? -1 : it->second;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> sessions_;
};
} // namespace member_bad

// A one-line body: the lock goes on the same line.
namespace one_line_bad {
class Counter {
public:
  void Add(int k) {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_[k];
  }
  std::size_t Size() { return counts_.size(); }
  // CHECK-FIXES: {{^}}  std::size_t Size() { std::lock_guard<std::mutex> lock(mu_); return counts_.size(); }{{$}}
  // WARN: :[[@LINE-2]]:31: warning: data race on 'counts_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Counter::Add' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> counts_;
};
} // namespace one_line_bad

// A global read by main while a thread writes it under g_mu: the lock is
// taken in the smallest block around the read.
namespace global_bad {
std::map<int, int> g_table;
std::mutex g_mu;
void writer() {
  std::lock_guard<std::mutex> lock(g_mu);
  g_table[1] = 2;
}
int run() {
  std::thread t(writer);
  int n = 0;
  // CHECK-FIXES: {{^}}  {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::lock_guard<std::mutex> lock(g_mu);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    n = static_cast<int>(g_table.size());{{$}}
  // WARN: :[[@LINE+2]]:26: warning: data race on 'g_table' (std::map<int, int>): read ('size') without holding 'g_mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
  {
    n = static_cast<int>(g_table.size());
  }
  t.join();
  return n;
}
} // namespace global_bad

// Twin: every access already holds the lock -- nothing to insert.
namespace member_ok {
class SessionCache {
public:
  void Put(const std::string &id, int user) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[id] = user;
  }
  // CHECK-FIXES: {{^}}  int Get(const std::string &id) const {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::lock_guard<std::mutex> lock(mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    auto it = sessions_.find(id);{{$}}
  int Get(const std::string &id) const {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = sessions_.find(id);
    return it == sessions_.end() ? -1 : it->second;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> sessions_;
};
} // namespace member_ok
