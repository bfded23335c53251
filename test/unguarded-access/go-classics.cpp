// RUN: %maprace %s -- -std=c++20 | %check %s
// The five shapes of Go's map race reports, each beside a correctly
// synchronized twin that must stay silent.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

namespace naked_global_write_bad {
std::map<std::string, int> configMap;
void reload() {
  configMap["timeout"] = 30;
  // CHECK: go-classics.cpp:[[@LINE-1]]:3: warning: data race on 'configMap' (std::map<std::string, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
}
int run() {
  std::thread t(reload);
  int n = configMap.count("timeout");
  t.join();
  return n;
}
} // namespace naked_global_write_bad

namespace naked_global_write_ok {
std::map<std::string, int> configMap;
std::mutex mu;
void reload() {
  std::lock_guard<std::mutex> lock(mu);
  configMap["timeout"] = 30;
}
int run() {
  std::thread t(reload);
  int n;
  {
    std::lock_guard<std::mutex> lock(mu);
    n = configMap.count("timeout");
  }
  t.join();
  return n;
}
} // namespace naked_global_write_ok
