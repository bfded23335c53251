#include "journal.h"

void Driver::run(int v) {
  replay_.step(journal_, v);
  replay_.skip(journal_, v);
  replay_.stepMarked(journal_, v);
  std::lock_guard<std::mutex> g(run_mu_);
  replay_.stepLater(loop_, journal_, v);
}

void Driver::idle(int v) {
  std::lock_guard<std::mutex> g(idle_mu_);
  replay_.skip(journal_, v);
  replay_.stepTagged(journal_, v);
}

void Driver::flush(int v) {
  std::lock_guard<std::mutex> g(run_mu_);
  journal_->later(v);
}
