// Go: "concurrent map writes": two goroutines write, no common lock.
#include <string>
#include <thread>
#include <unordered_map>

int main() {
  std::unordered_map<std::string, int> hits;
  std::thread a([&] { hits["/home"]++; });
  std::thread b([&] { hits["/about"]++; });
  a.join();
  b.join();
  return static_cast<int>(hits.size());
}
