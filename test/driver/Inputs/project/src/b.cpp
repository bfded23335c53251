#include "cache.h"
#include <thread>
#include <vector>
std::vector<int> g_log;
int runB() {
  std::thread t([] { g_log.push_back(1); });
  int n = static_cast<int>(g_log.size());
  t.join();
  return n;
}
