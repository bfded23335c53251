// Two known misses of --cross-file. Journal::record is called only by
// Replay::step (replay.cpp), which only Driver::run (driver.cpp) calls, with
// the journal's mutex held: the lock is two calls away. Journal::append is
// called only by Driver::run, with the mutex held, but its body is in
// journal.cpp, so driver.cpp's run records no call to it.
#include <mutex>
#include <vector>

class Journal {
public:
  void record(int v) { entries_.push_back(v); }
  void append(int v);
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
