#include "journal.h"

void Driver::run(int v) {
  std::lock_guard<std::mutex> g(journal_->mu_);
  replay_.step(journal_, v);
}
