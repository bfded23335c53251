// RUN: %maprace %s -- -std=c++20 -isystem %inputs | %strip | %check %s
// Loops over hash containers whose body invalidates the loop: insertion and
// operator[] may rehash (every iterator dies); erasing the element the loop
// stands on kills that iterator only, so erasing another key, erase() whose
// result is taken, or mutating the mapped value are fine.
#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <llvm/ADT/DenseMap.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

// operator[] with a new key inside a range-for (notes in full).
namespace subscript_bad {
void Successors(std::unordered_map<int, int> &m) {
  for (auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'operator[]' may rehash and invalidates every iterator [maprace-iteration-mutation]
    // CHECK-NEXT: unordered.cpp:[[@LINE+2]]:5: note: 'm' is modified here, while the loop iterates over it
    // CHECK-NEXT: unordered.cpp:[[@LINE-4]]:47: note: 'm' is declared here
    m[kv.first + 1] += kv.second;
}
} // namespace subscript_bad

// The mapped value is changed through the loop variable.
namespace subscript_ok {
void Successors(std::unordered_map<int, int> &m) {
  for (auto &kv : m)
    kv.second += 1;
}
} // namespace subscript_ok

// insert() inside the loop.
namespace insert_bad {
void Mirror(std::unordered_map<int, int> &m) {
  for (const auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'insert' may rehash and invalidates every iterator [maprace-iteration-mutation]
    m.insert({-kv.first, kv.second});
}
} // namespace insert_bad

// insert() into another map.
namespace insert_ok {
void Mirror(const std::unordered_map<int, int> &m,
            std::unordered_map<int, int> &out) {
  for (const auto &kv : m)
    out.insert({-kv.first, kv.second});
}
} // namespace insert_ok

// emplace() inside an iterator loop.
namespace emplace_bad {
void Fill(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'emplace' may rehash and invalidates every iterator [maprace-iteration-mutation]
    if (it->second > 0)
      m.emplace(it->first * 2, 0);
}
} // namespace emplace_bad

// Collect the new keys, emplace them after the loop.
namespace emplace_ok {
void Fill(std::unordered_map<int, int> &m) {
  std::vector<int> keys;
  for (auto it = m.begin(); it != m.end(); ++it)
    if (it->second > 0)
      keys.push_back(it->first * 2);
  for (int k : keys)
    m.emplace(k, 0);
}
} // namespace emplace_ok

// erase(kv.first) removes the element the loop stands on (notes in full).
namespace erase_current_bad {
void Expire(std::unordered_map<int, int> &sessions) {
  for (auto &kv : sessions)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'sessions' (std::unordered_map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    // CHECK-NEXT: unordered.cpp:[[@LINE+3]]:7: note: 'sessions' is modified here, while the loop iterates over it
    // CHECK-NEXT: unordered.cpp:[[@LINE-4]]:43: note: 'sessions' is declared here
    if (kv.second == 0)
      sessions.erase(kv.first);
}
} // namespace erase_current_bad

// erase() of a key that is not the current element leaves the loop's iterator
// valid.
namespace erase_current_ok {
void Expire(std::unordered_map<int, int> &sessions, int victim) {
  for (auto &kv : sessions)
    if (kv.first != victim && kv.second == 0)
      sessions.erase(victim);
}
} // namespace erase_current_ok

// erase(it) in an iterator loop that then increments the dead iterator.
namespace erase_iterator_bad {
void Expire(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end(); ++it)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (it->second == 0)
      m.erase(it);
}
} // namespace erase_iterator_bad

// it = m.erase(it).
namespace erase_iterator_ok {
void Expire(std::unordered_map<int, int> &m) {
  for (auto it = m.begin(); it != m.end();) {
    if (it->second == 0)
      it = m.erase(it);
    else
      ++it;
  }
}
} // namespace erase_iterator_ok

// clear() inside the loop.
namespace clear_bad {
void Reset(std::unordered_map<int, int> &m) {
  for (const auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'clear' replaces every element [maprace-iteration-mutation]
    if (kv.second < 0)
      m.clear();
}
} // namespace clear_bad

// std::erase_if: no loop at all.
namespace clear_ok {
void Reset(std::unordered_map<int, int> &m) {
  std::erase_if(m, [](const auto &kv) { return kv.second < 0; });
}
} // namespace clear_ok

// reserve() inside the loop rehashes.
namespace reserve_bad {
void Prepare(std::unordered_map<int, int> &m) {
  for (const auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (std::unordered_map<int, int>) is invalidated by its own body: 'reserve' may rehash and invalidates every iterator [maprace-iteration-mutation]
    if (kv.second > 100)
      m.reserve(m.size() * 2);
}
} // namespace reserve_bad

// reserve() before the loop, which only reads.
namespace reserve_ok {
int Prepare(std::unordered_map<int, int> &m) {
  m.reserve(m.size() * 2);
  int big = 0;
  for (const auto &kv : m)
    if (kv.second > 100 && m.count(-kv.first) == 0)
      ++big;
  return big;
}
} // namespace reserve_ok

// unordered_set::insert inside the loop.
namespace set_insert_bad {
void Close(std::unordered_set<int> &s) {
  for (int x : s)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 's' (std::unordered_set<int>) is invalidated by its own body: 'insert' may rehash and invalidates every iterator [maprace-iteration-mutation]
    s.insert(x * 2);
}
} // namespace set_insert_bad

// insert into another set.
namespace set_insert_ok {
void Close(const std::unordered_set<int> &s, std::unordered_set<int> &out) {
  for (int x : s)
    out.insert(x * 2);
}
} // namespace set_insert_ok

// unordered_set::erase(*it) and the loop goes on.
namespace set_erase_bad {
void DropOne(std::unordered_set<int> &s) {
  for (auto it = s.begin(); it != s.end(); ++it) {
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 's' (std::unordered_set<int>) is invalidated by its own body: 'erase' removes the element the loop stands on [maprace-iteration-mutation]
    if (*it < 0)
      s.erase(*it);
  }
}
} // namespace set_erase_bad

// The same erase directly followed by break.
namespace set_erase_ok {
void DropOne(std::unordered_set<int> &s) {
  for (auto it = s.begin(); it != s.end(); ++it) {
    if (*it < 0) {
      s.erase(*it);
      break;
    }
  }
}
} // namespace set_erase_ok

// absl::flat_hash_map: operator[] with a new key may rehash.
namespace absl_subscript_bad {
void Successors(absl::flat_hash_map<int, int> &m) {
  for (auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (absl::flat_hash_map<int, int>) is invalidated by its own body: 'operator[]' may rehash and invalidates every iterator [maprace-iteration-mutation]
    m[kv.first + 1] += kv.second;
}
} // namespace absl_subscript_bad

// absl::flat_hash_map: the mapped value is changed in place.
namespace absl_subscript_ok {
void Successors(absl::flat_hash_map<int, int> &m) {
  for (auto &kv : m)
    kv.second += 1;
}
} // namespace absl_subscript_ok

// llvm::DenseMap: insert may grow the table.
namespace dense_map_insert_bad {
void Mirror(llvm::DenseMap<int, int> &m) {
  for (auto &kv : m)
    // CHECK: unordered.cpp:[[@LINE-1]]:3: warning: loop over 'm' (llvm::DenseMap<int, int>) is invalidated by its own body: 'insert' may rehash and invalidates every iterator [maprace-iteration-mutation]
    m.insert({-kv.first, kv.second});
}
} // namespace dense_map_insert_bad

// llvm::DenseMap: lookups only.
namespace dense_map_insert_ok {
int Mirror(llvm::DenseMap<int, int> &m) {
  int pairs = 0;
  for (auto &kv : m)
    pairs += static_cast<int>(m.count(-kv.first));
  return pairs;
}
} // namespace dense_map_insert_ok
