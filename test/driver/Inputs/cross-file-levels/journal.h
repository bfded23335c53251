// Locks held further up than the direct caller, in other files. serve()
// (main.cpp) holds the journal's mutex around Driver::run (driver.cpp),
// which calls Replay::step (replay.cpp), which calls Journal::record: three
// calls down, each an entry point of its own file. Driver::idle calls
// Replay::skip, and so Journal::note, holding only its own mutex.
// Replay::stepMarked reaches Journal::mark through a helper of its own
// file: a known miss (the call is not made by the entry point itself).
#include <mutex>
#include <vector>

class Journal {
public:
  void record(int v) { entries_.push_back(v); }
  void note(int v) { notes_.push_back(v); }
  void mark(int v) { marks_.push_back(v); }
  void trim() {
    std::lock_guard<std::mutex> g(mu_);
    entries_.clear();
    notes_.clear();
    marks_.clear();
  }
  std::mutex mu_;

private:
  std::vector<int> entries_;
  std::vector<int> notes_;
  std::vector<int> marks_;
};

struct Replay {
  void step(Journal *j, int v);
  void skip(Journal *j, int v);
  void stepMarked(Journal *j, int v);
};

struct Driver {
  Journal *journal_;
  Replay replay_;
  std::mutex idle_mu_;
  void run(int v);
  void idle(int v);
};
