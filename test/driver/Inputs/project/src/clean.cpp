#include <map>
#include <mutex>
std::map<int, int> g_clean;
std::mutex g_clean_mu;
int clean() {
  std::lock_guard<std::mutex> l(g_clean_mu);
  return static_cast<int>(g_clean.size());
}
