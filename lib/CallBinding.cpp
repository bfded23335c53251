#include "CallBinding.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace maprace {

llvm::SmallVector<const Expr *, 4> callArguments(const CallExpr *CE) {
  llvm::SmallVector<const Expr *, 4> Args;
  unsigned First = 0;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()))
      First = 1; // arg 0 is the object
  for (unsigned I = First; I < CE->getNumArgs(); ++I)
    Args.push_back(CE->getArg(I));
  return Args;
}

void bindArguments(CallBinding &B, llvm::ArrayRef<const Expr *> Args,
                   const PathResolver &R, ASTContext &AST) {
  for (unsigned I = 0; I < B.Callee->getNumParams(); ++I) {
    QualType PT = B.Callee->getParamDecl(I)->getType();
    if (I < Args.size() && (PT->isReferenceType() || PT->isPointerType()))
      B.Args.push_back(R.resolve(Args[I]));
    else
      B.Args.push_back(std::nullopt);
    if (I < Args.size() && I < 64 && PT->isPointerType() &&
        isNullPointerConstant(Args[I], AST))
      B.NullArgs |= uint64_t(1) << I;
  }
}

bool isDeclaredWithin(const VarDecl *VD, const FunctionDecl *FD) {
  if (!VD || !FD)
    return false;
  for (const DeclContext *DC = VD->getDeclContext(); DC; DC = DC->getParent())
    if (DC == FD || (isa<FunctionDecl>(DC) &&
                     cast<FunctionDecl>(DC)->getCanonicalDecl() ==
                         FD->getCanonicalDecl()))
      return true;
  return false;
}

std::optional<AccessPath> toCaller(const AccessPath &P, const CallBinding &B) {
  switch (P.kind()) {
  case RootKind::Global:
    return P;
  case RootKind::This: {
    llvm::ArrayRef<const ValueDecl *> Steps = P.steps();
    if (!Steps.empty() && Steps.front() && B.ObjectMembers) {
      if (const auto *F = dyn_cast<FieldDecl>(Steps.front())) {
        auto It = B.ObjectMembers->find(F);
        if (It != B.ObjectMembers->end())
          return It->second.withSteps(Steps.drop_front());
      }
    }
    if (B.Object)
      return B.Object->withSteps(Steps);
    return std::nullopt;
  }
  case RootKind::Var: {
    if (const ParmVarDecl *PVD = P.param()) {
      if (B.Callee && isDeclaredWithin(PVD, B.Callee)) {
        unsigned Idx = PVD->getFunctionScopeIndex();
        if (Idx < B.Args.size() && B.Args[Idx])
          return B.Args[Idx]->withSteps(P.steps());
        return std::nullopt;
      }
    }
    // A variable of an enclosing function captured by reference stays the
    // same object; the callee's own locals mean nothing to the caller.
    if (B.Callee && isDeclaredWithin(P.var(), B.Callee))
      return std::nullopt;
    return P;
  }
  }
  return std::nullopt;
}

std::optional<AccessPath> toCallee(const AccessPath &P, const CallBinding &B) {
  auto Rebase = [&P](const AccessPath &Prefix,
                     const AccessPath &NewRoot) -> std::optional<AccessPath> {
    if (!Prefix.isPrefixOf(P))
      return std::nullopt;
    return NewRoot.withSteps(P.steps().drop_front(Prefix.steps().size()));
  };
  const clang::CXXRecordDecl *CalleeClass = nullptr;
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(B.Callee))
    CalleeClass = MD->getParent();
  if (P.kind() == RootKind::Global)
    return P;
  if (B.Callee) {
    for (unsigned I = 0; I < B.Args.size() && I < B.Callee->getNumParams();
         ++I)
      if (B.Args[I])
        if (auto R = Rebase(*B.Args[I],
                            AccessPath::var(B.Callee->getParamDecl(I))))
          return R;
  }
  // A member of the callee's object that its constructor bound to one of
  // the caller's objects (`Inserter ins(db)` keeps `db_`): the lock
  // `db->mu_` is the callee's `this->db_->mu_`. The longest bound prefix
  // wins; between equals, the first member declared.
  if (B.ObjectMembers && CalleeClass) {
    const clang::FieldDecl *Best = nullptr;
    const AccessPath *BestPath = nullptr;
    for (const auto &[F, Bound] : *B.ObjectMembers) {
      if (!Bound.isPrefixOf(P))
        continue;
      if (!Best || Bound.steps().size() > BestPath->steps().size() ||
          (Bound.steps().size() == BestPath->steps().size() &&
           F->getFieldIndex() < Best->getFieldIndex())) {
        Best = F;
        BestPath = &Bound;
      }
    }
    if (Best)
      return AccessPath::thisOf(CalleeClass)
          .withField(Best)
          .withSteps(P.steps().drop_front(BestPath->steps().size()));
  }
  // The callee's object named from the caller: a local, a parameter, or a
  // member of the caller's own object (`db_->insert()` carries the lock
  // `db_->mu_` as the callee's `this->mu_`).
  if (B.Object && CalleeClass &&
      (B.Object->kind() != RootKind::This || !B.Object->steps().empty()))
    if (auto R = Rebase(*B.Object, AccessPath::thisOf(CalleeClass)))
      return R;
  if (P.kind() == RootKind::This)
    return P; // field-based: the same member in every instance
  // A caller's local captured by reference in a lambda callee.
  if (B.Callee && !isDeclaredWithin(P.var(), B.Callee) &&
      isa<CXXMethodDecl>(B.Callee) &&
      cast<CXXMethodDecl>(B.Callee)->getParent()->isLambda())
    return P;
  return std::nullopt;
}

LockSet toCaller(const LockSet &L, const CallBinding &B) {
  LockSet Out;
  for (const HeldLock &H : L)
    if (std::optional<AccessPath> P = toCaller(H.Path, B))
      Out.add({*P, H.Mode, H.AcquiredAt});
  return Out;
}

PathSet toCaller(const PathSet &S, const CallBinding &B) {
  PathSet Out;
  for (const AccessPath &P : S)
    if (std::optional<AccessPath> Q = toCaller(P, B))
      Out.add(*Q);
  return Out;
}

LockSet toCallee(const LockSet &L, const CallBinding &B) {
  LockSet Out;
  for (const HeldLock &H : L)
    if (std::optional<AccessPath> P = toCallee(H.Path, B))
      Out.add({*P, H.Mode, H.AcquiredAt});
  return Out;
}

} // namespace maprace
