// Go: "concurrent map iteration and map write": a for-range over the map
// without the lock while Set inserts under it.
#include <map>
#include <mutex>
#include <string>

class Registry {
public:
  void Set(const std::string &name, int port) {
    std::lock_guard<std::mutex> lock(mu_);
    services_[name] = port;
  }
  int Total() const {
    int sum = 0;
    for (const auto &entry : services_) // iterates without the lock
      sum += entry.second;
    return sum;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> services_;
};
