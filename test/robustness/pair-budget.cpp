// RUN: %maprace %s -- -std=c++20 | %check %s --check-prefix=ALL
// RUN: %maprace %s -config="{CheckOptions: {MaxAccessPairs: 0}}" -- -std=c++20 | %check %s --check-prefix=ALL
// RUN: %maprace %s -config="{CheckOptions: {MaxAccessPairs: 3}}" -- -std=c++20 | %FileCheck %s --check-prefixes=ALL,THIN --implicit-check-not=warning: --implicit-check-not=remark:
// RUN: %maprace %s -- -std=c++20 | %FileCheck %s --check-prefix=NOTHIN --allow-empty --implicit-check-not=remark:
// The MaxAccessPairs budget: races are found by comparing a container's
// records (an access in one calling context) pairwise, which is quadratic
// in their number. Over the budget, only the first contexts of each access
// are compared -- every access still is -- and a remark says so. Here 'g'
// has four records (the read on three threads, the write on one): ten
// pairs, within the default budget and within no limit (0), over a budget
// of 3, where one context per access is kept and the race is still found
// (the twin's container is thinned too, and stays silent).
#include <map>
#include <mutex>
#include <thread>

// NOTHIN-NOT: remark:

std::map<int, int> g;
std::mutex mu;
int peek() { return static_cast<int>(g.count(1)); }
// ALL: pair-budget.cpp:[[@LINE-1]]:38: warning: data race on 'g' (std::map<int, int>): read ('count') without holding 'mu'; the conflicting write in 'put' holds it [maprace-unguarded-access]
// THIN: pair-budget.cpp:[[@LINE-2]]:38: remark: maprace compared only part of the records (an access in one calling context) of 2 containers, over the budget of 3 pairs each (the largest: 'g', 2 of 4 records); some races on them may be missed (raise MaxAccessPairs to compare all) [maprace-unguarded-access]
void put() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 2;
}
void run() {
  std::thread a(peek), b(peek), c(peek), d(put);
  a.join();
  b.join();
  c.join();
  d.join();
}

// Its correctly synchronized twin stays silent under every budget.
namespace twin_ok {
std::map<int, int> g;
std::mutex mu;
int peek() {
  std::lock_guard<std::mutex> l(mu);
  return static_cast<int>(g.count(1));
}
void put() {
  std::lock_guard<std::mutex> l(mu);
  g[1] = 2;
}
void run() {
  std::thread a(peek), b(peek), c(peek), d(put);
  a.join();
  b.join();
  c.join();
  d.join();
}
} // namespace twin_ok
