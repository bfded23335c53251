// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss. A thread started in a loop and handed the element of its own
// iteration (`&parts[i]`) is taken to own that element: its accesses
// through it race with nothing. When the spawner touches the elements while
// those threads still run, the race is real; maprace reports none.
#include <cstddef>
#include <thread>
#include <vector>

struct Part {
  std::vector<int> keys;
};

void Fill(Part *p) { p->keys.push_back(1); }

std::vector<Part> parts;

void Run() {
  std::vector<std::thread> pool;
  for (size_t i = 0; i < parts.size(); ++i)
    pool.emplace_back(Fill, &parts[i]);
  // Every thread may still be filling its part.
  for (Part &p : parts)
    p.keys.clear();
  for (auto &t : pool)
    t.join();
}
