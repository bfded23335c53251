// Go: RLock, then write. In C++ operator[] inserts, so the "lookup" under
// a shared_lock is a write that races with the other readers.
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

class PriceTable {
public:
  void Update(const std::string &sku, double price) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    table_[sku] = price;
  }
  double Lookup(const std::string &sku) {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return table_[sku]; // a write under a reader lock
  }
  bool Has(const std::string &sku) const {
    return table_.count(sku) != 0; // and a read with no lock at all
  }

private:
  mutable std::shared_mutex mu_;
  std::map<std::string, double> table_;
};
