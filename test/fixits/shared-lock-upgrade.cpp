// A write under a std::shared_lock: the reader lock becomes a
// std::unique_lock. The fixed file compiles and maprace is silent on it.
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-* -fix %t.cpp -- -std=c++20 | %strip | %FileCheck --check-prefix=WARN %s
// RUN: %FileCheck --check-prefix=CHECK-FIXES --strict-whitespace --input-file=%t.cpp %s
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | %count 0
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

// operator[] inserts: a write, with the template arguments spelled out.
namespace spelled_bad {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  void Bump(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    // CHECK-FIXES: {{^}}    std::unique_lock<std::shared_mutex> lock(mu_);{{$}}
    table_[sku] += 1.0;
    // WARN: :[[@LINE-1]]:5: warning: data race on 'table_' (std::map<std::string, double>): write ('operator[]' inserts missing keys) while 'mu_' is held only in shared mode (a reader lock); 'PriceTable::Bump' may run on several threads at once [maprace-lock-mismatch]
    // WARN-NEXT: :[[@LINE-4]]:10: note: FIX-IT applied suggested code changes
    // WARN-NEXT: :[[@LINE-5]]:41: note: 'mu_' is acquired in shared mode here; a write needs it exclusively
    // WARN-NEXT: :[[@LINE+11]]:33: note: 'table_' is declared here
    // WARN-NEXT: :[[@LINE-7]]:41: note: fix: take 'mu_' exclusively here (std::unique_lock)
  }
  double Read(const std::string &sku) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = table_.find(sku);
    return it == table_.end() ? 0.0 : it->second;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace spelled_bad

// The same with class template argument deduction, and erase after a walk.
namespace deduced_bad {
class Index {
public:
  void Add(int k) {
    std::unique_lock lock(mu_);
    ids_[k] = k;
  }
  void Prune(int limit) {
    std::shared_lock lock(mu_);
    // CHECK-FIXES: {{^}}    std::unique_lock lock(mu_);{{$}}
    int n = 0;
    for (const auto &kv : ids_)
      n += kv.second > limit;
    if (n)
      ids_.clear();
    // WARN: :[[@LINE-1]]:7: warning: data race on 'ids_' (std::map<int, int>): write ('clear') while 'mu_' is held only in shared mode (a reader lock); 'Index::Prune' may run on several threads at once [maprace-lock-mismatch]
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> ids_;
};
} // namespace deduced_bad

// Twin: only reads under the reader lock -- no warning, no edit.
namespace reads_ok {
class Index {
public:
  void Add(int k) {
    std::unique_lock lock(mu_);
    ids_[k] = k;
  }
  bool Has(int k) {
    std::shared_lock lock(mu_);
    // CHECK-FIXES: {{^}}    std::shared_lock lock(mu_);{{$}}
    return ids_.count(k) != 0;
  }

private:
  std::shared_mutex mu_;
  std::map<int, int> ids_;
};
} // namespace reads_ok
