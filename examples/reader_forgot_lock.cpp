// Go: "concurrent map read and map write": Put locks, Get forgot to.
#include <map>
#include <mutex>
#include <string>

class SessionCache {
public:
  void Put(const std::string &id, int user) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_[id] = user;
  }
  int Get(const std::string &id) const {
    auto it = sessions_.find(id); // no lock: races with Put
    return it == sessions_.end() ? -1 : it->second;
  }

private:
  mutable std::mutex mu_;
  std::map<std::string, int> sessions_;
};
