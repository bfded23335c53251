#include "NameUtil.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace maprace {

/// Calls Part(name) for D and each enclosing scope that a qualified name
/// spells, innermost first (inline namespaces, the translation unit and
/// linkage specifications are not spelled; an anonymous namespace is
/// "(anonymous)"), until Part returns false. Returns whether none did.
template <typename PartFn>
static bool forEachNamePart(const NamedDecl *D, PartFn Part) {
  std::string Buf; // names that are no identifier (operators, constructors)
  auto NameOf = [&Buf](const NamedDecl *ND) -> llvm::StringRef {
    if (const IdentifierInfo *II = ND->getIdentifier())
      return II->getName();
    Buf = ND->getNameAsString();
    return Buf;
  };
  if (!Part(NameOf(D)))
    return false;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    llvm::StringRef Name;
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline())
        continue;
      Name = NS->isAnonymousNamespace() ? llvm::StringRef("(anonymous)")
                                        : NameOf(NS);
    } else if (isa<RecordDecl>(DC) || isa<FunctionDecl>(DC)) {
      Name = NameOf(cast<NamedDecl>(Decl::castFromDeclContext(DC)));
    } else {
      continue;
    }
    if (!Part(Name))
      return false;
  }
  return true;
}

std::string qualifiedName(const NamedDecl *D) {
  if (!D)
    return "";
  llvm::SmallVector<std::string, 4> Parts;
  forEachNamePart(D, [&](llvm::StringRef P) {
    Parts.push_back(P.str());
    return true;
  });
  std::string Out;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Out.empty())
      Out += "::";
    Out += *It;
  }
  return Out;
}

/// Whether the last component of qualified name QN is Own ("map" of
/// "std::map"). Asked of every listed name for nearly every call and type
/// the analysis meets, so a suffix compare, not a search for "::".
static bool lastComponentIs(llvm::StringRef QN, llvm::StringRef Own) {
  if (!QN.ends_with(Own))
    return false;
  size_t Rest = QN.size() - Own.size();
  return Rest == 0 || (Rest >= 2 && QN.substr(Rest - 2, 2) == "::");
}

/// D's simple name, empty for constructors, operators and the unnamed.
static llvm::StringRef simpleName(const NamedDecl *D) {
  if (const IdentifierInfo *II = D->getIdentifier())
    return II->getName();
  return {};
}

/// Whether qualifiedName(D) == QN, without building the name: it is
/// matched from its last component outwards (classifying types and calls
/// asks this of nearly every expression).
static bool qualifiedNameIs(const NamedDecl *D, llvm::StringRef QN) {
  llvm::StringRef Rest = QN;
  bool Innermost = true;
  return forEachNamePart(D,
                         [&](llvm::StringRef Part) {
                           bool Sep = Innermost || Rest.consume_back("::");
                           Innermost = false;
                           return Sep && Rest.consume_back(Part);
                         }) &&
         Rest.empty();
}

bool hasQualifiedName(const NamedDecl *D,
                      llvm::ArrayRef<llvm::StringRef> Names) {
  if (!D)
    return false;
  llvm::StringRef Own = simpleName(D);
  if (Own.empty())
    return false;
  return llvm::any_of(Names, [&](llvm::StringRef N) {
    return lastComponentIs(N, Own) && qualifiedNameIs(D, N);
  });
}

bool declNameMatches(const NamedDecl *D, llvm::ArrayRef<std::string> List) {
  if (!D || List.empty())
    return false;
  llvm::StringRef Own = simpleName(D);
  if (Own.empty() || llvm::none_of(List, [&](const std::string &E) {
        return lastComponentIs(E, Own);
      }))
    return false;
  return nameMatches(qualifiedName(D), Own, List);
}

const CXXRecordDecl *classOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  return T->getAsCXXRecordDecl();
}

const CXXRecordDecl *classOfPointee(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType().getCanonicalType();
  return T->getAsCXXRecordDecl();
}

bool isInStd(const Decl *D) {
  if (!D)
    return false;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

bool isInSystemHeader(const Decl *D) {
  if (!D)
    return false;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  SourceLocation Loc = D->getLocation();
  if (Loc.isInvalid())
    return false;
  return SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

std::string functionDisplayName(const FunctionDecl *FD) {
  if (!FD)
    return "<unknown>";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (RD && RD->isLambda())
      return "lambda";
    std::string Cls = RD ? RD->getNameAsString() : "";
    if (isa<CXXConstructorDecl>(MD))
      return Cls + "::" + Cls;
    if (isa<CXXDestructorDecl>(MD))
      return Cls + "::~" + Cls;
    return Cls + "::" + MD->getNameAsString();
  }
  return FD->getNameAsString();
}

bool nameMatches(llvm::StringRef Qualified, llvm::StringRef Unqualified,
                 llvm::ArrayRef<std::string> List) {
  for (const std::string &Entry : List) {
    llvm::StringRef E(Entry);
    if (E.consume_front("::")) {
      if (E == Qualified)
        return true;
      continue;
    }
    if (!E.contains("::")) {
      if (E == Unqualified)
        return true;
      continue;
    }
    // "ns::Pool::Submit" matches "outer::ns::Pool::Submit" too.
    if (Qualified == E || Qualified.ends_with(("::" + E).str()))
      return true;
  }
  return false;
}

} // namespace maprace
