#include "store.h"

struct Replayer {
  Store *db_;
  Log *log_;
  void replay(const std::string &k) {
    std::lock_guard<std::mutex> g(*db_->mutex());
    db_->insertRecovered(k, db_->lookupRecovered(k) + 1);
    std::lock_guard<std::mutex> h(log_->mu_);
    log_->append(k);
  }
};

void replayAll(Replayer &r) { r.replay("k"); }
