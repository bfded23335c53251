#include "LockModel.h"
#include "EventLoopModel.h"
#include "NameUtil.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace maprace {

namespace {

enum class NameOp {
  None,
  Lock,
  LockShared,
  Unlock,
  TryLock,
  TryLockShared,
  Assert,
  AssertShared
};

/// Member function names that lock or unlock the object they are called on.
NameOp memberNameOp(llvm::StringRef N) {
  return llvm::StringSwitch<NameOp>(N)
      .Cases({"lock", "Lock", "WriterLock", "LockExclusive", "lock_exclusive",
              "Acquire", "acquire", "WriteLock", "wrlock"},
             NameOp::Lock)
      .Cases({"lock_shared", "LockShared", "ReaderLock", "ReadLock",
              "lock_read", "AcquireShared", "rdlock", "lock_sharable"},
             NameOp::LockShared)
      .Cases({"unlock", "Unlock", "UnLock", "unlock_shared", "UnlockShared",
              "ReaderUnlock", "WriterUnlock", "ReadUnlock", "WriteUnlock",
              "Release", "release", "ReleaseShared", "unlock_sharable"},
             NameOp::Unlock)
      .Cases({"try_lock", "TryLock", "try_lock_for", "try_lock_until",
              "TryLockFor", "TryLockUntil", "WriterTryLock", "TryAcquire"},
             NameOp::TryLock)
      .Cases({"try_lock_shared", "try_lock_shared_for",
              "try_lock_shared_until", "ReaderTryLock", "TryLockShared"},
             NameOp::TryLockShared)
      .Cases({"AssertHeld", "assertHeld", "AssertLockHeld", "assert_held",
              "AssertExclusiveHeld", "AssertWriterHeld", "assertLocked",
              "AssertLocked"},
             NameOp::Assert)
      .Cases({"AssertReaderHeld", "AssertSharedHeld", "assertSharedHeld",
              "AssertReadHeld"},
             NameOp::AssertShared)
      .Default(NameOp::None);
}

const llvm::StringRef StdMutexes[] = {
    "std::mutex",          "std::recursive_mutex", "std::timed_mutex",
    "std::recursive_timed_mutex", "std::shared_mutex",
    "std::shared_timed_mutex", "absl::Mutex", "boost::mutex",
    "boost::recursive_mutex", "boost::timed_mutex", "boost::shared_mutex",
    "boost::upgrade_mutex", "folly::SharedMutex", "folly::SpinLock",
    "folly::MicroSpinLock", "llvm::sys::Mutex", "llvm::sys::RWMutex",
    "llvm::sys::SmartMutex", "llvm::sys::SmartRWMutex",
};

bool isPthreadLockType(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *TT = T->getAs<TypedefType>()) {
    llvm::StringRef N = TT->getDecl()->getName();
    return N == "pthread_mutex_t" || N == "pthread_rwlock_t" ||
           N == "pthread_spinlock_t";
  }
  return false;
}

const RecordDecl *templateOrSelf(const CXXRecordDecl *RD,
                                 const NamedDecl *&Named) {
  Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  return RD;
}

} // namespace

LockTag lockTagOf(const Expr *E) {
  if (!E)
    return LockTag::None;
  const CXXRecordDecl *RD = classOf(E->getType());
  if (!RD || !isInStd(RD))
    return LockTag::None;
  llvm::StringRef N = RD->getName();
  if (N == "defer_lock_t")
    return LockTag::Defer;
  if (N == "try_to_lock_t")
    return LockTag::Try;
  if (N == "adopt_lock_t")
    return LockTag::Adopt;
  return LockTag::None;
}

bool LockModel::isKnownMutexClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  const NamedDecl *Named = nullptr;
  templateOrSelf(RD, Named);
  if (RD->hasAttr<CapabilityAttr>() ||
      declNameMatches(Named, Opts.MutexTypes))
    return true;
  return hasQualifiedName(Named, StdMutexes);
}

bool LockModel::isMutexClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  RD = RD->getCanonicalDecl();
  auto It = MutexCache.find(RD);
  if (It != MutexCache.end())
    return It->second;
  bool Result = isKnownMutexClass(RD);
  // Shape: a project class (not a guard) with both a lock-like and an
  // unlock-like member function, e.g. `class SpinLock { void Lock(); void
  // Unlock(); }`. Guards are excluded: their unlock() releases a mutex
  // they hold, not themselves.
  if (!Result && !isInStd(RD) && RD->hasDefinition() &&
      !guardTypeOf(RD)) {
    bool HasLock = false, HasUnlock = false;
    for (const CXXMethodDecl *MD : RD->getDefinition()->methods()) {
      if (!MD->getIdentifier())
        continue;
      // Acquire()/Release() alone are too common (pools, ref counts).
      if (!MD->getName().contains_insensitive("lock"))
        continue;
      NameOp Op = memberNameOp(MD->getName());
      HasLock |= Op == NameOp::Lock || Op == NameOp::LockShared;
      // (AssertHeld alone does not make a mutex.)
      HasUnlock |= Op == NameOp::Unlock;
    }
    Result = HasLock && HasUnlock;
  }
  // A class deriving from a mutex is one (`class CacheAlignedMutex : public
  // Mutex {}`, `class MyMutex : public std::mutex {}`); guards excepted.
  if (!Result && RD->hasDefinition() && !guardTypeOf(RD)) {
    MutexCache[RD] = false; // no cycles, but be safe against re-entry
    for (const CXXBaseSpecifier &B : RD->getDefinition()->bases())
      if (isMutexClass(B.getType()->getAsCXXRecordDecl())) {
        Result = true;
        break;
      }
  }
  MutexCache[RD] = Result;
  return Result;
}

bool LockModel::isMutexType(QualType T) const {
  if (T.isNull())
    return false;
  if (isPthreadLockType(T))
    return true;
  return isMutexClass(classOf(T));
}

std::optional<GuardType> LockModel::guardType(QualType T) const {
  return guardTypeOf(classOf(T));
}

std::optional<GuardType>
LockModel::guardTypeOf(const CXXRecordDecl *RD) const {
  if (!RD)
    return std::nullopt;
  RD = RD->getCanonicalDecl();
  auto It = GuardCache.find(RD);
  if (It != GuardCache.end())
    return It->second;
  GuardCache[RD] = std::nullopt; // a class that holds itself is no guard
  std::optional<GuardType> GT = computeGuardType(RD);
  GuardCache[RD] = GT; // computing may have grown the map: look it up again
  return GT;
}

const FieldDecl *LockModel::wrappedGuard(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition() || isInStd(RD) || isInSystemHeader(RD))
    return nullptr;
  RD = RD->getDefinition();
  const FieldDecl *Only = nullptr;
  for (const FieldDecl *F : RD->fields()) {
    if (Only)
      return nullptr; // more than the guard: an object that also locks
    Only = F;
  }
  if (!Only)
    return nullptr;
  const CXXRecordDecl *Inner = Only->getType()->getAsCXXRecordDecl();
  if (!Inner || !isInStd(Inner))
    return nullptr;
  std::optional<GuardType> GT = guardTypeOf(Inner);
  return GT && (GT->Kind == GuardKind::UniqueLock ||
                GT->Kind == GuardKind::LockGuard)
             ? Only
             : nullptr;
}

LockModel::GuardMethod
LockModel::wrapperMethod(const CXXMethodDecl *MD) const {
  const FieldDecl *G = MD ? wrappedGuard(MD->getParent()) : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!G || !MD->isDefined(Def) || !Def->getBody())
    return GuardMethod::Other;
  // The first call made on the wrapped guard decides.
  llvm::SmallVector<const Stmt *, 16> Work{Def->getBody()};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
      if (const auto *ME = dyn_cast<MemberExpr>(
              MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
        if (ME->getMemberDecl() == G)
          return guardMethod(MC->getMethodDecl());
    llvm::SmallVector<const Stmt *, 8> Kids(S->child_begin(), S->child_end());
    Work.append(Kids.rbegin(), Kids.rend());
  }
  return GuardMethod::Other;
}

std::optional<GuardType>
LockModel::computeGuardType(const CXXRecordDecl *RD) const {
  const NamedDecl *Named = nullptr;
  templateOrSelf(RD, Named);
  std::string QN = qualifiedName(Named);
  llvm::StringRef Q(QN);
  if (Q == "std::lock_guard" || Q == "boost::lock_guard")
    return GuardType{GuardKind::LockGuard, LockMode::Exclusive};
  if (Q == "std::unique_lock" || Q == "boost::unique_lock")
    return GuardType{GuardKind::UniqueLock, LockMode::Exclusive};
  if (Q == "std::shared_lock" || Q == "boost::shared_lock")
    return GuardType{GuardKind::UniqueLock, LockMode::Shared};
  if (Q == "std::scoped_lock")
    return GuardType{GuardKind::ScopedLock, LockMode::Exclusive};
  if (RD->hasAttr<ScopedLockableAttr>())
    return GuardType{GuardKind::AttrScoped, LockMode::Exclusive};
  if (Q == "absl::MutexLock" || Q == "absl::WriterMutexLock" ||
      nameMatches(Q, Named->getName(), Opts.ScopedLockTypes))
    return GuardType{GuardKind::LockGuard, LockMode::Exclusive};
  if (Q == "absl::ReaderMutexLock" ||
      nameMatches(Q, Named->getName(), Opts.ReaderLockTypes))
    return GuardType{GuardKind::LockGuard, LockMode::Shared};
  // A project class holding nothing but a std guard is one itself
  // (`class Guard { std::unique_lock<std::mutex> lock_; ... };`).
  if (const FieldDecl *F = wrappedGuard(RD))
    return GuardType{GuardKind::Wrapper,
                     guardTypeOf(F->getType()->getAsCXXRecordDecl())->Mode};
  return std::nullopt;
}

std::optional<LockCall>
LockModel::attributeEffect(const FunctionDecl *FD) const {
  if (!FD || !FD->hasAttrs())
    return std::nullopt;
  auto AddArgs = [](LockCall &LC, auto Args) {
    bool Any = false;
    for (const Expr *A : Args) {
      LC.Mutexes.push_back({A, true});
      Any = true;
    }
    if (!Any)
      LC.Mutexes.push_back({nullptr, true}); // `this`
  };
  for (const Attr *A : FD->attrs()) {
    if (const auto *AA = dyn_cast<AcquireCapabilityAttr>(A)) {
      LockCall LC;
      LC.Op = LockCall::Acquire;
      LC.Mode = AA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      AddArgs(LC, AA->args());
      return LC;
    }
    if (const auto *RA = dyn_cast<ReleaseCapabilityAttr>(A)) {
      LockCall LC;
      LC.Op = LockCall::Release;
      AddArgs(LC, RA->args());
      return LC;
    }
    if (const auto *SA = dyn_cast<AssertCapabilityAttr>(A)) {
      LockCall LC;
      LC.Op = LockCall::Assert;
      LC.Mode = SA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      AddArgs(LC, SA->args());
      return LC;
    }
    if (const auto *TA = dyn_cast<TryAcquireCapabilityAttr>(A)) {
      LockCall LC;
      LC.Op = LockCall::TryAcquire;
      LC.Mode = TA->isShared() ? LockMode::Shared : LockMode::Exclusive;
      if (const auto *B = dyn_cast_or_null<CXXBoolLiteralExpr>(
              TA->getSuccessValue()->IgnoreParenImpCasts()))
        LC.SuccessValue = B->getValue() ? 1 : 0;
      else if (const auto *I = dyn_cast_or_null<IntegerLiteral>(
                   TA->getSuccessValue()->IgnoreParenImpCasts()))
        LC.SuccessValue = I->getValue().isZero() ? 0 : 1;
      AddArgs(LC, TA->args());
      return LC;
    }
  }
  return std::nullopt;
}

std::optional<LockCall> LockModel::classifyCall(const CallExpr *CE) const {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD)
    return std::nullopt;
  if (std::optional<LockCall> LC = attributeEffect(FD))
    return LC;
  return classifyByName(CE, FD);
}

std::optional<LockCall>
LockModel::classifyByName(const CallExpr *CE, const FunctionDecl *FD) const {
  // Member calls on a mutex object.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (!MD->getIdentifier())
      return std::nullopt;
    const CXXRecordDecl *RD = MD->getParent();
    LockCall LC;
    LC.Mutexes.push_back({nullptr, false});
    if (declNameMatches(MD, Opts.LockFunctions)) {
      LC.Op = LockCall::Acquire;
      return LC;
    }
    if (declNameMatches(MD, Opts.SharedLockFunctions)) {
      LC.Op = LockCall::Acquire;
      LC.Mode = LockMode::Shared;
      return LC;
    }
    if (declNameMatches(MD, Opts.UnlockFunctions)) {
      LC.Op = LockCall::Release;
      return LC;
    }
    // `loop_->assertInLoopThread()`, `if (loop_->isInLoopThread())`.
    if (isLoopThreadCheck(MD, Opts)) {
      LC.Role = loopThreadRole(RD, Opts);
      if (!LC.Role)
        LC.Role = MD->getCanonicalDecl();
      if (isLoopThreadAssert(MD)) {
        LC.Op = LockCall::Assert;
      } else {
        LC.Op = LockCall::TryAcquire;
        LC.SuccessValue = 1;
      }
      return LC;
    }
    if (!isMutexClass(RD))
      return std::nullopt;
    NameOp Op = memberNameOp(MD->getName());
    // A project mutex whose member has a visible body is described by its
    // summary; only library and out-of-line members are taken by name.
    // Assertions and try-locks are taken by name always: a summary cannot
    // carry "held from here on" or "acquired when it returns true".
    if (MD->hasBody() && !isInSystemHeader(MD) && !isKnownMutexClass(RD) &&
        Op != NameOp::Assert && Op != NameOp::AssertShared &&
        Op != NameOp::TryLock && Op != NameOp::TryLockShared)
      return std::nullopt;
    switch (Op) {
    case NameOp::Lock:
      LC.Op = LockCall::Acquire;
      return LC;
    case NameOp::LockShared:
      LC.Op = LockCall::Acquire;
      LC.Mode = LockMode::Shared;
      return LC;
    case NameOp::Unlock:
      LC.Op = LockCall::Release;
      return LC;
    case NameOp::TryLock:
      LC.Op = LockCall::TryAcquire;
      return LC;
    case NameOp::TryLockShared:
      LC.Op = LockCall::TryAcquire;
      LC.Mode = LockMode::Shared;
      return LC;
    case NameOp::Assert:
      LC.Op = LockCall::Assert;
      return LC;
    case NameOp::AssertShared:
      LC.Op = LockCall::Assert;
      LC.Mode = LockMode::Shared;
      return LC;
    case NameOp::None:
      return std::nullopt;
    }
    return std::nullopt;
  }

  if (!FD->getIdentifier())
    return std::nullopt;
  llvm::StringRef N = FD->getName();

  // std::lock(a, b, ...) acquires every argument; std::try_lock returns
  // -1 when it got them all.
  if (hasQualifiedName(FD, {"std::lock", "boost::lock", "std::try_lock"})) {
    LockCall LC;
    if (N == "try_lock") {
      LC.Op = LockCall::TryAcquire;
      LC.SuccessValue = -1;
    }
    for (const Expr *A : CE->arguments())
      LC.Mutexes.push_back({A, false});
    return LC;
  }

  // POSIX threads: the mutex is the first argument (a pointer).
  if (N.starts_with("pthread_") && CE->getNumArgs() >= 1 &&
      FD->getDeclContext()->getRedeclContext()->isTranslationUnit()) {
    LockCall LC;
    LC.Mutexes.push_back({CE->getArg(0), false});
    if (N == "pthread_mutex_lock" || N == "pthread_rwlock_wrlock" ||
        N == "pthread_spin_lock") {
      LC.Op = LockCall::Acquire;
      return LC;
    }
    if (N == "pthread_rwlock_rdlock") {
      LC.Op = LockCall::Acquire;
      LC.Mode = LockMode::Shared;
      return LC;
    }
    if (N == "pthread_mutex_unlock" || N == "pthread_rwlock_unlock" ||
        N == "pthread_spin_unlock") {
      LC.Op = LockCall::Release;
      return LC;
    }
    if (N == "pthread_mutex_trylock" || N == "pthread_rwlock_trywrlock" ||
        N == "pthread_spin_trylock") {
      LC.Op = LockCall::TryAcquire;
      LC.SuccessValue = 0;
      return LC;
    }
    if (N == "pthread_rwlock_tryrdlock") {
      LC.Op = LockCall::TryAcquire;
      LC.Mode = LockMode::Shared;
      LC.SuccessValue = 0;
      return LC;
    }
    return std::nullopt;
  }

  // Free functions named by the options lock their first argument.
  if (CE->getNumArgs() >= 1) {
    LockCall LC;
    LC.Mutexes.push_back({CE->getArg(0), false});
    if (declNameMatches(FD, Opts.LockFunctions)) {
      LC.Op = LockCall::Acquire;
      return LC;
    }
    if (declNameMatches(FD, Opts.SharedLockFunctions)) {
      LC.Op = LockCall::Acquire;
      LC.Mode = LockMode::Shared;
      return LC;
    }
    if (declNameMatches(FD, Opts.UnlockFunctions)) {
      LC.Op = LockCall::Release;
      return LC;
    }
  }
  return std::nullopt;
}

const Expr *LockModel::guardedBy(const ValueDecl *D) {
  if (!D)
    return nullptr;
  if (const auto *G = D->getAttr<GuardedByAttr>())
    return G->getArg();
  if (const auto *G = D->getAttr<PtGuardedByAttr>())
    return G->getArg();
  return nullptr;
}

LockModel::GuardMethod LockModel::guardMethod(const CXXMethodDecl *MD) {
  if (!MD)
    return GuardMethod::Other;
  if (isa<CXXConversionDecl>(MD))
    return GuardMethod::OwnsLock; // explicit operator bool
  if (!MD->getIdentifier())
    return GuardMethod::Other;
  return llvm::StringSwitch<GuardMethod>(MD->getName())
      .Cases({"lock", "Lock", "Acquire"}, GuardMethod::Lock)
      // `Release()` (capitalised) ends a holder early, as in absl's
      // ReleasableMutexLock; std's `release()` only disassociates.
      .Cases({"unlock", "Unlock", "Release"}, GuardMethod::Unlock)
      .Cases({"try_lock", "try_lock_for", "try_lock_until"},
             GuardMethod::TryLock)
      .Case("release", GuardMethod::Release)
      .Case("owns_lock", GuardMethod::OwnsLock)
      .Default(GuardMethod::Other);
}

} // namespace maprace
