#include "db.h"

void Db::flush() {
  std::lock_guard<std::mutex> g(mu_);
  table_->protect(1);
  index_->protect(1);
}
