#include "ReadOnlyViews.h"
#include "PathResolver.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace maprace {

namespace {

struct MemberViews {
  bool Const = false;    // a member `const C*` / `const C&`
  bool Writable = false; // a member `C*`, `C&`, or a smart pointer to C
};

/// The type a pointer, reference or std smart pointer member leads to.
QualType viewedType(QualType T) {
  if (T->isPointerType() || T->isReferenceType())
    return T->getPointeeType();
  if (isSmartPointer(T) || isSharedPointer(T))
    if (const auto *TS = dyn_cast<ClassTemplateSpecializationDecl>(
            T->getAsCXXRecordDecl()))
      if (TS->getTemplateArgs().size() > 0 &&
          TS->getTemplateArgs()[0].getKind() == TemplateArgument::Type)
        return TS->getTemplateArgs()[0].getAsType();
  return QualType();
}

void scanMembers(const CXXRecordDecl *RD, QualType C, MemberViews &Out,
                 int Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return;
  RD = RD->getDefinition();
  ASTContext &AST = RD->getASTContext();
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    while (const ArrayType *AT = AST.getAsArrayType(T))
      T = AT->getElementType();
    QualType V = viewedType(T);
    if (V.isNull() ||
        !AST.hasSameUnqualifiedType(V.getCanonicalType(), C))
      continue;
    if (V.isConstQualified())
      Out.Const = true;
    else
      Out.Writable = true;
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    scanMembers(B.getType()->getAsCXXRecordDecl(), C, Out, Depth + 1);
}

} // namespace

bool constructorKeepsReadOnlyView(const FunctionDecl *Fn, unsigned Index) {
  const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(Fn);
  if (!Ctor || Index >= Ctor->getNumParams())
    return false;
  if (const FunctionDecl *Def = Ctor->getDefinition())
    if (Def->hasBody())
      return false; // its body decides (the caller analyses it)
  QualType PT = Ctor->getParamDecl(Index)->getType();
  if (!PT->isPointerType() && !PT->isLValueReferenceType())
    return false;
  QualType C = PT->getPointeeType();
  if (C.isConstQualified())
    return false; // already a read
  MemberViews Views;
  scanMembers(Ctor->getParent(), C.getCanonicalType().getUnqualifiedType(),
              Views);
  return Views.Const && !Views.Writable;
}

} // namespace maprace
