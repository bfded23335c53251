#include <map>
#include <mutex>
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
