// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss: a lambda kept in a std::function is taken to be handed its
// own objects by whoever calls the function (see
// callback-arguments-per-call.cpp). Here the caller is in this file and
// hands every call the same global `Stats`: two threads write
// `stats.counts` with no lock, and maprace does not report it (a
// std::function's target is not followed to its call with the call's
// arguments).
#include <functional>
#include <thread>
#include <vector>

struct Stats {
  std::vector<int> counts;
  void add(int x) { counts.push_back(x); }
};
Stats stats;

void withStats(const std::function<void(Stats &)> &f) { f(stats); }

void work() {
  withStats([](Stats &s) { s.add(1); });
}

void run() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
