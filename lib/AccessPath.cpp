#include "AccessPath.h"

using namespace clang;

namespace maprace {

const NamedDecl *AccessPath::leafDecl() const {
  for (auto It = Steps.rbegin(); It != Steps.rend(); ++It)
    if (*It)
      return *It;
  if (Kind == RootKind::This)
    return nullptr;
  return cast<VarDecl>(Root);
}

bool AccessPath::isPrefixOf(const AccessPath &Other) const {
  if (Kind != Other.Kind || Steps.size() > Other.Steps.size())
    return false;
  if (Kind != RootKind::This && Root != Other.Root)
    return false;
  for (size_t I = 0; I < Steps.size(); ++I)
    if (Steps[I] != Other.Steps[I])
      return false;
  return true;
}

std::optional<AccessPath> AccessPath::enclosing(const AccessPath &A,
                                                const AccessPath &B,
                                                const ValueDecl *Part) {
  if (A == B)
    return A;
  if (A.Kind != B.Kind || (A.Kind != RootKind::This && A.Root != B.Root))
    return std::nullopt;
  AccessPath P(A.Kind, A.Root);
  for (size_t I = 0; I < A.Steps.size() && I < B.Steps.size() &&
                     A.Steps[I] == B.Steps[I];
       ++I)
    P.Steps.push_back(A.Steps[I]);
  return P.withField(Part);
}

std::string AccessPath::display() const {
  std::string S;
  if (Kind == RootKind::This) {
    if (Steps.empty())
      return "*this";
  } else if (const auto *VD = dyn_cast_or_null<VarDecl>(Root)) {
    S = VD->getNameAsString();
    if (VD->isStaticDataMember())
      if (const auto *RD = dyn_cast<CXXRecordDecl>(VD->getDeclContext()))
        S = RD->getNameAsString() + "::" + S;
  }
  for (const ValueDecl *F : Steps) {
    if (!F) {
      S += "[]";
      continue;
    }
    if (!S.empty())
      S += ".";
    S += F->getNameAsString();
    if (isa<FunctionDecl>(F)) // a loop-thread role: `loop_.isInLoopThread()`
      S += "()";
  }
  return S;
}

std::string AccessPath::qualifiedDisplay() const {
  if (Kind == RootKind::This && !Steps.empty())
    if (const auto *F = dyn_cast_or_null<FieldDecl>(Steps.front()))
      if (const auto *RD = dyn_cast<RecordDecl>(F->getParent()))
        if (RD->getIdentifier())
          return RD->getNameAsString() + "::" + display();
  return display();
}

bool AccessPath::operator==(const AccessPath &O) const {
  if (Kind != O.Kind || Steps != O.Steps)
    return false;
  // Field-based identity for `this`: the class only matters for `*this`.
  if (Kind == RootKind::This && !Steps.empty())
    return true;
  return Root == O.Root;
}

size_t AccessPath::hash() const {
  size_t H = llvm::hash_combine(static_cast<unsigned>(Kind),
                                Kind == RootKind::This && !Steps.empty()
                                    ? nullptr
                                    : Root);
  for (const ValueDecl *F : Steps)
    H = llvm::hash_combine(H, F);
  return H;
}

} // namespace maprace
