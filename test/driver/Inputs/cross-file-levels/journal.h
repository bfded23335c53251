// Locks held further up than the direct caller, in other files. serve()
// (main.cpp) holds the journal's mutex around Driver::run (driver.cpp),
// which calls Replay::step (replay.cpp), which calls Journal::record: three
// calls down, each an entry point of its own file. Driver::idle calls
// Replay::skip, and so Journal::note, holding only its own mutex.
// Replay::stepMarked and Replay::stepTagged reach Journal::mark and
// Journal::tag through helpers of their own file; Driver::run calls the
// first, Driver::idle the second.
#include <functional>
#include <mutex>
#include <vector>

struct Loop {
  void runInLoop(std::function<void()> f);
};

class Journal {
public:
  void record(int v) { entries_.push_back(v); }
  void note(int v) { notes_.push_back(v); }
  void mark(int v) { marks_.push_back(v); }
  void tag(int v) { tags_.push_back(v); }
  void later(int v) { laters_.push_back(v); }
  void trim() {
    std::lock_guard<std::mutex> g(mu_);
    entries_.clear();
    notes_.clear();
    marks_.clear();
    tags_.clear();
    laters_.clear();
  }
  std::mutex mu_;

private:
  std::vector<int> entries_;
  std::vector<int> notes_;
  std::vector<int> marks_;
  std::vector<int> tags_;
  std::vector<int> laters_;
};

struct Replay {
  void step(Journal *j, int v);
  void skip(Journal *j, int v);
  void stepMarked(Journal *j, int v);
  void stepTagged(Journal *j, int v);
  void stepLater(Loop *l, Journal *j, int v);
};

struct Driver {
  Journal *journal_;
  Replay replay_;
  Loop *loop_;
  std::mutex idle_mu_;
  std::mutex run_mu_;
  void run(int v);
  void idle(int v);
  void flush(int v);
};
