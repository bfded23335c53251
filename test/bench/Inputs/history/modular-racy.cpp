#include "sub/common.h"
#include "gen/config.h"

class Cache {
public:
  void put(int k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    m_[k] = v;
  }
  int get(int k) {
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }

private:
  std::mutex mu_;
  std::map<Key, CACHE_VALUE> m_;
};
