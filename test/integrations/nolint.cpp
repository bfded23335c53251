// RUN: %maprace %s -- -std=c++20 | %check %s
// clang-tidy's own suppressions work on maprace's warnings: a NOLINT
// comment on the line, a NEXTLINE one above it, a BEGIN/END block, naming
// the check or a glob. A comment naming another check does not hide it.
#include <map>
#include <mutex>

class Cache {
public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int GetA(int k) { return m_.count(k); } // NOLINT(maprace-unguarded-access)
  // NOLINTNEXTLINE(maprace-*)
  int GetB(int k) { return m_.count(k); }
  // NOLINTBEGIN(maprace-unguarded-access)
  int GetC(int k) { return m_.count(k); }
  // NOLINTEND(maprace-unguarded-access)
  int GetD(int k) { return m_.count(k); } // NOLINT(bugprone-use-after-move)
  // CHECK: nolint.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): read ('count') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
