#include "store.h"

void Db::remove(int v) {
  std::lock_guard<std::mutex> g(mu_);
  heap_.erase(v);
  audited_.erase(v);
}

void Db::check() {
  std::lock_guard<std::mutex> g(mu_);
  heap_.pop();
  audited_.pop();
}

void Db::index(int v) {
  {
    std::lock_guard<std::mutex> g(catalog_.mu_);
    catalog_.add(v);
  }
  {
    std::lock_guard<std::mutex> g(ledger_.mu_);
    ledger_.add(v);
  }
  {
    std::lock_guard<std::mutex> g(sink_.mu_);
    sink_.put(v);
  }
  std::lock_guard<std::mutex> g(worker_.mu_);
  worker_.loop();
}
