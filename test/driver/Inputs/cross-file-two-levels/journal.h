// A known miss of --cross-file. Journal::record is called only by
// Replay::step (replay.cpp), which only Driver::run (driver.cpp) calls, with
// the journal's mutex held: the lock is two calls away.
#include <mutex>
#include <vector>

class Journal {
public:
  void record(int v) { entries_.push_back(v); }
  void trim() {
    std::lock_guard<std::mutex> g(mu_);
    entries_.clear();
  }
  std::mutex mu_;

private:
  std::vector<int> entries_;
};

struct Replay {
  void step(Journal *j, int v);
};

struct Driver {
  Journal *journal_;
  Replay replay_;
  void run(int v);
};
