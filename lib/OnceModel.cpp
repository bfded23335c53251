//===- OnceModel.cpp - One-time initialisation (call_once) ----------------===//
#include "OnceModel.h"
#include "NameUtil.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

using namespace clang;

namespace maprace {

std::optional<OnceCall> classifyOnceCall(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || CE->getNumArgs() < 2)
    return std::nullopt;
  llvm::StringRef N = FD->getName();
  if (N == "pthread_once") {
    if (!FD->getDeclContext()->getRedeclContext()->isTranslationUnit())
      return std::nullopt;
  } else if (N != "call_once" ||
             !hasQualifiedName(FD, {"std::call_once", "absl::call_once",
                                    "boost::call_once"})) {
    return std::nullopt;
  }
  // boost's old form is call_once(f, flag): only the flag-first form.
  QualType FlagT = CE->getArg(0)->getType();
  if (FlagT->isPointerType())
    FlagT = FlagT->getPointeeType();
  if (!isOnceFlagType(FlagT))
    return std::nullopt;
  return OnceCall{CE->getArg(0), CE->getArg(1)};
}

bool isOnceFlagType(QualType T) {
  T = T.getNonReferenceType();
  // pthread_once_t is a typedef of int: look for the name in the sugar.
  for (const auto *TT = T->getAs<TypedefType>(); TT;
       TT = TT->desugar()->getAs<TypedefType>())
    if (TT->getDecl()->getName() == "pthread_once_t")
      return true;
  const CXXRecordDecl *RD = classOf(T);
  return RD && hasQualifiedName(RD, {"std::once_flag", "absl::once_flag",
                                     "boost::once_flag"});
}

bool isOnceFlag(const AccessPath &Lock) {
  const auto *VD = llvm::dyn_cast_or_null<ValueDecl>(Lock.leafDecl());
  return VD && isOnceFlagType(VD->getType());
}

} // namespace maprace
