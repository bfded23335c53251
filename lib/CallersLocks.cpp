//===- CallersLocks.cpp - Mutexes a class borrows from its callers --------===//
#include "CallersLocks.h"
#include "PathResolver.h"
#include <algorithm>

using namespace clang;

namespace maprace {

bool isBorrowedMutex(const AccessPath &Lock) {
  // A std::unique_ptr<Mutex> member is owned; only raw pointers and
  // references are borrowed.
  return Lock.kind() == RootKind::This &&
         stepsThroughIndirection(Lock, /*SmartPointers=*/false);
}

CallersLocks::CallersLocks(const TranslationUnitAnalysis &A) {
  // Asserted anywhere (even where no access follows before a scoped unlock
  // gives the lock up for a while), or held at an access because a
  // convention or an attribute says the callers hold it.
  for (const AccessPath &P : A.context().AssertedMutexes)
    if (isBorrowedMutex(P) && !contains(P))
      Locks.push_back(P);
  for (const AccessRecord &R : A.records())
    for (const HeldLock &H : R.Held)
      if ((H.Asserted || H.Required) && isBorrowedMutex(H.Path) &&
          !contains(H.Path))
        Locks.push_back(H.Path);
}

bool CallersLocks::contains(const AccessPath &Lock) const {
  return std::find(Locks.begin(), Locks.end(), Lock) != Locks.end();
}

} // namespace maprace
