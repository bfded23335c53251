// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Erasing the current element through a structured binding of the loop
// variable (`for (auto &[k, v] : m) m.erase(k);`) is the element the loop
// stands on.
#include <map>
#include <string>
#include <unordered_map>

// std::map: erase(k), k bound to the current element's key.
namespace map_binding_bad {
void Expire(std::map<std::string, int> &sessions) {
  for (const auto &[id, ttl] : sessions)
    // CHECK: structured-binding-erase.cpp:[[@LINE-1]]:3: warning: loop over 'sessions' (std::map<std::string, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    // CHECK-NEXT: structured-binding-erase.cpp:[[@LINE+3]]:7: note: 'sessions' is modified here, while the loop iterates over it
    // CHECK-NEXT: structured-binding-erase.cpp:[[@LINE-4]]:41: note: 'sessions' is declared here
    if (ttl == 0)
      sessions.erase(id);
}
} // namespace map_binding_bad

// std::unordered_map: the same with a binding.
namespace unordered_binding_bad {
void Expire(std::unordered_map<int, int> &m) {
  for (auto &[k, v] : m)
    // CHECK: structured-binding-erase.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (v == 0)
      m.erase(k);
}
} // namespace unordered_binding_bad
