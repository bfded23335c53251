// RUN: %maprace %s -- -std=c++20 | %check %s
// A class template whose racy method is instantiated for two types gets
// one warning at the template's source location.
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace two_racing_instantiations_bad {
template <typename K> class Cache {
public:
  void Put(const K &k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = 1;
  }
  bool Has(const K &k) { return m_.count(k) != 0; }
  // CHECK: :[[@LINE-1]]:33: warning: data race on 'm_' ({{std::map<.*>}}): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<K, int> m_;
};
Cache<int> a;
Cache<std::string> b;
void run() {
  std::thread t([] {
    a.Put(1);
    b.Put("x");
  });
  a.Has(1);
  b.Has("y");
  t.join();
}
} // namespace two_racing_instantiations_bad
