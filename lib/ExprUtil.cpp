//===- ExprUtil.cpp - Looking through expression wrappers -----------------===//
#include "ExprUtil.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace maprace {

const Expr *stripTemporaries(const Expr *E) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    const Expr *Prev = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    if (E == Prev)
      break;
  }
  return E;
}

} // namespace maprace
