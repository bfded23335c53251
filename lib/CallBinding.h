//===- CallBinding.h - Moving paths across a call -------------------------===//
//
// A summary speaks in the callee's terms (`this->mu_`, parameter `m`); a call
// site binds those to the caller's objects. toCaller() applies a summary at a
// call; toCallee() carries the caller's held locks into the callee (the
// "...Locked helper" idiom).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CALLBINDING_H
#define MAPRACE_CALLBINDING_H

#include "AccessPath.h"
#include "LockSet.h"
#include "PathResolver.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace maprace {

using MemberBindings = llvm::DenseMap<const clang::FieldDecl *, AccessPath>;

struct CallBinding {
  const clang::FunctionDecl *Callee = nullptr;
  /// The callee's `this` in caller terms.
  std::optional<AccessPath> Object;
  /// Reference/pointer members of the object bound by its constructor
  /// (`MutexLock(Mutex *mu) : mu_(mu)`), in caller terms.
  const MemberBindings *ObjectMembers = nullptr;
  /// Parameter I's object in caller terms (reference/pointer parameters).
  llvm::SmallVector<std::optional<AccessPath>, 4> Args;
  /// Pointer parameters (bit = index) given a null pointer constant: bound
  /// to no object at all.
  uint64_t NullArgs = 0;
};

/// A call's arguments, without the object of a member operator call.
llvm::SmallVector<const clang::Expr *, 4> callArguments(const clang::CallExpr *CE);

/// Binds B.Callee's reference and pointer parameters to Args as R resolves
/// them (the others stay unbound), and marks pointers given `nullptr`.
void bindArguments(CallBinding &B, llvm::ArrayRef<const clang::Expr *> Args,
                   const PathResolver &R, clang::ASTContext &AST);

std::optional<AccessPath> toCaller(const AccessPath &P, const CallBinding &B);
std::optional<AccessPath> toCallee(const AccessPath &P, const CallBinding &B);

LockSet toCaller(const LockSet &L, const CallBinding &B);
PathSet toCaller(const PathSet &S, const CallBinding &B);
LockSet toCallee(const LockSet &L, const CallBinding &B);

/// True if VD is declared inside FD (or a lambda nested in it).
bool isDeclaredWithin(const clang::VarDecl *VD, const clang::FunctionDecl *FD);

} // namespace maprace

#endif
