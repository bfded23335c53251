// RUN: %not %maprace %s -- -std=c++20 2>&1 | sed '/^ *[0-9]* |/d' | %check %s --check-prefix=BROKEN --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
// RUN: %maprace %s -- -std=c++20 -DFIXED | %check %s --check-prefix=FIXED
// An unknown template used as the container type (a missing include or a
// typo): clang-tidy reports the compile error, maprace stays silent and does
// not crash on the invalid declarations and the accesses through them. A
// correct std::map racing in the same file is not reported either (maprace
// skips a translation unit that does not compile); with the error fixed
// (-DFIXED) both races are reported.
#include <map>
#include <mutex>
#include <thread>

// A racy global whose type does not exist.
namespace unknown_type_bad {
#ifdef FIXED
std::map<int, int> g;
#else
UnknownMap<int, int> g;
// BROKEN-DAG: compile-error-unknown-type.cpp:[[@LINE-1]]:1: error: no template named 'UnknownMap' [clang-diagnostic-error]
// BROKEN-DAG: Error while processing {{.*}}compile-error-unknown-type.cpp.
#endif
void writer() { g[1] = 2; }
// FIXED: compile-error-unknown-type.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  std::thread t(writer);
  int n = g.size();
  t.join();
  return n;
}
} // namespace unknown_type_bad

// A valid racy std::map member next to the broken global.
namespace valid_beside_unknown_type_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // FIXED: compile-error-unknown-type.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace valid_beside_unknown_type_bad

// Same class, Get locks: silent either way.
namespace valid_beside_unknown_type_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace valid_beside_unknown_type_ok
