#include "PathResolver.h"
#include "NameUtil.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/LambdaCapture.h"

using namespace clang;

namespace maprace {

static constexpr unsigned MaxDepth = 16;

bool isImplicitRangeVar(const VarDecl *VD) {
  if (!VD || !VD->isImplicit() || !VD->getIdentifier())
    return false;
  llvm::StringRef N = VD->getName();
  return N.starts_with("__range") || N.starts_with("__begin") ||
         N.starts_with("__end");
}

bool PathResolver::isPrivateCopy(const VarDecl *VD) const {
  if (!VD || VD->hasGlobalStorage() || !Context)
    return false;
  const DeclContext *Home = VD->getDeclContext();
  const DeclContext *DC = Context;
  for (int Guard = 0; DC && Guard < 64; ++Guard) {
    if (DC == Home)
      return false;
    const auto *MD = dyn_cast<CXXMethodDecl>(DC);
    if (!MD || !MD->getParent()->isLambda())
      return false;
    const CXXRecordDecl *Closure = MD->getParent();
    for (const LambdaCapture &C : Closure->captures()) {
      if (!C.capturesVariable() || C.getCapturedVar() != VD)
        continue;
      if (C.getCaptureKind() == LCK_ByCopy)
        return true;
    }
    DC = Closure->getDeclContext();
  }
  return false;
}

bool PathResolver::thisIsCopy() const {
  const DeclContext *DC = Context;
  for (int Guard = 0; DC && Guard < 64; ++Guard) {
    const auto *MD = dyn_cast<CXXMethodDecl>(DC);
    if (!MD || !MD->getParent()->isLambda())
      return false;
    for (const LambdaCapture &C : MD->getParent()->captures()) {
      if (C.getCaptureKind() == LCK_StarThis)
        return true;
      if (C.getCaptureKind() == LCK_This)
        break;
    }
    DC = MD->getParent()->getDeclContext();
  }
  return false;
}

bool isSmartPointer(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return (N == "unique_ptr" || N == "shared_ptr") && isInStd(RD);
}

bool isIndirection(QualType T, bool SmartPointers) {
  return T->isPointerType() || T->isReferenceType() ||
         (SmartPointers && isSmartPointer(T));
}

bool stepsThroughIndirection(const AccessPath &P, bool SmartPointers,
                             const InteriorPointers *Interior) {
  // Only members are links; a function or local reference step names the
  // part of the object before it that an accessor or a `?:` picks.
  for (const ValueDecl *S : P.steps())
    if (const auto *F = dyn_cast_or_null<FieldDecl>(S))
      if (isIndirection(F->getType(), SmartPointers) &&
          !(Interior && Interior->isInterior(F)))
        return true;
  return false;
}

std::optional<AccessPath> pickedPart(const AccessPath &A, const AccessPath &B,
                                     const ValueDecl *Part) {
  std::optional<AccessPath> P = AccessPath::enclosing(A, B, Part);
  if (!P || *P == A)
    return P;
  size_t Shared = P->steps().size() - 1;
  for (const AccessPath *Arm : {&A, &B})
    for (const ValueDecl *S : Arm->stepsFrom(Shared))
      if (isa_and_nonnull<FieldDecl>(S) &&
          isIndirection(S->getType(), /*SmartPointers=*/true))
        return std::nullopt;
  return P;
}

const FunctionDecl *runLocalOwner(const AccessPath &P) {
  if (P.kind() != RootKind::Var || !P.var())
    return nullptr;
  const VarDecl *V = P.var();
  if (!V->isLocalVarDecl() || V->isStaticLocal() ||
      isIndirection(V->getType(), /*SmartPointers=*/true) ||
      stepsThroughIndirection(P, /*SmartPointers=*/true))
    return nullptr;
  // The definition: the one whose body holds the local (and its lambdas).
  return dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
}

bool isSharedPointer(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && RD->getIdentifier() &&
         (RD->getName() == "shared_ptr" || RD->getName() == "weak_ptr") &&
         isInStd(RD);
}

/// A std::optional holds its object inside itself: `*o`, `o->`, `o.value()`
/// name a part of o, with no indirection (unlike a smart pointer's).
static bool isOptional(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  return RD && RD->getIdentifier() && RD->getName() == "optional" &&
         isInStd(RD);
}

bool isNullPointerConstant(const Expr *E, ASTContext &AST) {
  return E->isNullPointerConstant(AST,
                                  Expr::NPC_ValueDependentIsNotNull) !=
         Expr::NPCK_NotNull;
}

/// `shared_from_this()`, `weak_from_this()`: the object itself; `w.lock()`
/// on a weak_ptr: what w points at.
static bool isSelfHandleCall(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || !MD->getIdentifier() || !isInStd(MD->getParent()))
    return false;
  llvm::StringRef N = MD->getName();
  if (N == "shared_from_this" || N == "weak_from_this")
    return true;
  return N == "lock" &&
         isSharedPointer(MC->getImplicitObjectArgument()->getType());
}

/// std::ref(x), std::move(x), std::addressof(x)...: the same object as x.
static bool isIdentityFunction(const FunctionDecl *FD) {
  if (!FD || !FD->getIdentifier() || !isInStd(FD))
    return false;
  llvm::StringRef N = FD->getName();
  return N == "ref" || N == "cref" || N == "move" || N == "forward" ||
         N == "addressof" || N == "as_const";
}

std::optional<AccessPath> PathResolver::resolveVar(const VarDecl *VD,
                                                   unsigned Depth) const {
  if (VD->getTLSKind() != VarDecl::TLS_None)
    return std::nullopt; // thread_local: one per thread
  if (VD->hasGlobalStorage())
    return AccessPath::global(VD);
  // A by-copy capture is the lambda's own object, except for pointers:
  // a copied pointer still points at the same object.
  if (isPrivateCopy(VD) && !VD->getType()->isPointerType() &&
      !isSharedPointer(VD->getType()))
    return std::nullopt;
  // Range-for variable bound to an element: "any element of the range".
  auto LR = Index.LoopVarRange.find(VD);
  if (LR != Index.LoopVarRange.end()) {
    QualType T = VD->getType();
    if (!T->isReferenceType() && !T->isPointerType())
      return AccessPath::var(VD); // a copy of the element
    if (std::optional<AccessPath> R =
            resolveImpl(LR->second->getRangeInit(), Depth + 1))
      return R->withElement();
    return AccessPath::var(VD);
  }
  QualType T = VD->getType();
  bool IsRef = T->isReferenceType();
  bool IsPtr = T->isPointerType();
  if (IsPtr && !VD->hasInit() && !Index.ReassignedVars.count(VD)) {
    auto SA = Index.SingleAssignment.find(VD);
    if (SA != Index.SingleAssignment.end()) {
      auto It = AliasCache.find(VD);
      if (It != AliasCache.end())
        return It->second ? It->second : AccessPath::var(VD);
      AliasCache[VD] = std::nullopt;
      std::optional<AccessPath> A = resolveImpl(SA->second, Depth + 1);
      AliasCache[VD] = A;
      if (A)
        return A;
    }
  }
  // A shared or weak pointer local (`auto self = shared_from_this();`,
  // `auto p = weak.lock();`) points where its initialiser does.
  bool IsShared = !IsRef && !IsPtr && isSharedPointer(T) &&
                  VD->isLocalVarDecl();
  if ((IsRef || IsPtr || IsShared) && VD->hasInit() && !isa<ParmVarDecl>(VD) &&
      !(IsPtr && Index.ReassignedVars.count(VD))) {
    auto It = AliasCache.find(VD);
    if (It != AliasCache.end())
      return It->second ? It->second : AccessPath::var(VD);
    AliasCache[VD] = std::nullopt; // cycle guard
    std::optional<AccessPath> A;
    // `auto &o = b ? x.a_ : x.b_;`: the part of x that o picks.
    const auto *CO = dyn_cast<AbstractConditionalOperator>(
        VD->getInit()->IgnoreParenImpCasts());
    if (CO && (IsRef || IsPtr)) {
      std::optional<AccessPath> T = resolveImpl(CO->getTrueExpr(), Depth + 1);
      std::optional<AccessPath> F = resolveImpl(CO->getFalseExpr(), Depth + 1);
      if (T && F)
        A = pickedPart(*T, *F, VD);
    } else {
      A = resolveImpl(VD->getInit(), Depth + 1);
    }
    AliasCache[VD] = A;
    if (A)
      return A;
  }
  return AccessPath::var(VD);
}

std::optional<AccessPath> PathResolver::resolveImpl(const Expr *E,
                                                    unsigned Depth) const {
  if (!E || Depth > MaxDepth)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    return resolveImpl(EWC->getSubExpr(), Depth + 1);
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return resolveImpl(MT->getSubExpr(), Depth + 1);
  if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
    return resolveImpl(BT->getSubExpr(), Depth + 1);

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return resolveVar(VD, Depth);
    return std::nullopt;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *Member = ME->getMemberDecl();
    if (const auto *VD = dyn_cast<VarDecl>(Member))
      return resolveVar(VD, Depth); // static data member
    const auto *FD = dyn_cast<FieldDecl>(Member);
    if (!FD)
      return std::nullopt;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (const auto *This = dyn_cast<CXXThisExpr>(Base)) {
      if (thisIsCopy())
        return std::nullopt;
      const CXXRecordDecl *RD = classOfPointee(This->getType());
      return AccessPath::thisOf(RD).withField(FD);
    }
    if (std::optional<AccessPath> B = resolveImpl(Base, Depth + 1))
      return B->withField(FD);
    return std::nullopt;
  }
  if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
    if (thisIsCopy())
      return std::nullopt;
    return AccessPath::thisOf(classOfPointee(This->getType()));
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref || UO->getOpcode() == UO_AddrOf)
      return resolveImpl(UO->getSubExpr(), Depth + 1);
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    if (std::optional<AccessPath> B = resolveImpl(AS->getBase(), Depth + 1))
      return B->withElement();
    return std::nullopt;
  }
  // `c ? &x : nullptr` is x, or nothing at all; `c ? &x : &x` is x.
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    const Expr *T = CO->getTrueExpr(), *F = CO->getFalseExpr();
    ASTContext &AST = Context->getASTContext();
    if (isNullPointerConstant(F, AST))
      return resolveImpl(T, Depth + 1);
    if (isNullPointerConstant(T, AST))
      return resolveImpl(F, Depth + 1);
    std::optional<AccessPath> TP = resolveImpl(T, Depth + 1);
    std::optional<AccessPath> FP = TP ? resolveImpl(F, Depth + 1) : std::nullopt;
    if (TP && FP && *TP == *FP)
      return TP;
    return std::nullopt;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (OC->getNumArgs() == 0)
      return std::nullopt;
    OverloadedOperatorKind K = OC->getOperator();
    if (K == OO_Subscript)
      if (std::optional<AccessPath> B = resolveImpl(OC->getArg(0), Depth + 1))
        return B->withElement();
    // (libstdc++'s shared_ptr::operator-> is its base __shared_ptr_access's:
    // the operand is cast to the base first.)
    if ((K == OO_Arrow || K == OO_Star) &&
        (isSmartPointer(OC->getArg(0)->IgnoreParenImpCasts()->getType()) ||
         isOptional(OC->getArg(0)->IgnoreParenImpCasts()->getType())))
      return resolveImpl(OC->getArg(0), Depth + 1);
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && MD->getName() == "get" &&
        isSmartPointer(MC->getImplicitObjectArgument()->getType()))
      return resolveImpl(MC->getImplicitObjectArgument(), Depth + 1);
    if (isSelfHandleCall(MC))
      return resolveImpl(MC->getImplicitObjectArgument(), Depth + 1);
    if (MD && MD->getIdentifier() && MD->getName() == "value" &&
        isOptional(MC->getImplicitObjectArgument()->getType()))
      return resolveImpl(MC->getImplicitObjectArgument(), Depth + 1);
    // c.at(i), c.front(), c.back(): an element of c.
    if (MD && MD->getIdentifier() && MC->getType()->isReferenceType() == false &&
        MC->isLValue()) {
      llvm::StringRef N = MD->getName();
      if (N == "at" || N == "front" || N == "back" || N == "top")
        if (std::optional<AccessPath> B =
                resolveImpl(MC->getImplicitObjectArgument(), Depth + 1))
          return B->withElement();
    }
    return CallPath ? CallPath(MC) : std::nullopt;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    if (CE->getNumArgs() >= 1 && isIdentityFunction(CE->getDirectCallee()))
      return resolveImpl(CE->getArg(0), Depth + 1);
    return CallPath ? CallPath(CE) : std::nullopt;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    return resolveImpl(Cast->getSubExpr(), Depth + 1);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    // std::reference_wrapper<T>(x) and similar single-argument wrappers
    // of a reference keep the identity.
    if (CE->getNumArgs() == 1 && CE->getConstructor() &&
        CE->getConstructor()->getNumParams() == 1 &&
        CE->getConstructor()->getParamDecl(0)->getType()->isLValueReferenceType() &&
        !CE->getConstructor()->isCopyOrMoveConstructor()) {
      const CXXRecordDecl *RD = CE->getConstructor()->getParent();
      if (RD && RD->getIdentifier() && RD->getName() == "reference_wrapper")
        return resolveImpl(CE->getArg(0), Depth + 1);
    }
    // A shared or weak pointer made from another (`std::weak_ptr<C> w =
    // shared_from_this();`) points at the same object.
    if (CE->getNumArgs() == 1 && isSharedPointer(CE->getType()) &&
        isSharedPointer(CE->getArg(0)->getType()))
      return resolveImpl(CE->getArg(0), Depth + 1);
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace maprace
