//===- ExprUtil.h - Looking through expression wrappers ---------*- C++ -*-===//
//
// What the user wrote under what Clang adds around it: parentheses,
// implicit casts, temporaries and their cleanups, functional casts.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_EXPRUTIL_H
#define MAPRACE_EXPRUTIL_H

#include "clang/AST/Expr.h"

namespace maprace {

/// Strips parentheses, implicit casts, MaterializeTemporaryExpr,
/// CXXBindTemporaryExpr, ExprWithCleanups and CXXFunctionalCastExpr, in any
/// order, down to the expression that produces the value.
const clang::Expr *stripTemporaries(const clang::Expr *E);

/// `std::ref(x)` / `std::cref(x)`: x, the object the wrapper refers to.
/// Null for anything else.
const clang::Expr *refWrapped(const clang::Expr *E);

} // namespace maprace

#endif
