// RUN: %maprace %s -- -std=c++20 | %check --allow-empty %s
// KNOWN MISS: requires_capability(mu) is taken as ground truth for the
// accesses inside the annotated function, even when a caller in this file
// visibly calls it without holding mu. Both cases below are real races and
// should be reported at the write in PutLocked (reached through the
// unlocked call), e.g.
//   write ('operator[]' inserts missing keys) without holding 'g_mu'; the
//   conflicting read in 'run' holds it
// They are missed because the function's entry lockset comes from the
// attribute, not from its callers. Acceptable for now: clang's
// -Wthread-safety reports the unlocked call itself ("calling function
// 'PutLocked' requires holding mutex 'g_mu' exclusively").
#include <map>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

class CAPABILITY("mutex") Mu {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
};
class SCOPED_CAPABILITY Hold {
public:
  explicit Hold(Mu *mu) ACQUIRE(mu);
  ~Hold() RELEASE();
};

// The thread body calls the REQUIRES(g_mu) helper without g_mu.
namespace thread_caller_bad {
std::map<int, int> g;
Mu g_mu;
void PutLocked() REQUIRES(g_mu) { g[1] = 1; }
void worker() { PutLocked(); }
int run() {
  std::thread t(worker);
  int n;
  {
    Hold h(&g_mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace thread_caller_bad

// A public method calls the private REQUIRES(mu_) helper without mu_.
namespace api_caller_bad {
class Cache {
public:
  void Put(int k, int v) { PutLocked(k, v); }
  int Get(int k) {
    Hold h(&mu_);
    return m_.count(k);
  }

private:
  void PutLocked(int k, int v) REQUIRES(mu_) { m_[k] = v; }
  Mu mu_;
  std::map<int, int> m_;
};
} // namespace api_caller_bad
