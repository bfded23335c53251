//===- LoopElementArgs.cpp - A loop's own element handed to a thread ------===//

#include "LoopElementArgs.h"
#include "ExprUtil.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace maprace {

namespace {

bool isLoop(const Stmt *S) {
  return isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

/// The only loop around Site in its function; null if none or several (an
/// outer loop may hand the same element to a later round of threads).
const Stmt *onlyEnclosingLoop(const Stmt *Site, ParentMap &PM) {
  const Stmt *Found = nullptr;
  for (const Stmt *P = PM.getParent(Site); P; P = PM.getParent(P)) {
    if (!isLoop(P))
      continue;
    if (Found)
      return nullptr;
    Found = P;
  }
  return Found;
}

const VarDecl *varOf(const Expr *E) {
  if (const auto *DR = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(DR->getDecl());
  return nullptr;
}

/// The counter a `for` declares in its init and steps in its increment.
const VarDecl *counterOf(const ForStmt *F) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit());
  const Expr *Inc = F->getInc();
  if (!DS || !DS->isSingleDecl() || !Inc)
    return nullptr;
  const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
  if (!VD || !VD->getType()->isIntegerType())
    return nullptr;
  Inc = Inc->IgnoreParenImpCasts();
  const Expr *Stepped = nullptr;
  if (const auto *U = dyn_cast<UnaryOperator>(Inc); U && U->isIncrementOp())
    Stepped = U->getSubExpr();
  else if (const auto *B = dyn_cast<CompoundAssignOperator>(Inc);
           B && B->getOpcode() == BO_AddAssign)
    Stepped = B->getLHS();
  return Stepped && varOf(Stepped) == VD ? VD : nullptr;
}

/// `v[i]`, `v.at(i)`, `a[i]` with i the counter.
bool isElementAt(const Expr *E, const VarDecl *Counter) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return varOf(AS->getIdx()) == Counter;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2 &&
           varOf(OC->getArg(1)) == Counter;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const FunctionDecl *M = MC->getDirectCallee())
      return M->getIdentifier() && M->getName() == "at" &&
             MC->getNumArgs() == 1 && varOf(MC->getArg(0)) == Counter;
  return false;
}

/// `v.data() + i` / `i + v.data()`.
bool isDataPlusCounter(const Expr *E, const VarDecl *Counter) {
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!B || B->getOpcode() != BO_Add)
    return false;
  const Expr *Base = B->getLHS(), *Off = B->getRHS();
  if (varOf(Base) == Counter)
    std::swap(Base, Off);
  if (varOf(Off) != Counter)
    return false;
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Base->IgnoreParenImpCasts());
  const FunctionDecl *M = MC ? MC->getDirectCallee() : nullptr;
  return M && M->getIdentifier() && M->getName() == "data";
}

/// The object an argument hands over: what `&x` points to, what
/// `std::ref(x)` refers to; null for anything else.
const Expr *handedObject(const Expr *E) {
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    return U->getSubExpr();
  return refWrapped(E);
}

/// The container `v` of `v[i]`, `v.at(i)` or `v.data()` (any index).
const Expr *containerOfElement(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return AS->getBase();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    return OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2
               ? OC->getArg(0)
               : nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const FunctionDecl *M = MC->getDirectCallee();
        M && M->getIdentifier() &&
        (M->getName() == "at" || M->getName() == "data" ||
         M->getName() == "front"))
      return MC->getImplicitObjectArgument();
  return nullptr;
}

/// The index of `v[k]` / `v.at(k)` if it is the literal 0, or `v.front()`.
bool isFirstElement(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  const Expr *Idx = nullptr;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    Idx = AS->getIdx();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->getNumArgs() == 2)
    Idx = OC->getArg(1);
  else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const FunctionDecl *M = MC->getDirectCallee();
    if (M && M->getIdentifier() && M->getName() == "front")
      return true;
    if (M && M->getIdentifier() && M->getName() == "at" && MC->getNumArgs() == 1)
      Idx = MC->getArg(0);
  }
  const auto *L =
      Idx ? dyn_cast<IntegerLiteral>(Idx->IgnoreParenImpCasts()) : nullptr;
  return L && L->getValue() == 0;
}

} // namespace

const Expr *containerHandedFromSecond(const Expr *Arg, const Stmt *Site,
                                      ParentMap &PM) {
  const auto *F = dyn_cast_or_null<ForStmt>(onlyEnclosingLoop(Site, PM));
  const VarDecl *Counter = F ? counterOf(F) : nullptr;
  if (!Counter || !Counter->getInit() ||
      !isOwnIterationElement(Arg, Site, PM))
    return nullptr;
  const auto *Start =
      dyn_cast<IntegerLiteral>(Counter->getInit()->IgnoreParenImpCasts());
  if (!Start || Start->getValue() == 0)
    return nullptr;
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreParenImpCasts();
  if (const Expr *Obj = handedObject(E))
    return containerOfElement(Obj);
  // `v.data() + i`
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B)
    return nullptr;
  const Expr *Base = B->getLHS()->IgnoreParenImpCasts();
  if (varOf(Base) == Counter)
    Base = B->getRHS()->IgnoreParenImpCasts();
  return containerOfElement(Base);
}

const Expr *firstElementContainer(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
    if (const FunctionDecl *M = MC->getDirectCallee();
        M && M->getIdentifier() && M->getName() == "data" &&
        MC->getNumArgs() == 0)
      return MC->getImplicitObjectArgument();
  if (const Expr *Obj = handedObject(E))
    E = Obj->IgnoreParenImpCasts();
  // `*v.begin()`
  const Expr *Deref = nullptr;
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    Deref = U->getSubExpr();
  else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
           OC && OC->getOperator() == OO_Star && OC->getNumArgs() == 1)
    Deref = OC->getArg(0);
  if (Deref) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Deref->IgnoreParenImpCasts());
    const FunctionDecl *M = MC ? MC->getDirectCallee() : nullptr;
    return M && M->getIdentifier() && M->getName() == "begin"
               ? MC->getImplicitObjectArgument()
               : nullptr;
  }
  return isFirstElement(E) ? containerOfElement(E) : nullptr;
}

bool isOwnIterationElement(const Expr *Arg, const Stmt *Site, ParentMap &PM) {
  const Stmt *Loop = onlyEnclosingLoop(Site, PM);
  if (!Loop || !Arg)
    return false;
  // What is handed: the object a pointer points to, or a reference's.
  const Expr *Obj = nullptr;
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreParenImpCasts(); // a copy of the pointer
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    Obj = U->getSubExpr();
  else if (const Expr *R = refWrapped(E))
    Obj = R;
  if (const auto *F = dyn_cast<ForStmt>(Loop)) {
    const VarDecl *Counter = counterOf(F);
    if (!Counter)
      return false;
    return Obj ? isElementAt(Obj, Counter) : isDataPlusCounter(E, Counter);
  }
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(Loop)) {
    const VarDecl *LV = RF->getLoopVariable();
    return Obj && LV && LV->getType()->isReferenceType() && varOf(Obj) == LV;
  }
  return false;
}

} // namespace maprace
