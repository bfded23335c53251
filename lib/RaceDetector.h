//===- RaceDetector.h - Pairs of accesses that race -----------------------===//
//
// Two access records race when they touch the same container, at least one
// writes, they may run at the same time, and no lock is held at both. Two
// accesses may run at the same time when
//   * one runs on thread T and T may be running at the other (T is in its
//     live set: started before it and not yet joined), or
//   * both run under API entry points (functions nothing in the TU calls)
//     and the container is meant to be shared: some access to it holds a
//     lock, or it is `guarded_by` one (RacerD's "meant to be thread-safe"
//     inference). Without a thread in sight this only reports an unlocked
//     access against a locked one (the reader that forgot the lock); two
//     unlocked accesses need a thread to race.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_RACEDETECTOR_H
#define MAPRACE_RACEDETECTOR_H

#include "CallersLocks.h"
#include "Finding.h"
#include "TranslationUnitAnalysis.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace maprace {

struct RacePair {
  enum Kind {
    Unguarded,       ///< the reported access holds no lock at all
    SharedWrite,     ///< a write while the common lock is held shared only
    DifferentGuards, ///< both hold locks, but none in common
  } K = Unguarded;
  const AccessRecord *Site = nullptr;    ///< where to report
  const AccessRecord *Partner = nullptr; ///< the conflicting access
  /// DifferentGuards: the lock most accesses to the container hold.
  std::optional<AccessPath> Guard;
};

class RaceDetector {
public:
  /// A must have run.
  explicit RaceDetector(const TranslationUnitAnalysis &A);

  const TranslationUnitAnalysis &analysis() const { return A; }

  /// Races where the reported access holds no lock at all: one per access
  /// location and container, in source order.
  std::vector<Finding> unguardedAccesses() const;

  /// Races where both accesses hold locks: a write under a reader lock, or
  /// two accesses under different mutexes.
  std::vector<Finding> lockMismatches() const;

  /// Loops over a container that can change under them: another thread
  /// writes it while the loop does not hold, for its whole duration, a lock
  /// the write holds; or the loop's own body invalidates its iterator.
  std::vector<Finding> iterationMutations() const;

  /// Calls Visit on every racing pair (both orders collapsed), container by
  /// container in record order, without materialising them all.
  void forEachRacingPair(llvm::function_ref<void(const RacePair &)> Visit) const;

  enum class Concurrency { No, ByThread, ByApi };
  Concurrency mayRunConcurrently(const AccessRecord &X, const AccessRecord &Y,
                                 bool ApiShared) const;

private:
  bool isApiShared(const AccessPath &P,
                   llvm::ArrayRef<const AccessRecord *> Group) const;
  std::vector<Finding> collect(bool WantUnguarded) const;
  /// Per access location and container, the pair that explains its race
  /// best; unguarded-access and lock-mismatch both read these, so the
  /// pairwise walk runs once per translation unit (computed on first use).
  using BestPairs = std::map<std::pair<unsigned, size_t>, RacePair>;
  const BestPairs &bestPairs(bool Unguarded) const;
  mutable std::once_flag BestOnce;
  mutable BestPairs BestUnguarded, BestMismatch;
  std::vector<std::pair<clang::SourceLocation, Finding>> escapedHandles() const;
  Finding render(const RacePair &P) const;
  Finding renderMismatch(const RacePair &P) const;
  std::optional<clang::FixItHint> lockGuardFix(const RacePair &P) const;
  /// One edit per guard variable and per function: two findings must not
  /// both insert a lock.
  mutable std::set<const void *> Edited;
  const TranslationUnitAnalysis &A;
  /// Per thread start: kept in a member handle, so it runs once per object
  /// (asked for every pair; computed once).
  std::vector<bool> OncePerObject;
  /// Mutexes classes borrow and expect their callers to hold.
  CallersLocks Borrowed;
  /// Classes that lock a mutex of their own somewhere.
  std::vector<const clang::CXXRecordDecl *> LockingClasses;
  llvm::DenseSet<const clang::CXXRecordDecl *> LockingClassSet;
  bool isOwnLock(const AccessPath &Container, const AccessPath &Lock) const;
  bool holdsOwnLock(const AccessRecord &R) const;
  bool ownerLocks(const AccessPath &P) const;
};

} // namespace maprace

#endif
