//===- EventLoopModel.h - Code that runs on an event loop's own thread ----===//
//
// Event-loop libraries (the muduo family: libhv, trantor, evpp) keep
// their loop's state unlocked and touch it only on the loop's thread.
// Two conventions say where that is:
//   * a check on the loop object: `loop_->assertInLoopThread()` (held from
//     there on) or `if (loop_->isInLoopThread()) ...` (held in the branch
//     where it returned true);
//   * a callable posted to the loop, `loop_->runInLoop([this] { ... })`
//     or given to one of its timers (`loop->runAfter(2.0, ...)`): it runs
//     later, on the loop's thread, without the poster's locks.
// Both are modelled as one capability per loop object, its *loop-thread
// role*: the path of the loop object followed by the class's first check
// or post member (`loop_.isInLoopThread()`). Code holding the same role
// runs on one thread, one piece at a time, as code holding one mutex
// does. A role is never a class's own lock: it says the state is driven by
// one thread, not that it is meant to be shared.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_EVENTLOOPMODEL_H
#define MAPRACE_EVENTLOOPMODEL_H

#include "AccessPath.h"
#include "AnalysisOptions.h"
#include "clang/AST/DeclCXX.h"

namespace maprace {

/// A member function telling whether the caller runs on the object's loop
/// thread (`isInLoopThread`), or asserting it (`assertInLoopThread`):
/// built-in names and the LoopThreadChecks option.
bool isLoopThreadCheck(const clang::CXXMethodDecl *MD,
                       const AnalysisOptions &Opts);
/// The check asserts (its name starts with "assert"): held from the call on.
bool isLoopThreadAssert(const clang::CXXMethodDecl *MD);

/// A member function whose callable argument runs later on the object's
/// loop thread (`runInLoop`, `queueInLoop`; the LoopPostFunctions option;
/// the loop's timers `runAfter`, `runEvery`, `runAt`). A post counts only
/// on a class that has a loop-thread role (below): timers name none.
bool isLoopPostFunction(const clang::CXXMethodDecl *MD,
                        const AnalysisOptions &Opts);

/// The member that names the loop-thread role of RD's objects: the first
/// check or post member (not a timer) of RD or its bases, in declaration
/// order. Null if RD has none.
const clang::CXXMethodDecl *loopThreadRole(const clang::CXXRecordDecl *RD,
                                           const AnalysisOptions &Opts);

/// Is the lock a loop-thread role (its last step a member function)?
bool isLoopThreadRole(const AccessPath &Lock);

} // namespace maprace

#endif
