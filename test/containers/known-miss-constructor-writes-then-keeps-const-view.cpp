// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss: a constructor defined in another file is judged by its
// class's members. `SortedView` keeps only a `const Seqs*`, so handing it
// `&seqs_` counts as a read -- but its constructor (elsewhere) sorts the
// vector first. Three threads constructing one each race on `seqs_`, and
// maprace does not report it. (With the constructor's body in the
// translation unit, the body decides: see forwarded-to-constructor.cpp.)
#include <thread>
#include <vector>

using Seqs = std::vector<long>;

struct SortedView {
  explicit SortedView(Seqs *seqs); // std::sort(seqs->begin(), seqs->end())
  const Seqs *seqs_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { SortedView v(&seqs_); }
  Seqs seqs_;
};
