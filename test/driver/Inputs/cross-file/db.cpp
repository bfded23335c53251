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
