// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss. A loop from the second element on hands each thread its own
// element, and the spawner runs the first share itself: maprace takes the
// first element as the spawner's own. A thread started elsewhere that reads
// every element (here a monitor walking all parts) does race with the
// spawner's writes to the first; maprace reports none, as it reports none
// for the loop's threads' own elements either.
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

struct Part {
  std::vector<std::string> files;
};

void Fill(Part *p) { p->files.push_back("x"); }

size_t Watch(std::vector<Part> *parts) {
  size_t n = 0;
  for (Part &p : *parts)
    n += p.files.size();
  return n;
}

void Run(std::vector<Part> &parts) {
  std::thread monitor(Watch, &parts);
  std::vector<std::thread> pool;
  for (size_t i = 1; i < parts.size(); ++i)
    pool.emplace_back(Fill, &parts[i]);
  Fill(&parts[0]);
  for (auto &t : pool)
    t.join();
  monitor.join();
}
