// RUN: %not %maprace %s -- -std=c++20 2>&1 | sed '/^ *[0-9]* |/d' | %check %s --check-prefix=BROKEN --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
// RUN: %maprace %s -- -std=c++20 -DFIXED | %check %s --check-prefix=FIXED
// A syntax error (missing ';') in the function that races: clang-tidy
// reports the compile error, maprace reports nothing on a translation unit
// that does not compile, and nothing crashes. With the error fixed (-DFIXED)
// the same code gives the race, so the silence is the error's doing.
#include <map>
#include <mutex>
#include <thread>

// The writer is racy and does not compile.
namespace syntax_error_bad {
std::map<int, int> g;
#ifdef FIXED
void writer() { g[1] = 2; }
#else
void writer() { g[1] = 2 }
// BROKEN-DAG: compile-error-syntax.cpp:[[@LINE-1]]:25: error: expected ';' after expression [clang-diagnostic-error]
// BROKEN-DAG: Error while processing {{.*}}compile-error-syntax.cpp.
#endif
// FIXED: compile-error-syntax.cpp:[[@LINE-6]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
  std::thread t(writer);
  int n = g.size();
  t.join();
  return n;
}
} // namespace syntax_error_bad

// The same shape, correctly locked: silent either way.
namespace syntax_error_ok {
std::map<int, int> g;
std::mutex mu;
void writer() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 2;
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
} // namespace syntax_error_ok
