#include "ThreadReachableLocals.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace maprace {

namespace {

bool isLocal(const Decl *D) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->isLocalVarDecl() && !V->isStaticLocal();
}

/// The locals an expression names, lambda bodies included.
class Mentions : public RecursiveASTVisitor<Mentions> {
public:
  llvm::SmallVector<const VarDecl *, 4> Vars;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isLocal(E->getDecl()))
      Vars.push_back(cast<VarDecl>(E->getDecl()));
    return true;
  }
};

void addMentions(const Expr *E, llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!E)
    return;
  Mentions M;
  M.TraverseStmt(const_cast<Expr *>(E));
  Out.append(M.Vars.begin(), M.Vars.end());
}

/// The local an object expression lives in or points into: `a.b[i].c` and
/// `p->x` give `a` and `p`.
const VarDecl *localRoot(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      E = ME->getBase();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      E = AS->getBase();
    else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
             OC && OC->getNumArgs() >= 1 &&
             (OC->getOperator() == OO_Subscript ||
              OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star))
      E = OC->getArg(0);
    else if (const auto *UO = dyn_cast<UnaryOperator>(E);
             UO && UO->getOpcode() == UO_Deref)
      E = UO->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else
      break;
  }
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E);
  return DRE && isLocal(DRE->getDecl()) ? cast<VarDecl>(DRE->getDecl())
                                        : nullptr;
}

/// Counts the uses of one parameter.
class ParamUses : public RecursiveASTVisitor<ParamUses> {
public:
  explicit ParamUses(const ParmVarDecl *P) : P(P) {}
  unsigned Count = 0;
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Count += E->getDecl() == P;
    return true;
  }

private:
  const ParmVarDecl *P;
};

/// Parameter I of the constructor is a const reference whose every use
/// copies it into a member held by value (`req_(req)`): the argument is
/// copied, not kept.
bool onlyCopiedIntoMembers(const CXXConstructorDecl *C, unsigned I) {
  const FunctionDecl *Def = nullptr;
  if (!C || !C->isDefined(Def))
    return false;
  const auto *Ctor = cast<CXXConstructorDecl>(Def);
  if (I >= Ctor->getNumParams())
    return false;
  const ParmVarDecl *P = Ctor->getParamDecl(I);
  QualType T = P->getType();
  if (!T->isLValueReferenceType() || !T->getPointeeType().isConstQualified())
    return false;
  unsigned Copies = 0;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const FieldDecl *F = Init->getMember();
    if (!F || !Init->isWritten() || F->getType()->isReferenceType() ||
        F->getType()->isPointerType())
      continue;
    const Expr *E = Init->getInit()->IgnoreImplicit();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
      if (CE->getNumArgs() == 1 && CE->getConstructor()->isCopyConstructor())
        E = CE->getArg(0);
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    Copies += DRE && DRE->getDecl() == P;
  }
  ParamUses Uses(P);
  Uses.TraverseDecl(const_cast<CXXConstructorDecl *>(Ctor));
  return Copies > 0 && Uses.Count == Copies;
}

/// Reads one body: the locals handed to threads (Seeds), and which locals
/// hold others (Holds[W] = what W's reachability makes reachable).
class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  using HoldMap =
      llvm::DenseMap<const VarDecl *, llvm::SmallVector<const VarDecl *, 4>>;
  Scanner(const AnalysisContext &Ctx,
          llvm::function_ref<bool(const FunctionDecl *)> MayStart,
          llvm::SmallVectorImpl<const VarDecl *> &Seeds, HoldMap &Holds)
      : Ctx(Ctx), MayStart(MayStart), Seeds(Seeds), Holds(Holds) {}

  bool VisitVarDecl(VarDecl *V) {
    if (!isLocal(V) || !V->getInit())
      return true;
    // Built by a call or constructor that starts a thread (`Worker w;` whose
    // constructor hands `this` to one): the thread may have it.
    if (initStartsThread(V->getInit()))
      Seeds.push_back(V);
    llvm::SmallVector<const VarDecl *, 4> In;
    const auto *CE = dyn_cast<CXXConstructExpr>(V->getInit()->IgnoreImplicit());
    if (CE && !isa<CXXTemporaryObjectExpr>(CE)) {
      // `T v(a, b)`: what the constructor only copies, v does not hold.
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (!onlyCopiedIntoMembers(CE->getConstructor(), I))
          addMentions(CE->getArg(I), In);
    } else {
      addMentions(V->getInit(), In);
    }
    // A reference or pointer is its target: either one reached reaches
    // both.
    bool Alias = V->getType()->isReferenceType() || V->getType()->isPointerType();
    for (const VarDecl *M : In) {
      if (M == V)
        continue;
      Holds[V].push_back(M);
      if (Alias)
        Holds[M].push_back(V);
    }
    return true;
  }

  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *FD = CE->getDirectCallee();
    const Expr *Obj = nullptr;
    llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
      Obj = MC->getImplicitObjectArgument();
    } else if (isa<CXXOperatorCallExpr>(CE) &&
               isa_and_nonnull<CXXMethodDecl>(FD) && !Args.empty()) {
      Obj = Args.front();
      Args.erase(Args.begin());
    }
    // The local a member call may keep its arguments in: its object
    // (`svr.Get(path, handler)`, `v.push_back(&x)`). A function storing one
    // argument into another is not followed. Most calls neither start a
    // thread nor are made on a local: their arguments are not read (each
    // nested call would read them again).
    bool Starts = startsThread(CE, FD);
    const VarDecl *W = Starts ? nullptr : localRoot(Obj);
    if (!Starts && !W)
      return true;
    llvm::SmallVector<const VarDecl *, 8> All;
    addMentions(Obj, All);
    for (const Expr *A : Args)
      addMentions(A, All);
    if (Starts) {
      Seeds.append(All.begin(), All.end());
      return true;
    }
    for (const VarDecl *M : All)
      if (M != W)
        Holds[W].push_back(M);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    const CXXConstructorDecl *C = CE->getConstructor();
    if (!startsThread(CE, C))
      return true; // what it keeps, the initialised local holds
    for (unsigned I = 0; I < CE->getNumArgs(); ++I)
      if (!onlyCopiedIntoMembers(C, I))
        addMentions(CE->getArg(I), Seeds);
    return true;
  }

private:
  bool initStartsThread(const Expr *Init) const {
    struct Finder : RecursiveASTVisitor<Finder> {
      const Scanner *S;
      bool Found = false;
      bool VisitCallExpr(CallExpr *CE) {
        Found |= S->startsThread(CE, CE->getDirectCallee());
        return !Found;
      }
      bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
        Found |= S->startsThread(CE, CE->getConstructor());
        return !Found;
      }
      bool shouldVisitLambdaBody() const { return false; }
    } F;
    F.S = this;
    F.TraverseStmt(const_cast<Expr *>(Init));
    return F.Found;
  }
  bool startsThread(const Expr *E, const FunctionDecl *FD) const {
    return (FD && MayStart(FD)) || Ctx.Threads.classifyStart(E).has_value();
  }

  const AnalysisContext &Ctx;
  llvm::function_ref<bool(const FunctionDecl *)> MayStart;
  llvm::SmallVectorImpl<const VarDecl *> &Seeds;
  HoldMap &Holds;
};

} // namespace

llvm::DenseSet<const VarDecl *> threadReachableLocals(
    const AnalysisContext &Ctx, llvm::ArrayRef<const FunctionDecl *> Functions,
    llvm::function_ref<bool(const FunctionDecl *)> MayStartThreads) {
  llvm::SmallVector<const VarDecl *, 16> Work;
  Scanner::HoldMap Holds;
  Scanner S(Ctx, MayStartThreads, Work, Holds);
  for (const FunctionDecl *F : Functions)
    if (MayStartThreads(F) && F->getBody())
      S.TraverseStmt(F->getBody());
  llvm::DenseSet<const VarDecl *> Reached;
  while (!Work.empty()) {
    const VarDecl *V = Work.pop_back_val();
    if (!Reached.insert(V).second)
      continue;
    auto It = Holds.find(V);
    if (It != Holds.end())
      Work.append(It->second.begin(), It->second.end());
  }
  return Reached;
}

} // namespace maprace
