//===- CallersLocks.h - Mutexes a class borrows from its callers ----------===//
//
// A class that keeps a pointer or a reference to a mutex it does not own
// (`InstrumentedMutex *db_mutex_`, handed in by whoever creates it) and
// asserts or requires that its callers hold it (`db_mutex_->AssertHeld()`,
// `// REQUIRES: mutex held`, `...Locked`) is a part driven under its
// owner's lock: a compaction or flush job prepared under the database
// mutex, run without it, installed under it again, by one thread. That
// lock says how the owner synchronises the calls, not that two entry
// points of the part may run at once, so it is not the part's own lock
// (RaceDetector's "meant to be shared"). A borrowed mutex the class only
// ever locks itself stays its own.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CALLERSLOCKS_H
#define MAPRACE_CALLERSLOCKS_H

#include "AccessPath.h"
#include "TranslationUnitAnalysis.h"
#include <vector>

namespace maprace {

/// Is the mutex reached through a raw pointer or reference member (not
/// owned by the object)?
bool isBorrowedMutex(const AccessPath &Lock);

class CallersLocks {
public:
  /// Collects the borrowed mutexes the code asserts, or that some access
  /// holds because a convention or an attribute requires them.
  explicit CallersLocks(const TranslationUnitAnalysis &A);

  bool contains(const AccessPath &Lock) const;

private:
  std::vector<AccessPath> Locks;
};

} // namespace maprace

#endif
