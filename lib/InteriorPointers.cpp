#include "InteriorPointers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace maprace {

namespace {

/// `&m_`, `&this->a.b`: the address of (a part of) a member of `this`.
bool addressOfOwnMember(const Expr *E) {
  const auto *UO = dyn_cast<UnaryOperator>(E);
  if (!UO || UO->getOpcode() != UO_AddrOf)
    return false;
  const Expr *Sub = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(Sub);
  if (!ME)
    return false;
  while (ME) {
    if (ME->isArrow() || !isa<FieldDecl>(ME->getMemberDecl()))
      return isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()) &&
             isa<FieldDecl>(ME->getMemberDecl());
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    ME = dyn_cast<MemberExpr>(Base);
    if (!ME)
      return false;
  }
  return false;
}

bool pointsIntoThis(const Expr *E) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return true;
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return pointsIntoThis(CO->getTrueExpr()) &&
           pointsIntoThis(CO->getFalseExpr());
  return addressOfOwnMember(E);
}

/// An implicit or defaulted copy or move of RD that is used copies the
/// pointer into another object verbatim.
bool copiedVerbatim(const CXXRecordDecl *RD) {
  if (!RD || !RD->hasDefinition())
    return true;
  RD = RD->getDefinition();
  for (const CXXConstructorDecl *C : RD->ctors())
    if (C->isCopyOrMoveConstructor() && !C->isDeleted() &&
        (C->isImplicit() || C->isDefaulted()) && C->isUsed())
      return true;
  for (const CXXMethodDecl *M : RD->methods())
    if ((M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()) &&
        !M->isDeleted() && (M->isImplicit() || M->isDefaulted()) &&
        M->isUsed())
      return true;
  return false;
}

} // namespace

const FieldDecl *pointerField(const Expr *E) {
  const auto *ME = dyn_cast_or_null<MemberExpr>(E ? E->IgnoreParenImpCasts()
                                                  : nullptr);
  const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  return F && F->getType()->isPointerType() ? F->getCanonicalDecl() : nullptr;
}

void InteriorPointers::noteStore(const FieldDecl *F, const Expr *Value,
                                 bool OnThis) {
  if (!F)
    return;
  F = F->getCanonicalDecl();
  if (OnThis && pointsIntoThis(Value))
    Clean.insert(F);
  else
    Tainted.insert(F);
}

bool InteriorPointers::isInterior(const FieldDecl *F) const {
  if (!F)
    return false;
  F = F->getCanonicalDecl();
  return Clean.count(F) && !Tainted.count(F) &&
         !copiedVerbatim(dyn_cast<CXXRecordDecl>(F->getParent()));
}

} // namespace maprace
