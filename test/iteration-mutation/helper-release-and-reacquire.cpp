// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A helper that drops the caller's lock and takes it again before returning
// (`mu_.unlock(); Flush(v); mu_.lock();`) is the "drop the lock to do slow
// work" bug moved into a function: a loop calling it is reported.
#include <map>
#include <mutex>
#include <thread>

void Flush(int value);

// A member function unlocks and relocks around slow work.
namespace member_helper_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;
  void FlushUnlocked(int v) {
    mu_.unlock();
    Flush(v);
    mu_.lock();
  }

public:
  void Set(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  void Purge() {
    std::lock_guard<std::mutex> l(mu_);
    for (const auto &kv : m_)
      // CHECK: helper-release-and-reacquire.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) releases 'mu_' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'Cache::Set' can change it between iterations [maprace-iteration-mutation]
      // CHECK-NEXT: helper-release-and-reacquire.cpp:[[@LINE-6]]:5: note: concurrent write ('operator[]' inserts missing keys) in 'Cache::Set', holding 'mu_'
      // CHECK-NEXT: helper-release-and-reacquire.cpp:[[@LINE+2]]:7: note: 'mu_' is released here, inside the loop
      // CHECK-NEXT: helper-release-and-reacquire.cpp:[[@LINE-18]]:22: note: 'm_' is declared here
      FlushUnlocked(kv.second);
  }
};
} // namespace member_helper_bad

// A free function yields the global mutex while main's loop holds it.
namespace free_helper_bad {
std::mutex g_mu;
std::map<int, int> g;
void writer() {
  std::lock_guard<std::mutex> l(g_mu);
  g[1] = 2;
}
void Yield() {
  g_mu.unlock();
  std::this_thread::yield();
  g_mu.lock();
}
int main_like() {
  std::thread t(writer);
  int sum = 0;
  {
    std::lock_guard<std::mutex> l(g_mu);
    for (const auto &kv : g) {
      // CHECK: helper-release-and-reacquire.cpp:[[@LINE-1]]:5: warning: loop over 'g' (std::map<int, int>) releases 'g_mu' inside its body, so the concurrent write ('operator[]' inserts missing keys) in 'writer' can change it between iterations [maprace-iteration-mutation]
      sum += kv.second;
      Yield();
    }
  }
  t.join();
  return sum;
}
} // namespace free_helper_bad
