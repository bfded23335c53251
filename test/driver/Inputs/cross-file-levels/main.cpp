#include "journal.h"

void serve(Driver &d) {
  std::lock_guard<std::mutex> g(d.journal_->mu_);
  d.run(1);
}
