//===- LockModel.h - Which calls acquire and release which mutex ----------===//
//
// The lock vocabulary of C++ code, as data:
//   * mutex types: the std mutex family, pthread mutex/rwlock/spinlock,
//     absl/boost mutexes, classes with the `capability` attribute, the
//     MutexTypes option, and project classes shaped like a mutex (they have
//     both a Lock-like and an Unlock-like member);
//   * lock calls on them: lock/unlock/lock_shared/try_lock..., pthread_*,
//     std::lock, functions carrying acquire/release capability attributes,
//     and the Lock/Unlock function options;
//   * RAII guards: lock_guard, unique_lock, shared_lock, scoped_lock,
//     `scoped_lockable` classes and the ScopedLockTypes/ReaderLockTypes
//     options.
// Project wrappers whose bodies are visible need no entry here: their
// function summaries say what they lock (see FunctionSummary.h).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_LOCKMODEL_H
#define MAPRACE_LOCKMODEL_H

#include "AnalysisOptions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace maprace {

enum class LockMode : unsigned char { Exclusive, Shared };

enum class GuardKind : unsigned char {
  LockGuard,  ///< std::lock_guard and other holders that cannot unlock early
  UniqueLock, ///< std::unique_lock: defer/try/adopt, unlock/lock, release, move
  ScopedLock, ///< std::scoped_lock over any number of mutexes
  AttrScoped, ///< a `scoped_lockable` class: its ctor attributes say what
  Wrapper,    ///< a project class whose one member is a std guard (its
              ///< constructor's initializer for it says what it locks)
};

struct GuardType {
  GuardKind Kind = GuardKind::LockGuard;
  LockMode Mode = LockMode::Exclusive;
};

/// A mutex operand of a lock call.
struct MutexOperand {
  /// The expression naming the mutex. Null means the implicit object of a
  /// member call (`mu.lock()`), or `this` inside an attributed function.
  const clang::Expr *E = nullptr;
  /// E is written in the callee's terms (an attribute argument that refers
  /// to the callee's parameters or members) and must be translated to the
  /// call site.
  bool InCalleeTerms = false;
};

struct LockCall {
  /// Assert: the caller is known to hold the mutex (AssertHeld(),
  /// assert_capability): held from here on, though not acquired here.
  enum OpKind { Acquire, Release, TryAcquire, Assert } Op = Acquire;
  LockMode Mode = LockMode::Exclusive;
  llvm::SmallVector<MutexOperand, 2> Mutexes;
  /// For TryAcquire: the value the call returns when it got the lock:
  /// try_lock() returns true (1), pthread_*trylock 0, std::try_lock -1.
  int SuccessValue = 1;
  /// A loop-thread check (EventLoopModel.h): the capability is the role
  /// this member names, on the object the call is made on.
  const clang::CXXMethodDecl *Role = nullptr;
};

class LockModel {
public:
  explicit LockModel(const AnalysisOptions &Opts) : Opts(Opts) {}

  bool isMutexType(clang::QualType T) const;
  bool isMutexClass(const clang::CXXRecordDecl *RD) const;
  /// A mutex by name, attribute or option (not merely by shape).
  bool isKnownMutexClass(const clang::CXXRecordDecl *RD) const;
  std::optional<GuardType> guardType(clang::QualType T) const;
  std::optional<GuardType> guardTypeOf(const clang::CXXRecordDecl *RD) const;

  /// A call that locks or unlocks a mutex (not a guard's member function).
  /// Calls into project functions with visible bodies and no attributes are
  /// left to their summaries.
  std::optional<LockCall> classifyCall(const clang::CallExpr *CE) const;

  /// Capability attributes of FD (acquire/release/try-acquire), in FD's own
  /// terms. Empty if FD has none.
  std::optional<LockCall> attributeEffect(const clang::FunctionDecl *FD) const;

  /// The `guarded_by` mutex expression of a field or variable, if any.
  static const clang::Expr *guardedBy(const clang::ValueDecl *D);

  /// Names of guard member functions, by what they do to the guard.
  enum class GuardMethod { Lock, Unlock, TryLock, Release, OwnsLock, Other };
  static GuardMethod guardMethod(const clang::CXXMethodDecl *MD);

  /// The std guard member of a Wrapper guard class.
  const clang::FieldDecl *wrappedGuard(const clang::CXXRecordDecl *RD) const;
  /// What a member function of a Wrapper guard does to it: what it calls on
  /// the wrapped guard (`void UnLock() { lock_.unlock(); }`).
  GuardMethod wrapperMethod(const clang::CXXMethodDecl *MD) const;

private:
  std::optional<LockCall> classifyByName(const clang::CallExpr *CE,
                                         const clang::FunctionDecl *FD) const;
  std::optional<GuardType>
  computeGuardType(const clang::CXXRecordDecl *RD) const;
  const AnalysisOptions &Opts;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> MutexCache;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::optional<GuardType>>
      GuardCache;
};

/// `std::defer_lock`, `std::try_to_lock`, `std::adopt_lock` tags.
enum class LockTag { None, Defer, Try, Adopt };
LockTag lockTagOf(const clang::Expr *E);

} // namespace maprace

#endif
