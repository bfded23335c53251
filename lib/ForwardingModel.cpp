#include "ForwardingModel.h"
#include "NameUtil.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace maprace {

namespace {

constexpr unsigned MaxDepth = 12;

/// Is parameter I of the instantiation F declared `T&&` (or `Ts&&...`) with
/// T a template parameter in F's pattern?
bool isForwardingParam(const FunctionDecl *F, unsigned I) {
  const FunctionDecl *Pat = F->getTemplateInstantiationPattern();
  if (!Pat || I >= F->getNumParams())
    return false;
  // Map the instantiated index to the pattern's parameter: a pack covers
  // as many instantiated parameters as it expanded to.
  unsigned NP = Pat->getNumParams(), NI = F->getNumParams();
  const ParmVarDecl *PP = nullptr;
  for (unsigned K = 0, Pos = 0; K < NP; ++K) {
    const ParmVarDecl *Q = Pat->getParamDecl(K);
    unsigned Width = Q->isParameterPack() ? NI - (NP - 1) : 1;
    if (I < Pos + Width) {
      PP = Q;
      break;
    }
    Pos += Width;
  }
  if (!PP)
    return false;
  QualType T = PP->getType();
  if (const auto *PE = T->getAs<PackExpansionType>())
    T = PE->getPattern();
  const auto *RR = T->getAs<RValueReferenceType>();
  return RR && !RR->getPointeeType().hasQualifiers() &&
         RR->getPointeeType()->getAs<TemplateTypeParmType>();
}

bool isForwardOrMove(const FunctionDecl *FD) {
  return FD && FD->getIdentifier() && isInStd(FD) &&
         (FD->getName() == "forward" || FD->getName() == "move");
}

/// `std::forward<X>(p)`, `std::move(p)` or `p` itself: p, else null.
const DeclRefExpr *handedOn(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (C->getNumArgs() == 1 && isForwardOrMove(C->getDirectCallee()))
      E = C->getArg(0)->IgnoreParenImpCasts();
  return dyn_cast<DeclRefExpr>(E);
}

struct Receivers : RecursiveASTVisitor<Receivers> {
  explicit Receivers(const ParmVarDecl *P) : P(P) {}

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Uses += E->getDecl() == P;
    return true;
  }
  void take(const FunctionDecl *G, unsigned J, const Expr *Arg) {
    const DeclRefExpr *D = handedOn(Arg);
    if (!D || D->getDecl() != P)
      return;
    ++HandedOn;
    if (!G || J >= G->getNumParams()) {
      Unknown = true; // a C variadic, or no declaration
      return;
    }
    To.push_back({G, J});
  }
  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *G = C->getDirectCallee();
    if (isForwardOrMove(G))
      return true; // the call that receives it decides
    unsigned Skip = 0;
    if (isa<CXXOperatorCallExpr>(C) && isa_and_nonnull<CXXMethodDecl>(G) &&
        !cast<CXXMethodDecl>(G)->isStatic())
      Skip = 1; // the object is argument 0
    for (unsigned K = Skip; K < C->getNumArgs(); ++K)
      take(G, K - Skip, C->getArg(K));
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    for (unsigned K = 0; K < C->getNumArgs(); ++K)
      take(C->getConstructor(), K, C->getArg(K));
    return true;
  }
  bool VisitCXXNewExpr(CXXNewExpr *N) {
    // `::new (p) U(std::forward<A>(a))` with U a scalar: a copy of the value.
    if (const Expr *Init = N->getInitializer())
      if (const DeclRefExpr *D = handedOn(Init))
        if (D->getDecl() == P) {
          ++HandedOn;
          ByValue.push_back(N->getAllocatedType());
        }
    return true;
  }

  const ParmVarDecl *P;
  unsigned Uses = 0, HandedOn = 0;
  bool Unknown = false;
  llvm::SmallVector<std::pair<const FunctionDecl *, unsigned>, 2> To;
  llvm::SmallVector<QualType, 1> ByValue;
};

bool follow(const FunctionDecl *F, unsigned I, unsigned Depth,
            llvm::SmallVectorImpl<ForwardedReceiver> &Out) {
  if (Depth > MaxDepth || !isForwardingParam(F, I))
    return false;
  const FunctionDecl *Def = F->getDefinition();
  if (!Def || !Def->hasBody() || I >= Def->getNumParams())
    return false;
  Receivers R(Def->getParamDecl(I));
  // A constructor hands its arguments on in its initialisers, too.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        R.TraverseStmt(Init->getInit());
  R.TraverseStmt(Def->getBody());
  if (R.Unknown || R.Uses == 0 || R.HandedOn != R.Uses)
    return false;
  for (QualType T : R.ByValue)
    Out.push_back({T, nullptr, 0});
  for (auto [G, J] : R.To) {
    llvm::SmallVector<ForwardedReceiver, 2> Deeper;
    if (follow(G, J, Depth + 1, Deeper))
      Out.append(Deeper.begin(), Deeper.end());
    else
      Out.push_back({G->getParamDecl(J)->getType(), G, J});
  }
  return true;
}

} // namespace

std::optional<llvm::SmallVector<ForwardedReceiver, 2>>
forwardedReceivers(const FunctionDecl *Callee, unsigned I) {
  llvm::SmallVector<ForwardedReceiver, 2> Out;
  if (!Callee || !follow(Callee, I, 0, Out))
    return std::nullopt;
  return Out;
}

} // namespace maprace
