//===- LockSet.h - Sets of held locks -------------------------------------===//
//
// Small sorted-by-insertion vectors: functions rarely hold more than two or
// three locks, so linear scans beat hashing (ThreadSafety.cpp's FactSet makes
// the same choice).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_LOCKSET_H
#define MAPRACE_LOCKSET_H

#include "AccessPath.h"
#include "LockModel.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <iterator>

namespace maprace {

struct HeldLock {
  AccessPath Path;
  LockMode Mode = LockMode::Exclusive;
  clang::SourceLocation AcquiredAt;
  /// Known held because the code asserts it (`mu.AssertHeld()`), not
  /// acquired here: a summary does not report it as acquired.
  bool Asserted = false;
  /// How many times it is held (recursive mutexes, nested guards).
  unsigned Depth = 1;
  /// Held because the function requires it of its callers
  /// (requires_capability): AcquiredAt is the function.
  bool Required = false;
  /// The RAII guard variable holding it, if any (for fix-its).
  const clang::VarDecl *Guard = nullptr;
};

class LockSet {
public:
  const HeldLock *find(const AccessPath &P) const {
    for (const HeldLock &L : Locks)
      if (L.Path == P)
        return &L;
    return nullptr;
  }
  bool contains(const AccessPath &P) const { return find(P) != nullptr; }
  /// Adds or updates the mode of P.
  void add(const HeldLock &L) {
    for (HeldLock &Existing : Locks)
      if (Existing.Path == L.Path) {
        Existing = L;
        return;
      }
    Locks.push_back(L);
  }
  /// Takes the lock once more (re-entry counts).
  void acquireOnce(const HeldLock &L) {
    for (HeldLock &Existing : Locks)
      if (Existing.Path == L.Path) {
        ++Existing.Depth;
        Existing.Mode = L.Mode;
        return;
      }
    Locks.push_back(L);
  }
  /// Releases one level; returns false if the lock was not held.
  bool releaseOnce(const AccessPath &P) {
    for (auto It = Locks.begin(); It != Locks.end(); ++It)
      if (It->Path == P) {
        if (It->Depth > 1)
          --It->Depth;
        else
          Locks.erase(It);
        return true;
      }
    return false;
  }
  bool remove(const AccessPath &P) {
    for (auto It = Locks.begin(); It != Locks.end(); ++It)
      if (It->Path == P) {
        Locks.erase(It);
        return true;
      }
    return false;
  }
  /// Keeps the locks held in both; a lock held in different modes is kept
  /// in shared mode (the weaker guarantee). Returns whether this changed
  /// (in place: merging entry states at every call edge mostly changes
  /// nothing, and then copies nothing).
  bool intersect(const LockSet &O) {
    bool Changed = false;
    size_t Kept = 0;
    for (size_t K = 0; K < Locks.size(); ++K) {
      const HeldLock *OL = O.find(Locks[K].Path);
      if (!OL) {
        Changed = true;
        continue;
      }
      if (Kept != K)
        Locks[Kept] = std::move(Locks[K]);
      HeldLock &L = Locks[Kept++];
      if (OL->Mode != L.Mode && L.Mode != LockMode::Shared) {
        L.Mode = LockMode::Shared;
        Changed = true;
      }
      if (OL->Depth < L.Depth) {
        L.Depth = OL->Depth;
        Changed = true;
      }
    }
    Locks.truncate(Kept);
    return Changed;
  }
  bool sameAs(const LockSet &O) const {
    if (Locks.size() != O.Locks.size())
      return false;
    for (const HeldLock &L : Locks) {
      const HeldLock *OL = O.find(L.Path);
      if (!OL || OL->Mode != L.Mode || OL->Depth != L.Depth)
        return false;
    }
    return true;
  }
  bool empty() const { return Locks.empty(); }
  size_t size() const { return Locks.size(); }
  auto begin() const { return Locks.begin(); }
  auto end() const { return Locks.end(); }
  void clear() { Locks.clear(); }

private:
  // One inline lock: a lock set is copied into every access record and flow
  // state, and most hold zero or one lock (docs/performance.md).
  llvm::SmallVector<HeldLock, 1> Locks;
};

/// A small set of paths (released entry locks, joined thread groups).
class PathSet {
public:
  bool contains(const AccessPath &P) const {
    for (const AccessPath &Q : Paths)
      if (Q == P)
        return true;
    return false;
  }
  void add(const AccessPath &P) {
    if (!contains(P))
      Paths.push_back(P);
  }
  void remove(const AccessPath &P) {
    for (auto It = Paths.begin(); It != Paths.end(); ++It)
      if (*It == P) {
        Paths.erase(It);
        return;
      }
  }
  void unite(const PathSet &O) {
    for (const AccessPath &P : O.Paths)
      add(P);
  }
  void intersect(const PathSet &O) {
    llvm::SmallVector<AccessPath, 0> Out;
    for (const AccessPath &P : Paths)
      if (O.contains(P))
        Out.push_back(P);
    Paths = std::move(Out);
  }
  bool sameAs(const PathSet &O) const {
    if (Paths.size() != O.Paths.size())
      return false;
    for (const AccessPath &P : Paths)
      if (!O.contains(P))
        return false;
    return true;
  }
  bool empty() const { return Paths.empty(); }
  auto begin() const { return Paths.begin(); }
  auto end() const { return Paths.end(); }

private:
  // No inline storage: these sets are usually empty and ride along in every
  // flow state, so inline slots cost more copying than they save.
  llvm::SmallVector<AccessPath, 0> Paths;
};

/// Thread ids (indices into the translation unit's thread table).
/// A set of thread ids, kept sorted: code with hundreds of thread starts
/// (a test file starting a server per test) unites and compares these sets
/// at every call edge, so membership is a binary search and union a merge.
class ThreadSet {
public:
  bool contains(unsigned T) const {
    return std::binary_search(Ids.begin(), Ids.end(), T);
  }
  void add(unsigned T) {
    auto It = std::lower_bound(Ids.begin(), Ids.end(), T);
    if (It == Ids.end() || *It != T)
      Ids.insert(It, T);
  }
  /// Adds O's threads; returns whether any was new. A subset of this set
  /// (the usual case when entry states merge) changes and copies nothing.
  bool unite(const ThreadSet &O) {
    if (O.Ids.empty())
      return false;
    if (Ids.empty()) {
      Ids = O.Ids;
      return true;
    }
    if (includes(O))
      return false;
    llvm::SmallVector<unsigned, 2> U;
    U.reserve(Ids.size() + O.Ids.size());
    std::set_union(Ids.begin(), Ids.end(), O.Ids.begin(), O.Ids.end(),
                   std::back_inserter(U));
    Ids = std::move(U);
    return true;
  }
  bool includes(const ThreadSet &O) const {
    return std::includes(Ids.begin(), Ids.end(), O.Ids.begin(), O.Ids.end());
  }
  template <typename Pred> void removeIf(Pred P) {
    llvm::erase_if(Ids, P); // keeps the order
  }
  bool sameAs(const ThreadSet &O) const { return Ids == O.Ids; }
  bool empty() const { return Ids.empty(); }
  auto begin() const { return Ids.begin(); }
  auto end() const { return Ids.end(); }

private:
  llvm::SmallVector<unsigned, 2> Ids; ///< sorted, no duplicates
};

} // namespace maprace

#endif
