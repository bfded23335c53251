// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 10}}" -- -std=c++20 | %check %s --check-prefix=TEN
// RUN: %maprace %s -config="{CheckOptions: {MaxFunctionElements: 10}}" -- -std=c++20 | %check %s --check-prefix=TEN
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 100}}" -- -std=c++20 | %check %s --check-prefix=HUNDRED
// RUN: %maprace %s -- -std=c++20 | %check %s --check-prefixes=HUNDRED,ALL
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 0}}" -- -std=c++20 | %check %s --check-prefixes=HUNDRED,ALL
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 100}}" -- -std=c++20 | %FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %maprace %s -- -std=c++20 | %FileCheck %s --check-prefix=NOREMARK --allow-empty --implicit-check-not=remark:
// The MaxFunctionElements budget: a function with more control-flow
// elements than the budget is skipped, not analysed -- it reports nothing
// and contributes no accesses, so its races go unreported (silence, never a
// partial analysis). With a budget of 10 (check-local or global option name)
// every function here is skipped and the file is silent; with 100 the small
// racy Get (under 20 elements) is reported and the big one (over 150) is not;
// with the default (20000) or 0 (no limit) both are reported. Each skipped
// function is named in a remark, so that silence is not taken for a clean
// bill (REMARK, budget 100); none under the default budget (NOREMARK).
#include <map>
#include <mutex>
#include <thread>

// TEN-NOT: warning:
// NOREMARK-NOT: remark:

// A small unguarded read racing with a locked write.
namespace small_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) { return m_.count(k); }
  // HUNDRED: budget.cpp:[[@LINE-1]]:27: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace small_bad

// Same, Get locks: silent at every budget.
namespace small_ok {
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
} // namespace small_ok

// The unguarded read sits at the end of a function of more than 150
// elements: skipped under a budget of 100.
namespace big_bad {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
  // REMARK: budget.cpp:[[@LINE-1]]:7: remark: maprace did not analyse 'Cache::Get': the function has 176 control-flow elements, over the budget of 100; its container accesses are not checked (raise MaxFunctionElements to analyse it) [maprace-unguarded-access]
    int x = k;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    return x + m_.count(k);
    // ALL: budget.cpp:[[@LINE-1]]:16: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace big_bad

// Same, the big Get locks.
namespace big_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
  // REMARK: budget.cpp:[[@LINE-1]]:7: remark: maprace did not analyse 'Cache::Get': the function has 181 control-flow elements, over the budget of 100; its container accesses are not checked (raise MaxFunctionElements to analyse it) [maprace-unguarded-access]
    std::lock_guard<std::mutex> l(mu_);
    int x = k;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    return x + m_.count(k);
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace big_ok

// A big locked caller of a small ...Locked helper: when the caller is
// skipped the helper gets no context at all and stays silent (no false
// "unguarded" report for the helper).
namespace skipped_caller_ok {
class Cache {
public:
  void Put(int k, int v) {
  // REMARK: budget.cpp:[[@LINE-1]]:8: remark: maprace did not analyse 'Cache::Put': the function has 175 control-flow elements, over the budget of 100; its container accesses are not checked (raise MaxFunctionElements to analyse it) [maprace-unguarded-access]
    std::lock_guard<std::mutex> l(mu_);
    int x = v;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
    StoreLocked(k, x);
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    return m_.count(k);
  }

private:
  void StoreLocked(int k, int v) { m_[k] = v; }
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace skipped_caller_ok

// A thread whose spawner is big: under the budget of 100 the spawner is
// skipped, the thread start is not seen and the race is not reported.
namespace skipped_spawner_bad {
std::map<int, int> g;
void writer() { g[1] = 2; }
// ALL: budget.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
int run() {
// REMARK: budget.cpp:[[@LINE-1]]:5: remark: maprace did not analyse 'run': the function has 182 control-flow elements, over the budget of 100; its container accesses are not checked (raise MaxFunctionElements to analyse it) [maprace-unguarded-access]
  std::thread t(writer);
  int x = 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  int n = g.size() + x;
  t.join();
  return n;
}
} // namespace skipped_spawner_bad

// Same, the spawner reads after the join.
namespace skipped_spawner_ok {
std::map<int, int> g;
void writer() { g[1] = 2; }
int run() {
// REMARK: budget.cpp:[[@LINE-1]]:5: remark: maprace did not analyse 'run': the function has 179 control-flow elements, over the budget of 100; its container accesses are not checked (raise MaxFunctionElements to analyse it) [maprace-unguarded-access]
  std::thread t(writer);
  int x = 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1; x = x * 3 + 1;
  t.join();
  return g.size() + x;
}
} // namespace skipped_spawner_ok
