//===- LoopElementArgs.cpp - A loop's own element handed to a thread ------===//

#include "LoopElementArgs.h"
#include "ExprUtil.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <optional>

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

bool isMethodNamed(const FunctionDecl *M, llvm::StringRef Name) {
  return M && M->getIdentifier() && M->getName() == Name;
}

/// An element named through its container: `v[k]`, `a[k]`, `v.at(k)`
/// (Index k), `v.front()` (no Index).
struct Element {
  const Expr *Container = nullptr;
  const Expr *Index = nullptr;
};
std::optional<Element> elementOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return Element{AS->getBase(), AS->getIdx()};
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E))
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      return Element{OC->getArg(0), OC->getArg(1)};
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const FunctionDecl *M = MC->getDirectCallee();
    if (isMethodNamed(M, "at") && MC->getNumArgs() == 1)
      return Element{MC->getImplicitObjectArgument(), MC->getArg(0)};
    if (isMethodNamed(M, "front") && MC->getNumArgs() == 0)
      return Element{MC->getImplicitObjectArgument(), nullptr};
  }
  return std::nullopt;
}

/// `v.data()`: v; null otherwise.
const Expr *dataOf(const Expr *E) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E->IgnoreParenImpCasts());
  return MC && isMethodNamed(MC->getDirectCallee(), "data") &&
                 MC->getNumArgs() == 0
             ? MC->getImplicitObjectArgument()
             : nullptr;
}

/// `p + i` / `i + p` with i the counter: p; null otherwise.
const Expr *offsetByCounter(const Expr *E, const VarDecl *Counter) {
  const auto *B = dyn_cast<BinaryOperator>(E->IgnoreParenImpCasts());
  if (!B || B->getOpcode() != BO_Add)
    return nullptr;
  const Expr *Base = B->getLHS(), *Off = B->getRHS();
  if (varOf(Base) == Counter)
    std::swap(Base, Off);
  return varOf(Off) == Counter ? Base : nullptr;
}

/// The argument itself, past a copy of a pointer.
const Expr *passedExpr(const Expr *Arg) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E); CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreParenImpCasts();
  return E;
}

/// The object an argument hands over: what `&x` points to, what
/// `std::ref(x)` refers to; null for anything else.
const Expr *handedObject(const Expr *E) {
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_AddrOf)
    return U->getSubExpr();
  return refWrapped(E);
}

/// `v[i]`, `v.at(i)`, `a[i]` with i the counter.
bool isElementAt(const Expr *E, const VarDecl *Counter) {
  std::optional<Element> El = elementOf(E);
  return El && El->Index && varOf(El->Index) == Counter;
}

/// `v.data() + i` / `i + v.data()`.
bool isDataPlusCounter(const Expr *E, const VarDecl *Counter) {
  const Expr *Base = offsetByCounter(E, Counter);
  return Base && dataOf(Base);
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
  const Expr *E = passedExpr(Arg);
  if (const Expr *Obj = handedObject(E)) {
    std::optional<Element> El = elementOf(Obj);
    return El ? El->Container : nullptr;
  }
  const Expr *Base = offsetByCounter(E, Counter); // `v.data() + i`
  return Base ? dataOf(Base) : nullptr;
}

const Expr *firstElementContainer(const Expr *E) {
  if (const Expr *V = dataOf(E))
    return V;
  E = E->IgnoreParenImpCasts();
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
    return MC && isMethodNamed(MC->getDirectCallee(), "begin")
               ? MC->getImplicitObjectArgument()
               : nullptr;
  }
  // `v[0]`, `v.at(0)`, `v.front()`
  std::optional<Element> El = elementOf(E);
  if (!El)
    return nullptr;
  const auto *L = El->Index ? dyn_cast<IntegerLiteral>(
                                  El->Index->IgnoreParenImpCasts())
                            : nullptr;
  return !El->Index || (L && L->getValue() == 0) ? El->Container : nullptr;
}

bool isOwnIterationElement(const Expr *Arg, const Stmt *Site, ParentMap &PM) {
  const Stmt *Loop = onlyEnclosingLoop(Site, PM);
  if (!Loop || !Arg)
    return false;
  // What is handed: the object a pointer points to, or a reference's.
  const Expr *E = passedExpr(Arg);
  const Expr *Obj = handedObject(E);
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
