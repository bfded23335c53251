// Go: "concurrent map writes" from a naked global map write.
//   configMap["timeout"] = 30   // in a goroutine, no lock anywhere
#include <map>
#include <string>
#include <thread>

std::map<std::string, int> configMap;

void reloadConfig() {
  configMap["timeout"] = 30; // written from a thread, no lock
}

int main() {
  std::thread t(reloadConfig);
  int timeout = configMap.count("timeout") ? configMap.at("timeout") : 10;
  t.join();
  return timeout;
}
