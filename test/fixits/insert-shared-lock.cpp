// A reader/writer mutex: a function that only reads gets a std::shared_lock
// (readers keep sharing the lock), one that writes gets a std::lock_guard.
// The fixed file compiles and maprace is silent on it.
// RUN: cp %s %t.cpp
// RUN: %clang-tidy --quiet --load=%plugin --checks=-*,maprace-* -fix %t.cpp -- -std=c++20 | %strip | %FileCheck --check-prefix=WARN %s
// RUN: %FileCheck --check-prefix=CHECK-FIXES --strict-whitespace --input-file=%t.cpp %s
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | %count 0
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace rw_bad {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = table_.find(sku);
    return it == table_.end() ? 0 : it->second;
  }
  // CHECK-FIXES: {{^}}  bool Has(const std::string &sku) const {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::shared_lock<std::shared_mutex> lock(mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    return table_.count(sku) != 0;{{$}}
  // WARN: :[[@LINE+3]]:12: warning: data race on 'table_' (std::map<std::string, double>): read ('count') without holding 'mu_'; the conflicting write in 'PriceTable::Update' holds it [maprace-unguarded-access]
  // WARN-NEXT: :[[@LINE+2]]:5: note: FIX-IT applied suggested code changes
  bool Has(const std::string &sku) const {
    return table_.count(sku) != 0;
  }
private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace rw_bad

namespace rw_writer_bad {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  bool Has(const std::string &sku) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_.count(sku) != 0;
  }
  // CHECK-FIXES: {{^}}  void Drop(const std::string &sku) {{{$}}
  // CHECK-FIXES-NEXT: {{^}}    std::lock_guard<std::shared_mutex> lock(mu_);{{$}}
  // CHECK-FIXES-NEXT: {{^}}    table_.erase(sku);{{$}}
  // WARN: :[[@LINE+3]]:5: warning: data race on 'table_' (std::map<std::string, double>): write ('erase') without holding 'mu_'; the conflicting write in 'PriceTable::Update' holds it [maprace-unguarded-access]
  // WARN-NEXT: :[[@LINE+2]]:5: note: FIX-IT applied suggested code changes
  void Drop(const std::string &sku) {
    table_.erase(sku);
  }


private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace rw_writer_bad

namespace rw_ok {
class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  bool Has(const std::string &sku) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_.count(sku) != 0;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
} // namespace rw_ok
