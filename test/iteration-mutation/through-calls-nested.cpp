// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// The mutation is followed through nested member functions: `Expire` calls
// `Retire`, which calls `Remove`, which erases the element the loop stands
// on.
#include <map>

namespace nested_member_calls_bad {
class Sessions {
  std::map<int, int> m_;
  void Remove(int id) { m_.erase(id); }
  void Retire(int id) { Remove(id); }

public:
  void Expire() {
    for (auto &kv : m_)
      // CHECK: through-calls-nested.cpp:[[@LINE-1]]:5: warning: loop over 'm_' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
      // CHECK-NEXT: through-calls-nested.cpp:[[@LINE+2]]:9: note: 'm_' is modified through this call
      if (kv.second == 0)
        Retire(kv.first);
  }
};
} // namespace nested_member_calls_bad

// The twin (must stay silent): the chain only reads.
namespace nested_member_calls_ok {
class Sessions {
  std::map<int, int> m_;
  int seen_ = 0;
  void Look(int id) { seen_ += static_cast<int>(m_.count(id)); }
  void Visit(int id) { Look(id); }

public:
  void Expire() {
    for (auto &kv : m_)
      if (kv.second == 0)
        Visit(kv.first);
  }
};
} // namespace nested_member_calls_ok
