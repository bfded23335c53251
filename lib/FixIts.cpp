#include "FixIts.h"
#include "NameUtil.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace maprace {

namespace {

/// Every reference to VD in Body is the object of one of VD's own member
/// calls (`lk.unlock()`), so changing VD's type cannot break a call site.
class OnlyMemberUses : public RecursiveASTVisitor<OnlyMemberUses> {
public:
  OnlyMemberUses(const VarDecl *VD) : VD(VD) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(
            MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      if (DRE->getDecl() == VD)
        Allowed.insert(DRE);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (DRE->getDecl() == VD)
      Seen.push_back(DRE);
    return true;
  }
  bool ok() const {
    for (const DeclRefExpr *D : Seen)
      if (!Allowed.count(D))
        return false;
    return true;
  }

private:
  const VarDecl *VD;
  llvm::DenseSet<const DeclRefExpr *> Allowed;
  std::vector<const DeclRefExpr *> Seen;
};

/// Declares a variable named Name anywhere in S?
bool declares(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return false;
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D))
        if (ND->getIdentifier() && ND->getName() == Name)
          return true;
  for (const Stmt *C : S->children())
    if (declares(C, Name))
      return true;
  return false;
}

bool isStdMutex(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !isInStd(RD) || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "mutex" || N == "recursive_mutex" || N == "timed_mutex" ||
         N == "recursive_timed_mutex" || N == "shared_mutex" ||
         N == "shared_timed_mutex";
}

} // namespace

std::optional<FixItHint> upgradeSharedLock(const VarDecl *Guard,
                                           ASTContext &AST) {
  if (!Guard || !Guard->getTypeSourceInfo())
    return std::nullopt;
  const CXXRecordDecl *RD = classOf(Guard->getType());
  if (!RD || !RD->getIdentifier() || RD->getName() != "shared_lock" ||
      !isInStd(RD))
    return std::nullopt;
  TypeLoc TL = Guard->getTypeSourceInfo()->getTypeLoc().getUnqualifiedLoc();
  SourceLocation NameLoc;
  if (auto T = TL.getAs<TemplateSpecializationTypeLoc>())
    NameLoc = T.getTemplateNameLoc();
  else if (auto D = TL.getAs<DeducedTemplateSpecializationTypeLoc>())
    NameLoc = D.getTemplateNameLoc();
  const SourceManager &SM = AST.getSourceManager();
  if (NameLoc.isInvalid() || NameLoc.isMacroID())
    return std::nullopt;
  // The spelled name must be `shared_lock` (not an alias).
  std::string Spelled = Lexer::getSourceText(
                            CharSourceRange::getTokenRange(NameLoc, NameLoc),
                            SM, AST.getLangOpts())
                            .str();
  if (Spelled != "shared_lock")
    return std::nullopt;
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(Guard->getDeclContext());
  if (!Fn || !Fn->getBody())
    return std::nullopt;
  OnlyMemberUses V(Guard);
  V.TraverseStmt(const_cast<Stmt *>(Fn->getBody()));
  if (!V.ok())
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(NameLoc, NameLoc), "unique_lock");
}

std::optional<FixItHint> insertLockGuard(const Expr *Access,
                                         const FunctionDecl *FD,
                                         const AccessPath &Mutex,
                                         bool ReadOnly, ASTContext &AST) {
  if (!Access || !FD || !FD->getBody())
    return std::nullopt;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->getParent()->isLambda())
    return std::nullopt; // `this` may not be captured
  // How to name the mutex from here.
  std::string Name;
  QualType MT;
  if (Mutex.kind() == RootKind::This) {
    if (!MD || MD->isStatic() || Mutex.steps().size() != 1)
      return std::nullopt;
    const auto *F = dyn_cast_or_null<FieldDecl>(Mutex.steps().front());
    if (!F)
      return std::nullopt;
    const auto *Owner = dyn_cast<CXXRecordDecl>(F->getParent());
    if (!Owner || !(MD->getParent()->getCanonicalDecl() ==
                        Owner->getCanonicalDecl() ||
                    MD->getParent()->isDerivedFrom(Owner)))
      return std::nullopt;
    // A const member function can lock only a mutable mutex.
    if (MD->isConst() && !F->isMutable())
      return std::nullopt;
    Name = F->getNameAsString();
    MT = F->getType();
  } else if (Mutex.kind() == RootKind::Global && Mutex.steps().empty()) {
    const VarDecl *VD = Mutex.var();
    // Visible unqualified: declared in a namespace enclosing the function.
    bool Visible = false;
    for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
      if (DC->getRedeclContext()->Equals(VD->getDeclContext()->getRedeclContext()))
        Visible = true;
    if (!Visible || VD->isStaticDataMember())
      return std::nullopt;
    Name = VD->getNameAsString();
    MT = VD->getType();
  } else {
    return std::nullopt;
  }
  if (!isStdMutex(MT))
    return std::nullopt;

  // The smallest block enclosing the access, and its first statement. A
  // parent map of this body only: ASTContext::getParents would map the whole
  // translation unit, headers included, on first use.
  ParentMap Parents(const_cast<Stmt *>(FD->getBody()));
  const CompoundStmt *Block = nullptr;
  for (const Stmt *S = Parents.getParent(Access); S && !Block;
       S = Parents.getParent(S)) {
    if (const auto *CS = dyn_cast<CompoundStmt>(S))
      Block = CS;
    else if (isa<LambdaExpr>(S))
      return std::nullopt;
  }
  if (!Block || Block->body_empty())
    return std::nullopt;
  const Stmt *First = *Block->body_begin();
  const SourceManager &SM = AST.getSourceManager();
  SourceLocation At = First->getBeginLoc();
  if (At.isInvalid() || At.isMacroID() ||
      SM.getFileID(At) != SM.getFileID(Block->getLBracLoc()))
    return std::nullopt;
  // Keep the first statement's indentation for the new line.
  std::string Indent =
      Lexer::getIndentationForLine(At, SM).str();
  std::string Var = "lock";
  if (declares(FD->getBody(), Var))
    Var = "maprace_lock";
  if (declares(FD->getBody(), Var))
    return std::nullopt;
  std::string Type = MT.getUnqualifiedType().getAsString(AST.getPrintingPolicy());
  const CXXRecordDecl *MR = classOf(MT);
  bool Shared = ReadOnly && MR && MR->getName().contains("shared");
  std::string Text = std::string(Shared ? "std::shared_lock<" : "std::lock_guard<") +
                     Type + "> " + Var + "(" + Name + ");";
  // Same line as the brace (`{ return m_.size(); }`): stay on one line.
  if (SM.getSpellingLineNumber(At) ==
      SM.getSpellingLineNumber(Block->getLBracLoc()))
    return FixItHint::CreateInsertion(At, Text + " ");
  return FixItHint::CreateInsertion(At, Text + "\n" + Indent);
}

} // namespace maprace
