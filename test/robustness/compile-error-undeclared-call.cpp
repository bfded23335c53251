// RUN: %not %maprace %s -- -std=c++20 2>&1 | sed '/^ *[0-9]* |/d' | %check %s --check-prefix=BROKEN --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
// RUN: %maprace %s -- -std=c++20 -DFIXED | %check %s --check-prefix=FIXED
// A call to an undeclared function right next to a racy map write (the
// right-hand side of the write is a RecoveryExpr): clang-tidy reports the
// compile error, maprace stays silent and does not crash. With the function
// declared (-DFIXED) the race is reported.
#include <map>
#include <mutex>
#include <thread>

#ifdef FIXED
int undeclared_fn();
#endif

// The racy write's value comes from an undeclared function.
namespace undeclared_call_bad {
std::map<int, int> g;
void writer() { g[1] = undeclared_fn(); }
// BROKEN-DAG: compile-error-undeclared-call.cpp:[[@LINE-1]]:24: error: use of undeclared identifier 'undeclared_fn' [clang-diagnostic-error]
// BROKEN-DAG: Error while processing {{.*}}compile-error-undeclared-call.cpp.
// FIXED: compile-error-undeclared-call.cpp:[[@LINE-3]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  std::thread t(writer);
  int n = g.size();
  t.join();
  return n;
}
} // namespace undeclared_call_bad

// Same, with the write under the mutex the reader also takes.
namespace undeclared_call_ok {
std::map<int, int> g;
std::mutex mu;
int value();
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = value();
}
int run() {
  std::thread t(writer);
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace undeclared_call_ok
