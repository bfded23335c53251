#include "VirtualDispatch.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace maprace {

void OverriderIndex::add(const CXXMethodDecl *MD) {
  if (!MD || !MD->isVirtual() || !MD->doesThisDeclarationHaveABody())
    return;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(
      MD->overridden_methods().begin(), MD->overridden_methods().end());
  llvm::SmallPtrSet<const CXXMethodDecl *, 4> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
    if (!Seen.insert(Base).second)
      continue;
    auto &V = ByBase[Base];
    if (llvm::find(V, MD) == V.end())
      V.push_back(MD);
    Work.append(Base->overridden_methods().begin(),
                Base->overridden_methods().end());
  }
}

llvm::ArrayRef<const FunctionDecl *>
OverriderIndex::overridersOf(const CXXMethodDecl *MD) const {
  if (!MD)
    return {};
  auto It = ByBase.find(MD->getCanonicalDecl());
  if (It == ByBase.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const FunctionDecl *>
OverriderIndex::targetsOf(const CallExpr *CE) const {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(CE);
  if (!MC)
    return {};
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || !MD->isVirtual())
    return {};
  // `Base::f()` names the function it calls.
  if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()))
    if (ME->hasQualifier())
      return {};
  // Of an object (not a reference or pointer) of a known type, the call
  // goes to that type's function.
  const Expr *Obj = MC->getImplicitObjectArgument();
  if (const auto *DRE =
          dyn_cast_or_null<DeclRefExpr>(Obj ? Obj->IgnoreParenImpCasts() : nullptr))
    if (!DRE->getType()->isPointerType() &&
        !DRE->getDecl()->getType()->isReferenceType())
      return {};
  return overridersOf(MD);
}

} // namespace maprace
