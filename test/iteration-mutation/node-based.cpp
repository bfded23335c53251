// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Loops over node-based containers (std::map, std::set, std::multimap,
// std::list) whose body invalidates the loop: erasing the element the loop
// stands on, or clear(). Inserting, or erasing another element, leaves the
// loop's iterator valid.
#include <list>
#include <map>
#include <set>
#include <string>

// erase(kv.first) in a range-for (notes in full).
namespace erase_current_bad {
void Expire(std::map<int, int> &sessions) {
  for (auto &kv : sessions)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'sessions' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    // CHECK-NEXT: node-based.cpp:[[@LINE+3]]:7: note: 'sessions' is modified here, while the loop iterates over it
    // CHECK-NEXT: node-based.cpp:[[@LINE-4]]:33: note: 'sessions' is declared here
    if (kv.second == 0)
      sessions.erase(kv.first);
}
} // namespace erase_current_bad

// it = m.erase(it).
namespace erase_current_ok {
void Expire(std::map<int, int> &sessions) {
  for (auto it = sessions.begin(); it != sessions.end();) {
    if (it->second == 0)
      it = sessions.erase(it);
    else
      ++it;
  }
}
} // namespace erase_current_ok

// erase(it) and then ++it on the dead node.
namespace erase_iterator_bad {
void Expire(std::map<std::string, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::map<std::string, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (it->second == 0)
      m.erase(it);
}
} // namespace erase_iterator_bad

// Advance first, then erase the saved iterator.
namespace erase_iterator_ok {
void Expire(std::map<std::string, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    auto cur = it++;
    if (cur->second == 0)
      m.erase(cur);
  }
}
} // namespace erase_iterator_ok

// erase(it->first): the key of the current element.
namespace erase_key_bad {
void Expire(std::map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (it->second == 0)
      m.erase(it->first);
}
} // namespace erase_key_bad

// erase() of another key: only that node dies.
namespace erase_key_ok {
void Expire(std::map<int, int> &m, int victim) {
  for (auto it = m.begin(); it != m.end(); ++it)
    if (it->first != victim && it->second == 0)
      m.erase(victim);
}
} // namespace erase_key_ok

// std::map: clear() inside the loop.
namespace map_mutation_bad {
void Reset(std::map<int, int> &m) {
  for (const auto &kv : m)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::map<int, int>) is invalidated by its own body: 'clear' replaces every element [maprace-iteration-mutation]
    // CHECK-NEXT: node-based.cpp:[[@LINE+3]]:7: note: 'm' is modified here, while the loop iterates over it
    // CHECK-NEXT: node-based.cpp:[[@LINE-4]]:32: note: 'm' is declared here
    if (kv.second < 0)
      m.clear();
}
} // namespace map_mutation_bad

// std::map: inserting does not invalidate the loop's iterator.
namespace map_mutation_ok {
void Mirror(std::map<int, int> &m) {
  for (const auto &kv : m)
    if (kv.first > 0)
      m[-kv.first] = kv.second;
}
} // namespace map_mutation_ok

// std::set: erase(x) of the current element.
namespace set_erase_bad {
void DropNegative(std::set<int> &s) {
  for (int x : s)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 's' (std::set<int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (x < 0)
      s.erase(x);
}
} // namespace set_erase_bad

// std::set: the same erase directly followed by return.
namespace set_erase_ok {
bool DropFirstNegative(std::set<int> &s) {
  for (int x : s)
    if (x < 0) {
      s.erase(x);
      return true;
    }
  return false;
}
} // namespace set_erase_ok

// std::set: clear() inside the loop.
namespace set_mutation_bad {
void Close(std::set<int> &s) {
  for (int x : s)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 's' (std::set<int>) is invalidated by its own body: 'clear' replaces every element [maprace-iteration-mutation]
    if (x > 1000)
      s.clear();
}
} // namespace set_mutation_bad

// std::set: insert() inside the loop does not invalidate it.
namespace set_mutation_ok {
void Close(std::set<int> &s) {
  for (int x : s)
    if (x > 0 && x < 1000)
      s.insert(x * 2);
}
} // namespace set_mutation_ok

// std::list: erase(it) then ++it.
namespace list_erase_bad {
void DropZero(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'l' (std::list<int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (*it == 0)
      l.erase(it);
}
} // namespace list_erase_bad

// std::list: push_back inside the loop leaves the iterators valid.
namespace list_erase_ok {
void Duplicate(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it > 100)
      l.push_back(*it / 2);
}
} // namespace list_erase_ok

// std::list: clear() inside a range-for.
namespace list_mutation_bad {
void Reset(std::list<int> &l) {
  for (int x : l)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'l' (std::list<int>) is invalidated by its own body: 'clear' replaces every element [maprace-iteration-mutation]
    if (x < 0)
      l.clear();
}
} // namespace list_mutation_bad

// std::list: insert() before the current element does not invalidate it.
namespace list_mutation_ok {
void Pad(std::list<int> &l) {
  for (auto it = l.begin(); it != l.end(); ++it)
    if (*it < 0)
      l.insert(it, 0);
}
} // namespace list_mutation_ok

// std::multimap: erase(kv.first) removes every element with the key,
// including the current one.
namespace multimap_erase_bad {
void Expire(std::multimap<int, int> &m) {
  for (auto &kv : m)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::multimap<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (kv.second == 0)
      m.erase(kv.first);
}
} // namespace multimap_erase_bad

// std::multimap: insert() inside the loop.
namespace multimap_erase_ok {
void Mirror(std::multimap<int, int> &m) {
  for (auto &kv : m)
    if (kv.first > 0)
      m.insert({-kv.first, kv.second});
}
} // namespace multimap_erase_ok

// std::map: extract() of the current key.
namespace extract_bad {
void Move(std::map<int, int> &from, std::map<int, int> &to) {
  for (auto &kv : from)
    // CHECK: node-based.cpp:[[@LINE-1]]:3: warning: loop over 'from' (std::map<int, int>) is invalidated by its own body: 'extract' removes the element the loop stands on [maprace-iteration-mutation]
    if (kv.second == 0)
      to.insert(from.extract(kv.first));
}
} // namespace extract_bad

// std::map: extract() of another key only takes that node out.
namespace extract_ok {
void Move(std::map<int, int> &from, std::map<int, int> &to, int victim) {
  for (auto &kv : from)
    if (kv.first != victim && kv.second == 0)
      to.insert(from.extract(victim));
}
} // namespace extract_ok
