//===- ExprUtil.cpp - Looking through expression wrappers -----------------===//
#include "ExprUtil.h"
#include "NameUtil.h"
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

const Expr *refWrapped(const Expr *E) {
  const auto *Call = dyn_cast_or_null<CallExpr>(stripTemporaries(E));
  const FunctionDecl *F = Call ? Call->getDirectCallee() : nullptr;
  if (!F || !F->getIdentifier() || !isInStd(F) || Call->getNumArgs() != 1 ||
      (F->getName() != "ref" && F->getName() != "cref"))
    return nullptr;
  return Call->getArg(0)->IgnoreParenImpCasts();
}

} // namespace maprace
