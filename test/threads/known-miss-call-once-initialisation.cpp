// RUN: %maprace %s -- -std=c++17 | %check %s
// KNOWN MISS (a false positive): std::call_once runs its callable once,
// and every return from call_once on the same flag happens after it. The
// lazily filled table below is written only inside the once-callable and
// read only after call_once: no race. maprace does not model call_once:
// the callable is taken to run in place in every caller, which may run on
// several threads at once. Modelling it: the flag as a reader/writer lock,
// held exclusively by the callable and shared after call_once returns.
#include <map>
#include <mutex>
#include <string>

namespace lazily_filled_table {
class Registry {
public:
  int Get(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    auto it = table_.find(k);
    return it == table_.end() ? 0 : it->second;
  }
  void Note(const std::string &k) {
    std::lock_guard<std::mutex> l(mu_);
    seen_[k]++;
  }

private:
  void Load() { table_["a"] = 1; }
// CHECK: known-miss-call-once-initialisation.cpp:[[@LINE-1]]:17: warning: data race on 'table_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) with no lock held, and 'Registry::Load' may run on several threads at once [maprace-unguarded-access]
  std::once_flag once_;
  std::mutex mu_;
  std::map<std::string, int> table_, seen_;
};
} // namespace lazily_filled_table
