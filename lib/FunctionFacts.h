//===- FunctionFacts.h - What one function does, and its summary ----------===//
//
// The output of the per-function lockset analysis. Everything is in the
// function's own terms: locks it acquired itself, entry locks it released,
// threads it started. The translation-unit pass (TranslationUnitAnalysis)
// later combines these with what callers hold.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_FUNCTIONFACTS_H
#define MAPRACE_FUNCTIONFACTS_H

#include "AccessPath.h"
#include "CallBinding.h"
#include "ContainerModel.h"
#include "GuardStandIns.h"
#include "LockSet.h"
#include "ThreadModel.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace maprace {

/// A lock that was released before an access, for the "released here" note.
struct ReleaseSite {
  AccessPath Path;
  clang::SourceLocation Loc;
  bool Temporary = false; ///< released by a temporary guard's destructor
};

/// The lock and thread state at one program point, relative to the entry of
/// the function.
struct PointState {
  LockSet Acquired;     ///< must-held locks acquired in this function
  PathSet ReleasedEntry; ///< locks released here that callers may hold
  ThreadSet Live;       ///< threads started here (or by callees) not joined
  PathSet Joined;       ///< thread groups joined on every path to here
  llvm::SmallVector<ReleaseSite, 0> Releases;
};

/// One container access made by the function (directly, or through a call
/// that passed the container by reference: then CallChain is non-empty).
struct LocalAccess {
  AccessPath Path;
  AccessKind Kind = AccessKind::Read;
  const clang::Expr *E = nullptr;      ///< innermost access expression
  clang::SourceLocation Loc;           ///< where to report it
  const clang::FunctionDecl *InnerFunction = nullptr; ///< function of E
  std::string Detail;                  ///< e.g. "'operator[]' inserts"
  clang::QualType ContainerType;       ///< as written at the access
  PointState State;
  /// Call sites from this function down to the function containing E.
  llvm::SmallVector<clang::SourceLocation, 2> CallChain;
  /// The loop whose header drives this access (range-for), if any.
  const clang::Stmt *Loop = nullptr;
  /// The call making the access (null for range-for), and the member
  /// function's name ("erase", "operator[]") when it is a member call.
  const clang::Expr *Call = nullptr;
  std::string Method;
  /// For an access reached through a call: that call, in this function.
  const clang::Expr *ViaCallExpr = nullptr;
  /// `operator[]` on a map whose result is only read (it inserts as a side
  /// effect): find() would read without writing.
  bool InsertingRead = false;
  /// Thread groups this function joins after the access on some path: the
  /// threads in them are still running here (`~S() { q_.clear();
  /// worker_.join(); }`).
  PathSet JoinsAhead;

  // Moves are noexcept so that a growing vector of these moves its elements
  // instead of copying each one (SmallVector's own moves are not noexcept,
  // which would make the implicit ones potentially-throwing).
  LocalAccess() = default;
  LocalAccess(const LocalAccess &) = default;
  LocalAccess &operator=(const LocalAccess &) = default;
  LocalAccess(LocalAccess &&) noexcept = default;
  LocalAccess &operator=(LocalAccess &&) noexcept = default;
};

/// A call to a function analysed in this translation unit.
struct CallSite {
  const clang::FunctionDecl *Callee = nullptr;
  clang::SourceLocation Loc;
  /// The callee's `this` in caller terms (null if unknown or static).
  std::optional<AccessPath> Object;
  /// The callee's reference/pointer parameters in caller terms.
  llvm::SmallVector<std::optional<AccessPath>, 4> Args;
  /// Pointer parameters (bit = index) given `nullptr`: no object to share.
  uint64_t NullArgs = 0;
  PointState State;
  /// The call is made on the caller's own object (`this->f()`): lets
  /// constructor/destructor privacy flow into helpers.
  bool OnThisObject = false;
  /// A virtual call's override (not the function the call names): the
  /// override runs here, but a public one may be called directly, too.
  bool Dispatched = false;
  /// A lambda posted to an event loop: it runs later, on the loop's thread,
  /// under State's locks only (none of the caller's).
  bool Deferred = false;
  /// A lambda kept in a std::function (`svr.Get(path, [](Response &res)
  /// {...})`), run here as where it is made: whoever calls the function
  /// later hands its parameters their objects, per call. Nothing here
  /// binds them, so each call's are taken as its own.
  bool ArgsPerCall = false;
  /// The spawner runs its own share of a loop's threads' work in place:
  /// the object or parameters (bit = index) bound to the first element of
  /// a container whose later elements the loop hands each thread.
  bool KeptElementObject = false;
  uint64_t KeptElementArgs = 0;
  const clang::Expr *CallExpr = nullptr;
  /// The callee's guards reached by reference (a guard parameter, a guard
  /// a lambda captures by reference), bound to the mutexes the caller's
  /// guard holds (GuardStandIns.h).
  GuardBindings Guards;
  /// Members of the callee's object that its constructor bound to the
  /// caller's objects (a call on a local built here), in caller terms.
  MemberBindings ObjectMembers;

  // noexcept moves, as for LocalAccess.
  CallSite() = default;
  CallSite(const CallSite &) = default;
  CallSite &operator=(const CallSite &) = default;
  CallSite(CallSite &&) noexcept = default;
  CallSite &operator=(CallSite &&) noexcept = default;
};

static_assert(std::is_nothrow_move_constructible_v<LocalAccess> &&
              std::is_nothrow_move_constructible_v<CallSite>);

/// Everything known about one thread start (indexed by its thread id).
struct ThreadStartInfo {
  unsigned Id = 0;
  StartKind Kind = StartKind::Thread;
  const clang::FunctionDecl *Spawner = nullptr;
  const clang::FunctionDecl *Body = nullptr;
  clang::SourceLocation Loc;
  std::optional<AccessPath> Object;
  llvm::SmallVector<std::optional<AccessPath>, 4> ParamBindings;
  /// The thread handle (variable, member, or container of threads).
  std::optional<AccessPath> Group;
  /// The same handle as callers name it (`Start(t)` stores into the
  /// caller's `t`; `w.Start()` into `w.t_`).
  llvm::SmallVector<AccessPath, 1> GroupAliases;

  /// Joining G joins this thread.
  bool inGroup(const AccessPath &G) const {
    if (Group && *Group == G)
      return true;
    for (const AccessPath &A : GroupAliases)
      if (A == G)
        return true;
    return false;
  }
  /// One of these joined groups is this thread's.
  bool joinedBy(const PathSet &Joined) const {
    for (const AccessPath &G : Joined)
      if (inGroup(G))
        return true;
    return false;
  }
  /// Started inside a loop: several instances run at once.
  bool InLoop = false;
  /// Parameters (bit = index) and the object the start hands the element
  /// of its loop's own iteration (`&states[i]`): each instance has its own.
  uint64_t OwnElementParams = 0;
  bool OwnElementObject = false;
  /// The container whose elements the loop hands out from the second on
  /// (`for (i = 1; ...) start(&states[i])`): the first is the spawner's.
  std::optional<AccessPath> SpawnerKeepsFirstOf;
  /// Not joined on every path before the spawner returns.
  bool Escapes = false;
  /// Threads of the spawner that were running when this one started.
  ThreadSet LiveAtStartLocal;
  /// The body's parameter accesses, translated through ParamBindings.
  std::vector<LocalAccess> LiftedAccesses;
};

struct FunctionSummary {
  /// Net lock effect at normal exit, in the function's terms.
  LockSet AcquiredAtExit;
  PathSet ReleasedAtExit;
  /// The function returns a guard that holds these locks.
  std::optional<LockSet> ReturnedGuard;
  /// The function returns a reference or pointer to this object (an
  /// accessor, a singleton's `instance()`), in its own terms.
  std::optional<AccessPath> ReturnedPath;
  /// Accesses to containers reachable from reference/pointer parameters.
  std::vector<LocalAccess> ParamAccesses;
  /// Accesses to the object's own member containers: a caller that calls
  /// this on one of *its* members (`bag_.Add(x)`) makes them accesses to
  /// `bag_.items_`.
  std::vector<LocalAccess> ThisAccesses;
  /// Threads started and still running when the function returns.
  ThreadSet EscapedThreads;
  /// Thread groups (members, globals) joined on every path.
  PathSet JoinedGroups;
  /// The function releases a lock it did not acquire (for callers' loops).
  bool ReleasesEntryLock = false;
  /// Those locks, even if it takes them again before returning: a caller
  /// looping over a container loses them during the call.
  PathSet ReleasedSomewhere;
  /// Guards passed by reference (`void Drop(std::unique_lock<M> &lk)`):
  /// per parameter index, whether the callee unlocks them (at some point,
  /// and at exit).
  llvm::DenseMap<unsigned, std::pair<bool, bool>> GuardParamUnlocks;
  bool hasLockEffect() const {
    return !AcquiredAtExit.empty() || !ReleasedAtExit.empty();
  }
};

/// A loop over a container: a range-for, an iterator loop
/// (`for (auto it = c.begin(); it != c.end(); ++it)`), or an algorithm
/// called on `c.begin(), c.end()`.
struct LoopFacts {
  const clang::Stmt *Loop = nullptr;
  const clang::Stmt *Body = nullptr; ///< null for an algorithm call
  clang::SourceLocation Loc;         ///< the `for`, or the call
  AccessPath Container;
  ContainerFamily Family = ContainerFamily::Vector;
  /// The access that starts the loop (range-for, `c.begin()`).
  size_t StartAccess = ~size_t(0);
  /// Locks held when the loop starts but not at some point of its body
  /// (released inside, even if taken again before the next iteration).
  PathSet NotHeldThroughout;
  clang::SourceLocation ReleaseInside;
  /// The body invalidates the loop's own iterator (first such mutation).
  bool Invalidated = false;
  clang::SourceLocation MutationLoc;
  std::string MutationWhat;
  clang::SourceLocation MutationCall; ///< when reached through a call
};

/// An iterator, reference or pointer into a container, obtained while a lock
/// was held and used (or returned) after the lock is gone.
struct EscapedHandle {
  std::string HandleKind;  ///< "iterator", "reference", "pointer"
  std::string HandleName;  ///< the variable, or empty for a returned value
  AccessPath Container;
  clang::QualType ContainerType;
  AccessPath Lock;
  clang::SourceLocation UseLoc;      ///< the use, or the return
  clang::SourceLocation CreatedLoc;  ///< where it was obtained
  std::string Method;                ///< what produced it ("find")
  clang::SourceLocation ReleaseLoc;  ///< where the lock was released
  bool ReleasedByTemporary = false;
  bool Returned = false;             ///< returned to the caller
  bool Retaken = false;              ///< the lock was taken again since
  /// The access that produced the handle (index into Accesses).
  size_t CreationAccess = ~size_t(0);
};

struct FunctionFacts {
  const clang::FunctionDecl *FD = nullptr;
  std::vector<LocalAccess> Accesses;
  std::vector<CallSite> Calls;
  /// Calls to functions whose body is in another file, made only while
  /// recording a project's calls (AnalysisOptions::CallerLocksOut).
  std::vector<CallSite> OutOfUnitCalls;
  std::vector<unsigned> ThreadStarts;
  std::vector<LoopFacts> Loops;
  std::vector<EscapedHandle> EscapedHandles;
  FunctionSummary Summary;
  /// The analysis gave up (budget, CFG failure): the function reports
  /// nothing and its summary is empty.
  bool Skipped = false;
  std::string SkipReason;
};

} // namespace maprace

#endif
