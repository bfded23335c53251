//===- GuardStandIns.h - Guards reached by reference ------------*- C++ -*-===//
//
// A guard locked again where it is only reached by reference -- a helper
// taking `std::unique_lock<std::mutex> &l`, a lambda capturing `&l` --
// locks the guard's mutex, which is known where the guard was made, not
// where it is used. There the guard variable itself stands in for the
// lock (a var path of guard type, held as asserted: no summary reports
// it). The call or lambda creation that hands the guard on binds the
// stand-in to the mutexes the caller's guard holds (CallSite::Guards),
// and the entry state of the callee's context substitutes them when its
// held locks are read. A stand-in no call binds is held as nothing.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_GUARDSTANDINS_H
#define MAPRACE_GUARDSTANDINS_H

#include "AccessPath.h"
#include "CallBinding.h"
#include "LockModel.h"
#include "LockSet.h"
#include "llvm/ADT/SmallVector.h"
#include <utility>

namespace maprace {

struct PointState;

/// A stand-in (in the callee's terms) and the mutexes it stands for (in
/// the caller's terms at the call; in the callee's in an entry state).
using GuardBinding = std::pair<AccessPath, llvm::SmallVector<AccessPath, 1>>;
using GuardBindings = llvm::SmallVector<GuardBinding, 0>;

/// P is a guard variable standing in for its mutexes.
bool isGuardStandIn(const AccessPath &P, const LockModel &Locks);

/// The mutexes Bs binds stand-in P to, or null.
const llvm::SmallVector<AccessPath, 1> *boundMutexes(const GuardBindings &Bs,
                                                     const AccessPath &P);

/// Keeps the bindings both have alike; returns whether A changed (a guard
/// bound to different mutexes by two calls is bound to none).
bool intersectGuardBindings(GuardBindings &A, const GuardBindings &B);

/// The callee's bindings at a call: AtCall's, in the callee's terms (B),
/// where a mutex that is the caller's own stand-in is what the caller's
/// entry (CallerEntry) binds it to. A binding not fully known is dropped.
GuardBindings bindGuards(const GuardBindings &AtCall,
                         const GuardBindings &CallerEntry,
                         const CallBinding &B, const LockModel &Locks);

/// The locks held at P of a function entered holding EntryHeld, with its
/// guards bound by Bs: what it released and took by then applied, bound
/// stand-ins replaced by their mutexes, unbound ones dropped.
LockSet heldWithGuards(const LockSet &EntryHeld, const GuardBindings &Bs,
                       const PointState &P, const LockModel &Locks);

} // namespace maprace

#endif
