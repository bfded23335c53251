#include "store.h"

void touch(Store &s, Log &l) {
  s.put("a", 1);
  l.flush();
}

void Catalog::add(int v) { items_.push_back(v); }
void Catalog::prune() {
  std::lock_guard<std::mutex> g(mu_);
  items_.clear();
}

void Ledger::add(int v) { items_.push_back(v); }
void Ledger::prune() {
  std::lock_guard<std::mutex> g(mu_);
  items_.clear();
}

void FileSink::put(int v) { items_.push_back(v); }
void FileSink::drain() {
  std::lock_guard<std::mutex> g(mu_);
  items_.clear();
}

void Worker::loop() { jobs_.push_back(1); }
void Worker::stop() {
  std::lock_guard<std::mutex> g(mu_);
  jobs_.clear();
}
