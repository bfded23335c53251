//===- VirtualDispatch.h - Where a virtual call may go ----------*- C++ -*-===//
//
// A base class's member that takes the lock and calls a virtual hook
// (`Write() { lock_guard l(mu_); Emit(m); }`) runs the derived class's
// override under that lock. The call names the base's declaration, often
// pure; this index maps it to the overriding definitions in the
// translation unit, so that the override is analysed in the caller's
// context instead of as an entry point of its own.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_VIRTUALDISPATCH_H
#define MAPRACE_VIRTUALDISPATCH_H

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace maprace {

class OverriderIndex {
public:
  /// Notes a method definition that overrides others (it is a target of
  /// every method it overrides, directly or further up).
  void add(const clang::CXXMethodDecl *MD);

  /// The overriding definitions a call may dispatch to, besides its named
  /// callee: none unless it is a virtual call (`Base::f()` and calls on an
  /// object of a known final type are not).
  llvm::ArrayRef<const clang::FunctionDecl *>
  targetsOf(const clang::CallExpr *CE) const;

  /// Overriders of MD (canonical or not).
  llvm::ArrayRef<const clang::FunctionDecl *>
  overridersOf(const clang::CXXMethodDecl *MD) const;

private:
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      ByBase;
};

} // namespace maprace

#endif
