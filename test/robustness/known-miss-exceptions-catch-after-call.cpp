// RUN: %maprace %s -- -std=c++20 | %check %s
// KNOWN MISS: the CFG is built without exception edges, so a catch handler
// reached only because a called function may throw is never analysed: its
// accesses produce no report, with locks in the try block or not. This file
// asserts today's silence; both handlers below race (see the comments).
#include <map>
#include <mutex>
#include <thread>

int parse(int v);

// The handler erases without the lock (the guard in the try block is gone).
namespace handler_after_call_bad {
class Cache {
public:
  void Put(int k, int v) {
    try {
      std::lock_guard<std::mutex> l(mu_);
      m_[k] = parse(v);
    } catch (...) {
      m_.erase(k);
      // Should report: :[[@LINE-1]]:7: warning: data race on 'm_' (std::map<int, int>): write ('erase') without holding 'mu_'; the conflicting {{read in 'Cache::Get'|write in 'Cache::Put'}} holds it [maprace-unguarded-access]
    }
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace handler_after_call_bad

// No locks at all: the handler runs on a thread while the spawner reads.
namespace thread_handler_bad {
std::map<int, int> g;
void worker() {
  try {
    parse(1);
  } catch (...) {
    g.erase(1);
    // Should report: :[[@LINE-1]]:5: warning: data race on 'g' (std::map<int, int>): write ('erase') with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  }
}
int run() {
  std::thread t(worker);
  int n = g.size();
  t.join();
  return n;
}
} // namespace thread_handler_bad
