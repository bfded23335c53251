#include "FunctionAnalyzer.h"
#include "CallBinding.h"
#include "EventLoopModel.h"
#include "ExprUtil.h"
#include "ForwardingModel.h"
#include "LoopElementArgs.h"
#include "LoopModel.h"
#include "OnceModel.h"
#include "ReadOnlyViews.h"
#include "RepeatedAccesses.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "NameUtil.h"
#include "clang/AST/Attr.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace maprace {
namespace {

/// The reference and pointer members a constructor binds to its
/// parameters (`mu_(mu)`, `db_(&db)`): member -> parameter index. Read
/// from the initialisers alone, so that it also holds for a constructor
/// the analysis does not look at (one that touches no container or lock).
llvm::DenseMap<const FieldDecl *, unsigned>
paramBoundMembers(const CXXConstructorDecl *Ctor) {
  llvm::DenseMap<const FieldDecl *, unsigned> Out;
  if (const FunctionDecl *Def = Ctor ? Ctor->getDefinition() : nullptr)
    Ctor = cast<CXXConstructorDecl>(Def);
  if (!Ctor)
    return Out;
  for (const CXXCtorInitializer *I : Ctor->inits()) {
    if (!I->isAnyMemberInitializer() || !I->getInit())
      continue;
    const FieldDecl *F = I->getAnyMember();
    QualType FT = F->getType();
    if (!FT->isReferenceType() && !FT->isPointerType())
      continue;
    const Expr *Src = stripTemporaries(I->getInit())->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Src))
      if (UO->getOpcode() == UO_AddrOf)
        Src = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Src))
      if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        Out[F] = PVD->getFunctionScopeIndex();
  }
  return Out;
}

/// The members Ctor stores its arguments in, in the caller's terms (B):
/// what the new object's members point at.
MemberBindings boundMembers(const CXXConstructorDecl *Ctor,
                            const CallBinding &B) {
  MemberBindings MB;
  for (const auto &[Field, Idx] : paramBoundMembers(Ctor))
    if (Idx < B.Args.size() && B.Args[Idx])
      MB.insert({Field, *B.Args[Idx]});
  return MB;
}

/// Member accesses a summary carries up to callers (bounds the work on
/// classes with huge member functions).
constexpr size_t MaxLiftedAccesses = 256;

//===----------------------------------------------------------------------===//
// Dataflow state
//===----------------------------------------------------------------------===//

/// An RAII guard object (std::lock_guard, std::unique_lock, a
/// scoped_lockable class...) and whether it currently owns its mutexes.
struct GuardState {
  enum OwnState : unsigned char { Owns, NotOwns, Maybe };
  const void *Key = nullptr; ///< VarDecl, or the temporary's expression
  GuardKind Kind = GuardKind::LockGuard;
  LockMode Mode = LockMode::Exclusive;
  llvm::SmallVector<AccessPath, 2> Mutexes;
  OwnState Own = Owns;
  /// False once release()d or moved from: the destructor unlocks nothing.
  bool Active = true;
  bool Temporary = false;
};

/// A variable holding an iterator/reference/pointer into a container,
/// obtained under Lock; Stale once that lock has been released since.
struct HandleFact {
  const ValueDecl *Var = nullptr;
  AccessPath Lock;
  bool Stale = false;
  SourceLocation ReleaseLoc;
  bool Temporary = false;
};

struct FlowState {
  bool Reachable = false;
  PointState P;
  llvm::SmallVector<GuardState, 2> Guards;
  llvm::SmallVector<HandleFact, 2> Handles;

  GuardState *guard(const void *Key) {
    for (GuardState &G : Guards)
      if (G.Key == Key)
        return &G;
    return nullptr;
  }
  void removeGuard(const void *Key) {
    llvm::erase_if(Guards, [Key](const GuardState &G) { return G.Key == Key; });
  }

  void join(const FlowState &O) {
    if (!O.Reachable)
      return;
    if (!Reachable) {
      *this = O;
      return;
    }
    // A lock held on entry, released and taken again on one path, untouched
    // on the other, is held on both (`if (slow) { mu.unlock(); ...;
    // mu.lock(); }`): unlocking a mutex one does not hold says the callers
    // hold it. Plain intersection would keep it released after the join.
    llvm::SmallVector<HeldLock, 1> Retaken;
    for (const HeldLock &H : P.Acquired)
      if (P.ReleasedEntry.contains(H.Path) &&
          !O.P.ReleasedEntry.contains(H.Path) && !O.P.Acquired.contains(H.Path))
        Retaken.push_back(H);
    for (const HeldLock &H : O.P.Acquired)
      if (O.P.ReleasedEntry.contains(H.Path) &&
          !P.ReleasedEntry.contains(H.Path) && !P.Acquired.contains(H.Path))
        Retaken.push_back(H);
    P.Acquired.intersect(O.P.Acquired);
    for (const HeldLock &H : Retaken)
      P.Acquired.add(H);
    P.ReleasedEntry.unite(O.P.ReleasedEntry);
    P.Live.unite(O.P.Live);
    P.Joined.intersect(O.P.Joined);
    for (const ReleaseSite &R : O.P.Releases) {
      bool Found = false;
      for (const ReleaseSite &Mine : P.Releases)
        Found |= Mine.Path == R.Path;
      if (!Found)
        P.Releases.push_back(R);
    }
    for (const GuardState &OG : O.Guards) {
      GuardState *G = guard(OG.Key);
      if (!G) {
        Guards.push_back(OG);
        continue;
      }
      if (G->Own != OG.Own)
        G->Own = GuardState::Maybe;
      G->Active |= OG.Active;
    }
    // A handle stale on some path is stale.
    for (const HandleFact &OH : O.Handles) {
      HandleFact *Mine = nullptr;
      for (HandleFact &H : Handles)
        if (H.Var == OH.Var && H.Lock == OH.Lock)
          Mine = &H;
      if (!Mine)
        Handles.push_back(OH);
      else if (OH.Stale && !Mine->Stale)
        *Mine = OH;
    }
  }

  bool sameAs(const FlowState &O) const {
    if (Reachable != O.Reachable)
      return false;
    if (!P.Acquired.sameAs(O.P.Acquired) ||
        !P.ReleasedEntry.sameAs(O.P.ReleasedEntry) ||
        !P.Live.sameAs(O.P.Live) || !P.Joined.sameAs(O.P.Joined) ||
        P.Releases.size() != O.P.Releases.size() ||
        Guards.size() != O.Guards.size() ||
        Handles.size() != O.Handles.size())
      return false;
    for (const HandleFact &H : Handles) {
      bool Found = false;
      for (const HandleFact &OH : O.Handles)
        Found |= OH.Var == H.Var && OH.Lock == H.Lock && OH.Stale == H.Stale;
      if (!Found)
        return false;
    }
    for (const GuardState &G : Guards) {
      bool Found = false;
      for (const GuardState &OG : O.Guards)
        if (OG.Key == G.Key && OG.Own == G.Own && OG.Active == G.Active)
          Found = true;
      if (!Found)
        return false;
    }
    return true;
  }
};

/// A try-lock whose outcome a branch decides.
struct PendingTry {
  llvm::SmallVector<AccessPath, 2> Mutexes;
  LockMode Mode = LockMode::Exclusive;
  int SuccessValue = 1;
  const void *GuardKey = nullptr; ///< for unique_lock::try_lock/owns_lock
};


/// Element type of a container class template specialisation.
QualType firstTemplateArg(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOf(T));
  if (!Spec || Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return QualType();
  return Spec->getTemplateArgs()[0].getAsType();
}

bool isThreadHandleContainer(QualType T) {
  QualType E = firstTemplateArg(T);
  return !E.isNull() &&
         (ThreadModel::isThreadType(E) || ThreadModel::isFutureType(E));
}

bool joinsOnDestruction(QualType T) {
  if (ThreadModel::isJThreadType(T) || ThreadModel::isFutureType(T))
    return true;
  QualType E = firstTemplateArg(T);
  return !E.isNull() &&
         (ThreadModel::isJThreadType(E) || ThreadModel::isFutureType(E));
}

/// Drops trailing "any element" steps: `threads[]` joins group `threads`.
AccessPath groupKey(AccessPath P) {
  while (!P.steps().empty() && P.steps().back() == nullptr) {
    AccessPath Q = P.kind() == RootKind::This
                       ? AccessPath::thisOf(
                             cast_or_null<CXXRecordDecl>(P.root()))
                       : (P.kind() == RootKind::Global
                              ? AccessPath::global(P.var())
                              : AccessPath::var(P.var()));
    P = Q.withSteps(P.steps().drop_back());
  }
  return P;
}

//===----------------------------------------------------------------------===//
// Pre-scan of the body: syntactic facts the transfer functions look up.
//===----------------------------------------------------------------------===//

class BodyScanner : public RecursiveASTVisitor<BodyScanner> {
public:
  BodyScanner(AnalysisContext &Ctx, const PathResolver &R) : Ctx(Ctx), R(R) {}

  bool shouldVisitImplicitCode() const { return true; }
  bool shouldVisitLambdaBody() const { return false; }

  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasInit() && !VD->hasGlobalStorage()) {
      const Expr *Init = stripTemporaries(VD->getInit());
      if (isa<CXXConstructExpr>(Init) || isa<CallExpr>(Init)) {
        ConstructVar[Init] = VD;
        ConstructTarget.insert({Init, AccessPath::var(VD)});
      }
    }
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    if (const DeclStmt *DS = S->getRangeStmt())
      if (DS->isSingleDecl())
        if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl()))
          RangeVarLoop[VD] = S;
    collectLoopJoins(S, S->getBody());
    if (std::optional<LoopShape> L = matchRangeFor(S))
      addLoop(*L);
    return true;
  }
  bool VisitForStmt(ForStmt *S) {
    collectLoopJoins(S, S->getBody());
    if (std::optional<LoopShape> L = matchIteratorLoop(S))
      addLoop(*L);
    return true;
  }
  bool VisitWhileStmt(WhileStmt *S) {
    collectLoopJoins(S, S->getBody());
    return true;
  }
  bool VisitDoStmt(DoStmt *S) {
    collectLoopJoins(S, S->getBody());
    return true;
  }
  bool VisitExpr(Expr *E) {
    if (!isa<CXXConstructExpr>(E) && !isa<CallExpr>(E))
      return true;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (std::optional<LoopShape> L = matchAlgorithm(Call))
        addLoop(*L);
    // `f(m_)` with f taking the container by value: the copy is reported
    // as the argument passing.
    if (const auto *Call = dyn_cast<CallExpr>(E))
      for (const Expr *A : Call->arguments())
        if (const auto *CE = dyn_cast<CXXConstructExpr>(stripTemporaries(A)))
          if (CE->getNumArgs() == 1 && CE->getConstructor() &&
              CE->getConstructor()->isCopyOrMoveConstructor())
            ArgCopies.insert(CE);
    if (std::optional<ThreadStartCall> TS = Ctx.Threads.classifyStart(E))
      if (std::optional<CallableTarget> T =
              ThreadModel::resolveCallable(TS->Callable, TS->Args))
        if (T->Lambda)
          ThreadLambdas.insert(T->Lambda);
    // `loop_->runInLoop([this] { ... })`: the lambda runs on the loop.
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      if (isLoopPostFunction(MC->getMethodDecl(), Ctx.Opts))
        for (const Expr *A : MC->arguments())
          if (const auto *LE = dyn_cast<LambdaExpr>(stripWrappers(A)))
            PostedLambdas[LE] = MC;
    // `std::call_once(flag, [this] { ... })`: the lambda runs under the
    // flag.
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (std::optional<OnceCall> OC = classifyOnceCall(Call))
        if (const auto *LE =
                dyn_cast<LambdaExpr>(stripWrappers(OC->Callable)))
          OnceLambdas[LE] = OC->Flag;
    return true;
  }

  llvm::DenseMap<const Expr *, const VarDecl *> ConstructVar;
  llvm::DenseMap<const Expr *, AccessPath> ConstructTarget;
  llvm::DenseMap<const VarDecl *, const CXXForRangeStmt *> RangeVarLoop;
  llvm::DenseSet<const LambdaExpr *> ThreadLambdas;
  /// Lambdas posted to an event loop, with the call that posts each.
  llvm::DenseMap<const LambdaExpr *, const CXXMemberCallExpr *> PostedLambdas;
  /// Lambdas written as the callable of a call_once, with its flag.
  llvm::DenseMap<const LambdaExpr *, const Expr *> OnceLambdas;
  llvm::DenseSet<const CXXConstructExpr *> ArgCopies;
  /// Loops over containers, the statements inside each, and the calls that
  /// start iterator loops and algorithms.
  std::vector<LoopShape> Loops;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<unsigned, 1>> StmtLoops;
  llvm::DenseMap<const Expr *, unsigned> BeginCallLoop;
  llvm::DenseMap<const Expr *, unsigned> EndCallLoop;
  llvm::DenseMap<const Expr *, unsigned> RangeArgLoop;
  llvm::DenseMap<const Stmt *, unsigned> LoopIndex;
  llvm::DenseMap<const Stmt *, llvm::SmallVector<AccessPath, 1>> LoopJoins;

private:
  void addLoop(const LoopShape &L) {
    if (LoopIndex.count(L.Loop))
      return;
    unsigned Idx = Loops.size();
    Loops.push_back(L);
    LoopIndex[L.Loop] = Idx;
    if (L.BeginCall)
      BeginCallLoop[innermostCall(L.BeginCall)] = Idx;
    if (L.EndCall)
      EndCallLoop[innermostCall(L.EndCall)] = Idx;
    if (L.RangeArg)
      RangeArgLoop[L.RangeArg] = Idx;
    llvm::SmallVector<const Stmt *, 32> Work;
    if (L.Body)
      Work.push_back(L.Body);
    else
      StmtLoops[L.Loop].push_back(Idx);
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      StmtLoops[S].push_back(Idx);
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  static const Expr *innermostCall(const Expr *E) {
    for (int Guard = 0; E && Guard < 8; ++Guard) {
      E = stripTemporaries(E);
      if (isa<CallExpr>(E))
        return E;
      if (const auto *C = dyn_cast<CXXConstructExpr>(E))
        if (C->getNumArgs() == 1) {
          E = C->getArg(0);
          continue;
        }
      return E;
    }
    return E;
  }
  /// A loop whose body joins elements of a thread container joins the whole
  /// container by the time it exits.
  void collectLoopJoins(const Stmt *Loop, const Stmt *Body) {
    if (!Body)
      return;
    llvm::SmallVector<const Stmt *, 16> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *CE = dyn_cast<CallExpr>(S))
        if (const Expr *T = ThreadModel::joinTarget(CE))
          if (std::optional<AccessPath> P = R.resolve(T))
            if (!P->steps().empty() && P->steps().back() == nullptr)
              LoopJoins[Loop].push_back(groupKey(*P));
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  AnalysisContext &Ctx;
  const PathResolver &R;
};

//===----------------------------------------------------------------------===//
// The analyzer
//===----------------------------------------------------------------------===//

class Analyzer {
public:
  Analyzer(AnalysisContext &Ctx, const FunctionDecl *FD)
      : Ctx(Ctx), FD(FD), R(Ctx.Index, FD), Scan(Ctx, R),
        Facts(std::make_unique<FunctionFacts>()) {
    Facts->FD = FD;
    R.CallPath = [this](const CallExpr *CE) { return returnedPath(CE); };
  }

  std::unique_ptr<FunctionFacts> run();

private:
  // Transfer functions.
  void transferBlock(const CFGBlock *B, FlowState &S);
  void handleStmt(const Stmt *St, FlowState &S);
  void handleCall(const CallExpr *CE, FlowState &S);
  void handleConstruct(const CXXConstructExpr *CE, FlowState &S);
  void handleDeclStmt(const DeclStmt *DS, FlowState &S);
  void handleLambda(const LambdaExpr *LE, FlowState &S);
  /// Is the lambda made into a std::function (or the like) right away?
  bool keptInCallableWrapper(const LambdaExpr *LE);
  bool handleOnceCall(const OnceCall &OC, const CallExpr *CE, FlowState &S);
  void noteTryResult(const Stmt *St);
  void rememberTryResult(const Decl *V, const Expr *Value);
  const PendingTry *pendingTryOf(const Expr *E) const;
  void handleReturn(const ReturnStmt *RS, FlowState &S);
  /// The object a returned reference or pointer names, in this function's
  /// terms (either arm of `b ? &x_ : &y_`: the part of the object both lie
  /// in, named by this accessor).
  std::optional<AccessPath> returnedObject(const Expr *V) const;
  void handleAutoDtor(const VarDecl *VD, const Stmt *Trigger, FlowState &S);
  void handleTempDtor(const CXXBindTemporaryExpr *BTE, FlowState &S);
  /// Runs the summary of T's destructor on the object (Key: its variable or
  /// temporary, Object: its path when it has one).
  void applyDestructor(QualType T, const void *Key,
                       std::optional<AccessPath> Object, FlowState &S,
                       SourceLocation End, bool Temporary);
  FlowState edgeState(const CFGBlock *B, unsigned SuccIdx,
                      const FlowState &Out);

  // Locks.
  void noteLockingClass(const AccessPath &P);
  void acquire(FlowState &S, const AccessPath &P, LockMode M,
               SourceLocation Loc);
  AccessPath canonicalLock(const AccessPath &P) const;
  static AccessPath loopRole(const std::optional<AccessPath> &Loop,
                             const CXXMethodDecl *Role);
  AccessPath canonicalFrom(const AccessPath &P, size_t Start,
                           QualType RootType) const;
  static AccessPath truncated(const AccessPath &P, size_t Keep);
  void release(FlowState &S, const AccessPath &P, SourceLocation Loc,
               bool Temporary = false);
  void applyLockCall(const LockCall &LC, const CallExpr *CE, FlowState &S);
  bool applyGuardCall(const CXXMemberCallExpr *MC, FlowState &S);
  void constructGuardRange(const CXXConstructExpr *CE, FlowState &S);
  void constructGuard(const CXXConstructExpr *CE, const GuardType &GT,
                      FlowState &S);
  void releaseGuard(GuardState &G, FlowState &S, SourceLocation Loc);
  void noteGuardVar(FlowState &S, const AccessPath &M, const GuardState &G);
  void acquireGuard(GuardState &G, FlowState &S, SourceLocation Loc);
  const void *guardKeyOf(const Expr *E) const;
  /// G (being constructed) takes over the state of the guard From names;
  /// false if From is not a known guard.
  bool takeOverGuard(const Expr *From, GuardState &G, FlowState &S);
  /// The guard variable a guard member call is made on when this function
  /// does not hold the guard itself: a reference parameter, or a guard a
  /// lambda captured from the function that made it (GuardStandIns.h).
  const VarDecl *guardByReference(const Expr *Obj) const;
  /// The argument of CE bound to the Callee parameter E names, if it does.
  const Expr *argumentFor(const Expr *E, const FunctionDecl *Callee,
                          const CallExpr *CE) const;
  bool isGuardByReference(const VarDecl *VD) const;
  /// Binds the callee's guard CalleeVar, handed CallerVar, at CS.
  void bindGuard(CallSite &CS, const VarDecl *CalleeVar,
                 const VarDecl *CallerVar, FlowState &S);
  /// Binds the callee's guard reference parameters at CS.
  void bindGuardArguments(CallSite &CS, const Expr *Site, FlowState &S);
  /// T is a mutex, or a reference or pointer to one.
  bool namesMutex(QualType T) const;
  std::optional<AccessPath> mutexPath(const MutexOperand &Op,
                                      const CallExpr *CE,
                                      const FunctionDecl *Callee,
                                      const CallBinding *Binding);

  // Threads.
  void startThread(const ThreadStartCall &TS, FlowState &S);
  void killGroup(FlowState &S, const AccessPath &G);
  void assignGroup(const Expr *ThreadExpr, const AccessPath &G);

  // Containers and calls.
  void recordAccess(FlowState &S, const AccessPath &P, AccessKind K,
                    const Expr *E, QualType ContainerType,
                    std::string Detail = "", const Stmt *Loop = nullptr,
                    const Expr *Call = nullptr, llvm::StringRef Method = "");
  void handleContainerMember(const CallExpr *CE, const CXXMethodDecl *MD,
                             const Expr *Obj, FlowState &S);
  void handleArguments(const Expr *Call, const FunctionDecl *Callee,
                       llvm::ArrayRef<const Expr *> Args, FlowState &S);
  CallBinding bindingFor(const FunctionDecl *Callee, const Expr *ObjectExpr,
                         std::optional<AccessPath> Object,
                         const MemberBindings *Members,
                         llvm::ArrayRef<const Expr *> Args);
  /// A call of Callee at Site, bound by B, in state S.
  static CallSite boundCall(const FunctionDecl *Callee, const CallBinding &B,
                            const Expr *Site, const FlowState &S) {
    CallSite CS;
    CS.Callee = Callee;
    CS.Loc = Site->getBeginLoc();
    CS.Object = B.Object;
    CS.Args = B.Args;
    CS.NullArgs = B.NullArgs;
    if (B.ObjectMembers)
      CS.ObjectMembers = *B.ObjectMembers;
    CS.State = S.P;
    CS.CallExpr = Site;
    return CS;
  }
  void applySummary(const FunctionDecl *Callee, const CallBinding &B,
                    const Expr *Site, FlowState &S, bool OnThisObject,
                    bool ApplyLockEffects = true);
  std::optional<AccessPath> returnedPath(const CallExpr *CE);
  void computeJoinsAhead();
  void keptElements(const clang::Expr *Site, const FunctionDecl *Callee,
                    bool &Object, uint64_t &Args);

  struct JoinSite {
    const CFGBlock *Block;
    unsigned Elem;
    AccessPath Group;
  };
  std::vector<JoinSite> JoinSites;
  std::vector<std::pair<const CFGBlock *, unsigned>> AccessPoints;
  unsigned CurElem = 0;
  bool ReturnedPathConflict = false;
  /// Per loop: the lock state where it starts, and what its body drops.
  struct LoopTrack {
    /// Blocks from which the loop goes on to another iteration: a lock
    /// dropped on the way out (`unlock(); return;`) is no race with it.
    std::optional<llvm::BitVector> Continues;
    bool Started = false;
    size_t StartAccess = ~size_t(0);
    LockSet StartAcquired;
    PathSet StartReleased;
    PathSet NotHeld;
    SourceLocation ReleaseInside;
  };
  std::vector<LoopTrack> LoopTracks;
  /// Calls during which a held lock is released and taken again.
  llvm::DenseMap<const Stmt *, llvm::SmallVector<AccessPath, 1>> TempReleases;
  void trackLoops(const Stmt *St, const FlowState &S);
  void buildLoopFacts();

  /// Iterators, references and pointers into containers, by the variable
  /// holding them: the locks held (acquired here) when they were obtained.
  struct HandleInfo {
    AccessPath Container;
    QualType ContainerType;
    LockSet Locks;
    SourceLocation Created;
    std::string Method;
    std::string Kind;
    bool Reported = false;
    size_t CreationAccess = ~size_t(0);
  };
  struct HandleCall {
    AccessPath Container;
    QualType ContainerType;
    LockSet Locks;
    std::string Method;
    /// The access this call records (index into Facts->Accesses).
    size_t CreationAccess = ~size_t(0);
  };
  /// Where a handle comes from: a call producing one (`m_.find(k)`), or a
  /// handle variable reached through (`it->second`), and what it is.
  struct HandleSource {
    const HandleCall *Call = nullptr;
    const HandleInfo *From = nullptr;
    enum Shape { None, Iterator, Element, Address } S = None;
  };
  llvm::DenseMap<const Expr *, HandleCall> HandleCalls;
  llvm::DenseMap<const ValueDecl *, HandleInfo> Handles;
  std::unique_ptr<ParentMap> Parents;
  ParentMap &parents() {
    if (!Parents)
      Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
    return *Parents;
  }
  void noteHandleVar(const VarDecl *VD, FlowState &S);
  void noteHandle(const ValueDecl *VD, const Expr *Init, SourceLocation At,
                  FlowState &S);
  void handleAssignment(const Expr *LHS, const Expr *RHS, FlowState &S);
  void checkHandleUse(const DeclRefExpr *DRE, const FlowState &S);
  void checkReturnedHandle(const ReturnStmt *RS, const FlowState &S);
  HandleSource handleSourceOf(const Expr *E) const;
  /// Handle variables already reported (once each).
  llvm::DenseSet<const ValueDecl *> ReportedHandles;
  unsigned PathDepth = 0;

  AnalysisContext &Ctx;
  const FunctionDecl *FD;
  PathResolver R;
  BodyScanner Scan;
  std::unique_ptr<FunctionFacts> Facts;
  std::unique_ptr<CFG> Graph;
  bool Emit = false;
  const CFGBlock *CurBlock = nullptr;
  llvm::DenseMap<const CallExpr *, PendingTry> TryCalls;
  /// `bool ok = mu.try_lock();`: variables holding a try-lock's result.
  llvm::DenseMap<const Decl *, PendingTry> TryVars;
  /// The mutexes each guard was built on (for `lk.release()->unlock()`).
  llvm::DenseMap<const void *, llvm::SmallVector<AccessPath, 2>> GuardMutexes;
  llvm::DenseMap<const Expr *, unsigned> ThreadOfSite;
  llvm::DenseSet<unsigned> EmittedThreads;
  llvm::DenseMap<const void *, MemberBindings> ObjectMembers;
};

//===----------------------------------------------------------------------===//
// Driver
//===----------------------------------------------------------------------===//

std::unique_ptr<FunctionFacts> Analyzer::run() {
  const Stmt *Body = FD->getBody();
  if (!Body) {
    Facts->Skipped = true;
    Facts->SkipReason = "no body";
    return std::move(Facts);
  }
  CFG::BuildOptions BO;
  BO.setAllAlwaysAdd();
  BO.AddImplicitDtors = true;
  BO.AddTemporaryDtors = true;
  BO.AddInitializers = true;
  BO.AddCXXDefaultInitExprInCtors = true;
  Graph = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx.AST, BO);
  if (!Graph) {
    Facts->Skipped = true;
    Facts->SkipReason = "the control-flow graph could not be built";
    return std::move(Facts);
  }
  size_t Elements = 0;
  for (const CFGBlock *B : *Graph)
    Elements += B->size();
  if (Ctx.Opts.MaxFunctionElements &&
      Elements > Ctx.Opts.MaxFunctionElements) {
    Facts->Skipped = true;
    Facts->SkipReason = "the function has " + std::to_string(Elements) +
                        " control-flow elements, over the budget of " +
                        std::to_string(Ctx.Opts.MaxFunctionElements);
    return std::move(Facts);
  }

  // Syntactic pre-scan (constructor initialisers included).
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD)) {
    for (const CXXCtorInitializer *I : Ctor->inits()) {
      if (!I->isAnyMemberInitializer() || !I->getInit())
        continue;
      const FieldDecl *F = I->getAnyMember();
      Scan.TraverseStmt(I->getInit());
      const Expr *Init = stripTemporaries(I->getInit());
      Scan.ConstructTarget.insert(
          {Init, AccessPath::thisOf(Ctor->getParent()).withField(F)});
    }
  }

  // Reverse post-order.
  std::vector<const CFGBlock *> RPO;
  {
    llvm::BitVector Seen(Graph->getNumBlockIDs());
    std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>>
        Stack;
    const CFGBlock *Entry = &Graph->getEntry();
    Stack.push_back({Entry, Entry->succ_begin()});
    Seen.set(Entry->getBlockID());
    while (!Stack.empty()) {
      auto &[Blk, It] = Stack.back();
      if (It == Blk->succ_end()) {
        RPO.push_back(Blk);
        Stack.pop_back();
        continue;
      }
      const CFGBlock *Succ = It->getReachableBlock();
      ++It;
      if (Succ && !Seen.test(Succ->getBlockID())) {
        Seen.set(Succ->getBlockID());
        Stack.push_back({Succ, Succ->succ_begin()});
      }
    }
    std::reverse(RPO.begin(), RPO.end());
  }

  std::vector<FlowState> In(Graph->getNumBlockIDs());
  In[Graph->getEntry().getBlockID()].Reachable = true;
  bool Changed = true;
  for (int Sweep = 0; Changed && Sweep < 24; ++Sweep) {
    Changed = false;
    for (const CFGBlock *B : RPO) {
      if (!In[B->getBlockID()].Reachable)
        continue;
      FlowState S = In[B->getBlockID()];
      transferBlock(B, S);
      unsigned Idx = 0;
      for (auto It = B->succ_begin(); It != B->succ_end(); ++It, ++Idx) {
        const CFGBlock *Succ = It->getReachableBlock();
        if (!Succ)
          continue;
        FlowState E = edgeState(B, Idx, S);
        FlowState &Target = In[Succ->getBlockID()];
        FlowState Before = Target;
        Target.join(E);
        if (!Target.sameAs(Before))
          Changed = true;
      }
    }
  }

  // Emission pass over the fixpoint.
  LoopTracks.resize(Scan.Loops.size());
  Emit = true;
  for (const CFGBlock *B : RPO) {
    if (!In[B->getBlockID()].Reachable)
      continue;
    FlowState S = In[B->getBlockID()];
    transferBlock(B, S);
  }

  computeJoinsAhead();
  buildLoopFacts();
  dropRepeatedLiftedAccesses(*Facts);

  // Summary at normal exit.
  const FlowState &Exit = In[Graph->getExit().getBlockID()];
  FunctionSummary &Sum = Facts->Summary;
  if (Exit.Reachable) {
    for (const HeldLock &H : Exit.P.Acquired)
      if (!H.Asserted)
        Sum.AcquiredAtExit.add(H);
    // (A guard reached by reference is the caller's: GuardParamUnlocks.)
    for (const AccessPath &P : Exit.P.ReleasedEntry)
      if (!Exit.P.Acquired.contains(P) && !isGuardStandIn(P, Ctx.Locks))
        Sum.ReleasedAtExit.add(P);
    Sum.EscapedThreads = Exit.P.Live;
    for (const AccessPath &G : Exit.P.Joined)
      if (G.kind() != RootKind::Var || G.param())
        Sum.JoinedGroups.add(G);
  } else {
    // Never returns normally (a worker loop): its threads never end either.
    for (unsigned T : Facts->ThreadStarts)
      Sum.EscapedThreads.add(T);
  }
  for (unsigned T : Facts->ThreadStarts)
    if (T < Ctx.ThreadTable.size())
      Ctx.ThreadTable[T].Escapes = Sum.EscapedThreads.contains(T);
  // Member functions this one calls on its own object touch the same
  // members: their accesses count too (one loop iterating, a helper two
  // calls down erasing).
  // They run with the locks this function holds at the call (a private
  // helper called under the lock keeps it when the summary is lifted into
  // a caller that reaches us through a member).
  for (const CallSite &CS : Facts->Calls)
    if (CS.OnThisObject && CS.Callee != FD && !CS.Deferred)
      if (const FunctionFacts *CF = Ctx.factsOf(CS.Callee))
        for (const LocalAccess &CA : CF->Summary.ThisAccesses) {
          if (Sum.ThisAccesses.size() >= MaxLiftedAccesses)
            break;
          LocalAccess A = CA;
          A.State = CS.State;
          for (const AccessPath &Rel : CA.State.ReleasedEntry)
            if (!A.State.Acquired.remove(Rel))
              A.State.ReleasedEntry.add(Rel);
          for (const HeldLock &H : CA.State.Acquired)
            A.State.Acquired.add(H);
          A.State.Live.unite(CA.State.Live);
          Sum.ThisAccesses.push_back(std::move(A));
        }
  for (const LocalAccess &A : Facts->Accesses) {
    if (A.Path.kind() == RootKind::This && !A.Path.steps().empty() &&
        Sum.ThisAccesses.size() < MaxLiftedAccesses)
      Sum.ThisAccesses.push_back(A);
    const ParmVarDecl *PVD = A.Path.param();
    if (PVD && isDeclaredWithin(PVD, FD) &&
        (PVD->getType()->isReferenceType() || PVD->getType()->isPointerType()))
      Sum.ParamAccesses.push_back(A);
  }
  return std::move(Facts);
}

//===----------------------------------------------------------------------===//
// Block and edge transfer
//===----------------------------------------------------------------------===//

void Analyzer::transferBlock(const CFGBlock *B, FlowState &S) {
  CurBlock = B;
  CurElem = 0;
  for (const CFGElement &El : *B) {
    ++CurElem;
    if (std::optional<CFGStmt> CS = El.getAs<CFGStmt>()) {
      handleStmt(CS->getStmt(), S);
      if (Emit && !Scan.StmtLoops.empty())
        trackLoops(CS->getStmt(), S);
    } else if (std::optional<CFGAutomaticObjDtor> AD =
                   El.getAs<CFGAutomaticObjDtor>()) {
      handleAutoDtor(AD->getVarDecl(), AD->getTriggerStmt(), S);
    } else if (std::optional<CFGTemporaryDtor> TD =
                   El.getAs<CFGTemporaryDtor>()) {
      handleTempDtor(TD->getBindTemporaryExpr(), S);
    }
  }
}

/// What a branch condition tests: a call or a variable, maybe negated,
/// maybe compared with an integer (`!mu.try_lock()`, `rc == 0`,
/// `std::try_lock(a, b) == -1`).
struct CondTest {
  const Expr *Subject = nullptr; ///< a CallExpr or DeclRefExpr
  bool Negated = false;
  std::optional<int64_t> ComparedWith; ///< `Subject == value`
};

static std::optional<int64_t> intLiteral(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  bool Minus = false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_Minus) {
      Minus = true;
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    }
  if (const auto *IL = dyn_cast<IntegerLiteral>(E))
    return (Minus ? -1 : 1) * static_cast<int64_t>(IL->getValue().getZExtValue());
  if (const auto *BL = dyn_cast<CXXBoolLiteralExpr>(E))
    return BL->getValue() ? 1 : 0;
  if (isa<CXXNullPtrLiteralExpr>(E))
    return 0;
  return std::nullopt;
}

static CondTest conditionTest(const Expr *Cond) {
  CondTest T;
  for (int Guard = 0; Cond && Guard < 8; ++Guard) {
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond)) {
      if (UO->getOpcode() != UO_LNot)
        return CondTest();
      T.Negated = !T.Negated;
      Cond = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
      if ((BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE) ||
          T.ComparedWith)
        return CondTest();
      if ((T.ComparedWith = intLiteral(BO->getRHS())))
        Cond = BO->getLHS();
      else if ((T.ComparedWith = intLiteral(BO->getLHS())))
        Cond = BO->getRHS();
      else
        return CondTest();
      if (BO->getOpcode() == BO_NE)
        T.Negated = !T.Negated;
      continue;
    }
    if (isa<CallExpr>(Cond) || isa<DeclRefExpr>(Cond))
      T.Subject = Cond;
    return T;
  }
  return CondTest();
}

/// On which edge of the branch the try-lock succeeded: 0 (true), 1
/// (false), or -1 if the condition does not tell.
static int successEdge(const CondTest &T, int SuccessValue) {
  bool TrueMeansSuccess;
  if (!T.ComparedWith) {
    if (SuccessValue == 1)
      TrueMeansSuccess = true;
    else if (SuccessValue == 0)
      TrueMeansSuccess = false;
    else
      return -1;
  } else if (*T.ComparedWith == SuccessValue) {
    TrueMeansSuccess = true;
  } else if (SuccessValue == 1 && *T.ComparedWith == 0) {
    TrueMeansSuccess = false; // `try_lock() == false`
  } else {
    return -1; // `rc == EBUSY`: true is failure, false says nothing
  }
  if (T.Negated)
    TrueMeansSuccess = !TrueMeansSuccess;
  return TrueMeansSuccess ? 0 : 1;
}

/// `s.ok()` (IsOk, is_ok...): the status object s, else null.
static const Expr *statusTestedByOk(const CallExpr *CE) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(CE);
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() || MC->getNumArgs() != 0)
    return nullptr;
  bool Ok = llvm::StringSwitch<bool>(MD->getName())
                .Cases({"ok", "IsOk", "isOk", "is_ok", "IsOK"}, true)
                .Default(false);
  return Ok ? stripTemporaries(MC->getImplicitObjectArgument()) : nullptr;
}

FlowState Analyzer::edgeState(const CFGBlock *B, unsigned SuccIdx,
                              const FlowState &Out) {
  const Stmt *Term = B->getTerminatorStmt();
  bool NeedsCopy = false;
  auto LJ = Term ? Scan.LoopJoins.find(Term) : Scan.LoopJoins.end();
  if (LJ != Scan.LoopJoins.end() && SuccIdx == 1)
    NeedsCopy = true;
  const Expr *Cond =
      dyn_cast_or_null<Expr>(B->getTerminatorCondition(/*StripParens=*/true));
  CondTest Test;
  if (Cond && B->succ_size() == 2)
    Test = conditionTest(Cond);
  const auto *CondCall = dyn_cast_or_null<CallExpr>(Test.Subject);
  // A try-lock tested directly, or through the variable holding its
  // result; or a status object it returned, tested with `ok()`
  // (`if (!result.ok())`), which is true where a truthy result would be.
  const PendingTry *PT = pendingTryOf(Test.Subject);
  if (!PT)
    if (const Expr *Status = statusTestedByOk(CondCall))
      if ((PT = pendingTryOf(Status)) && PT->SuccessValue != 1)
        PT = nullptr;
  // `if (lk)` / `if (lk.owns_lock())` on a guard whose ownership is unknown.
  const void *OwnsGuard = nullptr;
  if (CondCall && !PT)
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CondCall))
      if (LockModel::guardMethod(MC->getMethodDecl()) ==
          LockModel::GuardMethod::OwnsLock)
        OwnsGuard = guardKeyOf(MC->getImplicitObjectArgument());
  // `if (t.joinable()) t.join();`: where it is not joinable, no thread
  // runs behind t.
  const Expr *Joinable = CondCall && !Test.ComparedWith
                             ? ThreadModel::joinableTarget(CondCall)
                             : nullptr;
  if (!NeedsCopy && !PT && !OwnsGuard && !Joinable)
    return Out;

  FlowState S = Out;
  if (LJ != Scan.LoopJoins.end() && SuccIdx == 1)
    for (const AccessPath &G : LJ->second)
      killGroup(S, G);
  if (Joinable && (SuccIdx == 1) != Test.Negated)
    if (std::optional<AccessPath> G = R.resolve(Joinable))
      killGroup(S, groupKey(*G));
  SourceLocation CondLoc = Test.Subject ? Test.Subject->getBeginLoc()
                                        : SourceLocation();
  if (PT) {
    int Edge = successEdge(Test, PT->SuccessValue);
    if (Edge >= 0) {
      bool Success = static_cast<int>(SuccIdx) == Edge;
      if (PT->GuardKey) {
        if (GuardState *G = S.guard(PT->GuardKey)) {
          if (Success)
            acquireGuard(*G, S, CondLoc);
          else
            G->Own = GuardState::NotOwns;
        }
      } else if (Success) {
        for (const AccessPath &M : PT->Mutexes)
          acquire(S, M, PT->Mode, CondLoc);
      }
    }
  } else if (OwnsGuard) {
    if (GuardState *G = S.guard(OwnsGuard)) {
      int Edge = successEdge(Test, 1);
      bool Success = static_cast<int>(SuccIdx) == Edge;
      if (Success && G->Own != GuardState::Owns)
        acquireGuard(*G, S, CondLoc);
      else if (!Success && Edge >= 0)
        G->Own = GuardState::NotOwns;
    }
  }
  return S;
}

const PendingTry *Analyzer::pendingTryOf(const Expr *E) const {
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    auto It = TryCalls.find(CE);
    return It == TryCalls.end() ? nullptr : &It->second;
  }
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E)) {
    auto It = TryVars.find(DRE->getDecl());
    return It == TryVars.end() ? nullptr : &It->second;
  }
  return nullptr;
}

void Analyzer::rememberTryResult(const Decl *V, const Expr *Value) {
  const auto *CE = dyn_cast_or_null<CallExpr>(stripTemporaries(Value));
  auto It = CE ? TryCalls.find(CE) : TryCalls.end();
  if (It != TryCalls.end())
    TryVars[V] = It->second;
}

/// `result = mu->TryLockFor(t);` (a bool, or a status object tested
/// with `result.ok()` later): the variable holds the try-lock's result.
void Analyzer::noteTryResult(const Stmt *St) {
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->getOpcode() == BO_Assign) {
      LHS = BO->getLHS();
      RHS = BO->getRHS();
    }
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(St)) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      LHS = OC->getArg(0);
      RHS = OC->getArg(1);
    }
  }
  if (const auto *DRE =
          LHS ? dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts()) : nullptr)
    rememberTryResult(DRE->getDecl(), RHS);
}

void Analyzer::handleStmt(const Stmt *St, FlowState &S) {
  if (!TryCalls.empty())
    noteTryResult(St);
  if (const auto *CE = dyn_cast<CallExpr>(St))
    handleCall(CE, S);
  else if (const auto *Ctor = dyn_cast<CXXConstructExpr>(St))
    handleConstruct(Ctor, S);
  else if (const auto *DS = dyn_cast<DeclStmt>(St))
    handleDeclStmt(DS, S);
  else if (const auto *LE = dyn_cast<LambdaExpr>(St))
    handleLambda(LE, S);
  else if (const auto *RS = dyn_cast<ReturnStmt>(St))
    handleReturn(RS, S);
  else if (const auto *DRE = dyn_cast<DeclRefExpr>(St)) {
    if (Emit && !S.Handles.empty())
      checkHandleUse(DRE, S);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(St)) {
    if (BO->getOpcode() == BO_Assign && !HandleCalls.empty())
      handleAssignment(BO->getLHS(), BO->getRHS(), S);
  }
}

//===----------------------------------------------------------------------===//
// Locks
//===----------------------------------------------------------------------===//

/// The loop-thread role of the loop object Loop. A loop we cannot name
/// (`self->loop()`, the current thread's loop) stands for every loop of its
/// class, as a member stands for every instance's (field-based).
AccessPath Analyzer::loopRole(const std::optional<AccessPath> &Loop,
                              const CXXMethodDecl *Role) {
  if (Loop)
    return Loop->withField(Role);
  return AccessPath::thisOf(Role->getParent()).withField(Role);
}

AccessPath Analyzer::canonicalLock(const AccessPath &P) const {
  // `mu_.mu_` where the outer `mu_` is itself a mutex (a project wrapper
  // around std::mutex): the wrapper is the lock users name.
  QualType T;
  if (P.kind() == RootKind::This)
    return canonicalFrom(P, 0, QualType());
  if (const VarDecl *VD = P.var())
    T = VD->getType();
  return canonicalFrom(P, 0, T);
}

AccessPath Analyzer::canonicalFrom(const AccessPath &P, size_t Start,
                                   QualType RootType) const {
  llvm::ArrayRef<const ValueDecl *> Steps = P.steps();
  if (!Steps.empty() && namesMutex(RootType))
    return truncated(P, 0);
  for (size_t I = Start; I + 1 < Steps.size(); ++I) {
    const ValueDecl *F = Steps[I];
    if (!F)
      return P;
    if (namesMutex(F->getType()))
      return truncated(P, I + 1);
  }
  return P;
}

AccessPath Analyzer::truncated(const AccessPath &P, size_t Keep) {
  AccessPath Root = P.kind() == RootKind::This
                        ? AccessPath::thisOf(cast_or_null<CXXRecordDecl>(P.root()))
                        : (P.kind() == RootKind::Global
                               ? AccessPath::global(P.var())
                               : AccessPath::var(P.var()));
  return Root.withSteps(P.steps().take_front(Keep));
}

void Analyzer::acquire(FlowState &S, const AccessPath &P0, LockMode M,
                       SourceLocation Loc) {
  AccessPath P = canonicalLock(P0);
  S.P.Acquired.acquireOnce({P, M, Loc});
  noteLockingClass(P);
}

void Analyzer::noteLockingClass(const AccessPath &P) {
  // (A loop-thread role does not make its class a locking class.)
  if (Emit && P.kind() == RootKind::This && !P.steps().empty() &&
      !isLoopThreadRole(P))
    if (const auto *F = dyn_cast_or_null<FieldDecl>(P.steps().front()))
      if (const auto *C = dyn_cast<CXXRecordDecl>(F->getParent())) {
        std::vector<AccessPath> &Locked =
            Ctx.LockedMutexes[C->getCanonicalDecl()];
        if (std::find(Locked.begin(), Locked.end(), P) == Locked.end())
          Locked.push_back(P);
      }
}

void Analyzer::release(FlowState &S, const AccessPath &P0, SourceLocation Loc,
                       bool Temporary) {
  AccessPath P = canonicalLock(P0);
  if (!S.P.Acquired.releaseOnce(P)) {
    S.P.ReleasedEntry.add(P);
    if (Emit) {
      Facts->Summary.ReleasesEntryLock = true;
      Facts->Summary.ReleasedSomewhere.add(P);
    }
  }
  // Handles obtained under P go stale once nobody holds it any more.
  if (!S.P.Acquired.contains(P))
    for (HandleFact &H : S.Handles)
      if (H.Lock == P && !H.Stale) {
        H.Stale = true;
        H.ReleaseLoc = Loc;
        H.Temporary = Temporary;
      }
  for (ReleaseSite &R : S.P.Releases)
    if (R.Path == P) {
      R.Loc = Loc;
      R.Temporary = Temporary;
      return;
    }
  S.P.Releases.push_back({P, Loc, Temporary});
}

void Analyzer::acquireGuard(GuardState &G, FlowState &S, SourceLocation Loc) {
  for (const AccessPath &M : G.Mutexes) {
    acquire(S, M, G.Mode, Loc);
    noteGuardVar(S, M, G);
  }
  G.Own = GuardState::Owns;
}

void Analyzer::noteGuardVar(FlowState &S, const AccessPath &M,
                            const GuardState &G) {
  if (G.Temporary)
    return;
  for (const HeldLock &H : S.P.Acquired)
    if (H.Path == canonicalLock(M)) {
      HeldLock Copy = H;
      Copy.Guard = static_cast<const VarDecl *>(G.Key);
      S.P.Acquired.add(Copy);
      return;
    }
}

void Analyzer::releaseGuard(GuardState &G, FlowState &S, SourceLocation Loc) {
  if (G.Active && G.Own != GuardState::NotOwns)
    for (const AccessPath &M : G.Mutexes)
      release(S, M, Loc, G.Temporary);
  G.Own = GuardState::NotOwns;
}

const void *Analyzer::guardKeyOf(const Expr *E) const {
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = stripTemporaries(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // A move construction names its source; any other construction is
      // a temporary guard, keyed by its expression.
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor()) {
        E = CE->getArg(0);
        continue;
      }
      return CE;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *F = CE->getDirectCallee();
      if (F && F->getIdentifier() && isInStd(F) && CE->getNumArgs() == 1 &&
          (F->getName() == "move" || F->getName() == "forward")) {
        E = CE->getArg(0);
        continue;
      }
      return CE; // a guard returned by a function
    }
    return nullptr;
  }
  return nullptr;
}

std::optional<AccessPath> Analyzer::mutexPath(const MutexOperand &Op,
                                              const CallExpr *CE,
                                              const FunctionDecl *Callee,
                                              const CallBinding *Binding) {
  if (!Op.InCalleeTerms) {
    const Expr *E = Op.E;
    if (!E) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        E = MC->getImplicitObjectArgument();
      else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE))
        E = OC->getNumArgs() ? OC->getArg(0) : nullptr;
    }
    return E ? R.resolve(E) : std::nullopt;
  }
  // An attribute argument, written in the callee's terms.
  std::optional<AccessPath> CalleePath;
  if (!Op.E) {
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Callee))
      CalleePath = AccessPath::thisOf(MD->getParent());
  } else {
    PathResolver CalleeR(Ctx.Index, Callee);
    CalleePath = CalleeR.resolve(Op.E);
  }
  if (!CalleePath || !Binding)
    return std::nullopt;
  return toCaller(*CalleePath, *Binding);
}

const Expr *Analyzer::argumentFor(const Expr *E, const FunctionDecl *Callee,
                                  const CallExpr *CE) const {
  const auto *DRE =
      E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
  const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  const auto *Owner =
      PVD ? dyn_cast<FunctionDecl>(PVD->getDeclContext()) : nullptr;
  if (!Owner || !Callee ||
      Owner->getCanonicalDecl() != Callee->getCanonicalDecl())
    return nullptr;
  llvm::SmallVector<const Expr *, 4> Args = callArguments(CE);
  unsigned I = PVD->getFunctionScopeIndex();
  return I < Args.size() ? Args[I] : nullptr;
}

void Analyzer::applyLockCall(const LockCall &LC, const CallExpr *CE,
                             FlowState &S) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  std::optional<CallBinding> B;
  bool AnyCalleeTerms = false;
  for (const MutexOperand &Op : LC.Mutexes)
    AnyCalleeTerms |= Op.InCalleeTerms;
  if (AnyCalleeTerms) {
    const Expr *Obj = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
      Obj = MC->getImplicitObjectArgument();
    std::optional<AccessPath> ObjPath = Obj ? R.resolve(Obj) : std::nullopt;
    const MemberBindings *Members = nullptr;
    if (const void *K = guardKeyOf(Obj)) {
      auto It = ObjectMembers.find(K);
      if (It != ObjectMembers.end())
        Members = &It->second;
    }
    B = bindingFor(Callee, Obj, ObjPath, Members, callArguments(CE));
  }
  llvm::SmallVector<AccessPath, 2> Paths;
  for (const MutexOperand &Op : LC.Mutexes) {
    // An attribute naming a parameter names the argument at the call
    // (libc++'s std::lock is acquire_capability(__l0, __l1)).
    const Expr *OpE = Op.InCalleeTerms ? argumentFor(Op.E, Callee, CE)
                                       : Op.E;
    // std::lock(lk1, lk2) over deferred unique_locks locks the guards.
    if (OpE) {
      if (const void *K = guardKeyOf(OpE))
        if (GuardState *G = S.guard(K)) {
          if (LC.Op == LockCall::Acquire)
            acquireGuard(*G, S, CE->getBeginLoc());
          continue;
        }
    }
    std::optional<AccessPath> P =
        mutexPath(Op, CE, Callee, B ? &*B : nullptr);
    if (LC.Role) // a loop we cannot name: the role of its class
      Paths.push_back(loopRole(P, LC.Role));
    else if (P)
      Paths.push_back(*P);
  }
  switch (LC.Op) {
  case LockCall::Acquire:
    for (const AccessPath &P : Paths)
      acquire(S, P, LC.Mode, CE->getBeginLoc());
    break;
  case LockCall::Release:
    for (const AccessPath &P : Paths)
      release(S, P, CE->getBeginLoc());
    break;
  case LockCall::Assert:
    for (const AccessPath &P : Paths) {
      AccessPath C = canonicalLock(P);
      if (!S.P.Acquired.contains(C))
        S.P.Acquired.add({C, LC.Mode, CE->getBeginLoc(), /*Asserted=*/true});
      if (Emit && std::find(Ctx.AssertedMutexes.begin(),
                            Ctx.AssertedMutexes.end(),
                            C) == Ctx.AssertedMutexes.end())
        Ctx.AssertedMutexes.push_back(C);
    }
    break;
  case LockCall::TryAcquire: {
    PendingTry PT;
    PT.Mutexes = Paths;
    PT.Mode = LC.Mode;
    PT.SuccessValue = LC.SuccessValue;
    TryCalls[CE] = PT;
    break;
  }
  }
}

bool Analyzer::applyGuardCall(const CXXMemberCallExpr *MC, FlowState &S) {
  const void *Key = guardKeyOf(MC->getImplicitObjectArgument());
  GuardState *G = Key ? S.guard(Key) : nullptr;
  if (!G) {
    const VarDecl *VD = guardByReference(MC->getImplicitObjectArgument());
    if (!VD)
      return false;
    LockModel::GuardMethod M = LockModel::guardMethod(MC->getMethodDecl());
    // A guard the caller passed by reference: what we do to it is the
    // caller's business (summary).
    const auto *PVD = dyn_cast<ParmVarDecl>(VD);
    if (PVD && PVD->getDeclContext() == FD && Emit &&
        (M == LockModel::GuardMethod::Unlock ||
         M == LockModel::GuardMethod::Lock)) {
      auto &E = Facts->Summary.GuardParamUnlocks[PVD->getFunctionScopeIndex()];
      if (M == LockModel::GuardMethod::Unlock)
        E.first = E.second = true;
      else
        E.second = false;
    }
    // Here the guard stands in for its mutexes (GuardStandIns.h).
    AccessPath StandIn = AccessPath::var(VD);
    LockMode Mode = Ctx.Locks.guardType(VD->getType())->Mode;
    if (M == LockModel::GuardMethod::Lock)
      S.P.Acquired.acquireOnce(
          {StandIn, Mode, MC->getBeginLoc(), /*Asserted=*/true});
    else if (M == LockModel::GuardMethod::Unlock &&
             !S.P.Acquired.releaseOnce(StandIn))
      S.P.ReleasedEntry.add(StandIn);
    return true;
  }
  const CXXMethodDecl *MD = MC->getMethodDecl();
  LockModel::GuardMethod M = LockModel::guardMethod(MD);
  // A wrapper does what it does to the guard it holds.
  if (G->Kind == GuardKind::Wrapper && M != LockModel::GuardMethod::OwnsLock)
    M = Ctx.Locks.wrapperMethod(MD);
  // scoped_lockable classes: the attributes of the member say it all.
  if (G->Kind == GuardKind::AttrScoped) {
    if (std::optional<LockCall> LC = Ctx.Locks.attributeEffect(MD)) {
      if (LC->Op == LockCall::Acquire)
        M = LockModel::GuardMethod::Lock;
      else if (LC->Op == LockCall::Release)
        M = LockModel::GuardMethod::Unlock;
      else
        M = LockModel::GuardMethod::TryLock;
    } else if (M != LockModel::GuardMethod::OwnsLock) {
      M = LockModel::GuardMethod::Other;
    }
  }
  switch (M) {
  case LockModel::GuardMethod::Lock:
    acquireGuard(*G, S, MC->getBeginLoc());
    return true;
  case LockModel::GuardMethod::Unlock:
    releaseGuard(*G, S, MC->getBeginLoc());
    return true;
  case LockModel::GuardMethod::TryLock: {
    PendingTry PT;
    PT.GuardKey = Key;
    TryCalls[MC] = PT;
    return true;
  }
  case LockModel::GuardMethod::Release:
    // The mutex stays locked; the guard forgets it.
    G->Active = false;
    G->Mutexes.clear();
    return true;
  case LockModel::GuardMethod::OwnsLock:
  case LockModel::GuardMethod::Other:
    return true;
  }
  return true;
}

const VarDecl *Analyzer::guardByReference(const Expr *Obj) const {
  const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && isGuardByReference(VD) ? VD : nullptr;
}

bool Analyzer::isGuardByReference(const VarDecl *VD) const {
  if (!Ctx.Locks.guardType(VD->getType()))
    return false;
  if (VD->getType()->isReferenceType() && isa<ParmVarDecl>(VD))
    return true;
  // Captured by a lambda from the function that made it.
  return VD->getDeclContext() != FD && VD->hasLocalStorage();
}

void Analyzer::bindGuardArguments(CallSite &CS, const Expr *Site,
                                  FlowState &S) {
  const auto *CE = dyn_cast<CallExpr>(Site);
  const FunctionDecl *Def = CS.Callee ? CS.Callee->getDefinition() : nullptr;
  if (!CE || !Def)
    return;
  llvm::SmallVector<const Expr *, 4> Args = callArguments(CE);
  for (unsigned I = 0; I < Args.size() && I < Def->getNumParams(); ++I) {
    const ParmVarDecl *PVD = Def->getParamDecl(I);
    if (!PVD->getType()->isReferenceType() ||
        !Ctx.Locks.guardType(PVD->getType()))
      continue;
    const auto *DRE = dyn_cast<DeclRefExpr>(Args[I]->IgnoreParenImpCasts());
    if (const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr)
      bindGuard(CS, PVD, VD, S);
  }
}

void Analyzer::bindGuard(CallSite &CS, const VarDecl *CalleeVar,
                         const VarDecl *CallerVar, FlowState &S) {
  llvm::SmallVector<AccessPath, 1> Mutexes;
  if (const GuardState *G = S.guard(CallerVar)) {
    for (const AccessPath &P : G->Mutexes)
      Mutexes.push_back(canonicalLock(P));
  } else if (isGuardByReference(CallerVar)) {
    // Reached by reference here too: our caller's binding decides.
    Mutexes.push_back(AccessPath::var(CallerVar));
  } else {
    return;
  }
  CS.Guards.push_back({AccessPath::var(CalleeVar), std::move(Mutexes)});
}

bool Analyzer::namesMutex(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return Ctx.Locks.isMutexType(T);
}

bool Analyzer::takeOverGuard(const Expr *From, GuardState &G, FlowState &S) {
  // Move construction from another guard takes over its state.
  const void *FromKey = guardKeyOf(From);
  GuardState *Src = FromKey ? S.guard(FromKey) : nullptr;
  if (!Src)
    return false;
  G.Mutexes = Src->Mutexes;
  G.Mode = Src->Mode;
  G.Own = Src->Own;
  G.Active = Src->Active;
  Src->Active = false;
  Src->Own = GuardState::NotOwns;
  Src->Mutexes.clear();
  S.removeGuard(G.Key);
  S.Guards.push_back(G);
  return true;
}

void Analyzer::constructGuard(const CXXConstructExpr *CE, const GuardType &GT,
                              FlowState &S) {
  auto VarIt = Scan.ConstructVar.find(CE);
  const void *Key = VarIt != Scan.ConstructVar.end()
                        ? static_cast<const void *>(VarIt->second)
                        : static_cast<const void *>(CE);
  GuardState G;
  G.Key = Key;
  G.Kind = GT.Kind;
  G.Mode = GT.Mode;
  G.Temporary = VarIt == Scan.ConstructVar.end();
  LockTag Tag = LockTag::None;
  const CXXConstructorDecl *Ctor = CE->getConstructor();

  if (GT.Kind == GuardKind::Wrapper) {
    // A copy or move of another guard takes over its state.
    if (CE->getNumArgs() == 1 &&
        Ctx.Locks.guardType(CE->getArg(0)->getType()) &&
        takeOverGuard(CE->getArg(0), G, S))
      return;
    // The constructor's initializer of the wrapped guard names the mutex,
    // in the constructor's terms (`lock_(r->mu_)`).
    Tag = LockTag::Defer;
    const FunctionDecl *Def = nullptr;
    const FieldDecl *Field = Ctx.Locks.wrappedGuard(Ctor->getParent());
    if (Field && Ctor->isDefined(Def)) {
      CallBinding B = bindingFor(
          Def, nullptr, std::nullopt, nullptr,
          llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs()));
      for (const CXXCtorInitializer *Init :
           cast<CXXConstructorDecl>(Def)->inits()) {
        if (Init->getMember() != Field)
          continue;
        const auto *Inner =
            dyn_cast<CXXConstructExpr>(Init->getInit()->IgnoreImplicit());
        if (!Inner)
          break;
        Tag = LockTag::None;
        for (const Expr *A : Inner->arguments()) {
          if (LockTag T = lockTagOf(A); T != LockTag::None) {
            Tag = T;
            continue;
          }
          if (namesMutex(A->getType())) {
            MutexOperand Op;
            Op.E = A;
            Op.InCalleeTerms = true;
            if (std::optional<AccessPath> P = mutexPath(Op, nullptr, Def, &B))
              G.Mutexes.push_back(*P);
          }
        }
      }
    }
  } else if (GT.Kind == GuardKind::AttrScoped) {
    std::optional<LockCall> LC = Ctx.Locks.attributeEffect(Ctor);
    if (LC) {
      CallBinding B =
          bindingFor(Ctor, nullptr, std::nullopt, nullptr,
                     llvm::ArrayRef<const Expr *>(CE->getArgs(),
                                                  CE->getNumArgs()));
      for (const MutexOperand &Op : LC->Mutexes)
        if (Op.E) // a scoped capability's ctor names what it acquires
          if (std::optional<AccessPath> P = mutexPath(Op, nullptr, Ctor, &B))
            G.Mutexes.push_back(*P);
      G.Mode = LC->Mode;
      if (LC->Op == LockCall::Release)
        Tag = LockTag::Defer;
      else if (LC->Op == LockCall::TryAcquire)
        Tag = LockTag::Try;
    } else {
      Tag = LockTag::Defer;
      // No attribute on this constructor: take its mutex arguments.
      for (unsigned I = 0; I < CE->getNumArgs(); ++I)
        if (namesMutex(CE->getArg(I)->getType()))
          if (std::optional<AccessPath> P = R.resolve(CE->getArg(I)))
            G.Mutexes.push_back(*P);
    }
  } else {
    for (unsigned I = 0; I < CE->getNumArgs(); ++I) {
      const Expr *A = CE->getArg(I);
      if (isa<CXXDefaultArgExpr>(A))
        continue;
      LockTag T = lockTagOf(A);
      if (T != LockTag::None) {
        Tag = T;
        continue;
      }
      QualType AT = A->getType();
      if (Ctx.Locks.guardType(AT)) {
        if (takeOverGuard(A, G, S))
          return;
        continue;
      }
      if (namesMutex(AT)) {
        if (std::optional<AccessPath> P = R.resolve(A))
          G.Mutexes.push_back(*P);
        continue;
      }
      // A timeout (try_lock_for/until): ownership depends on the outcome.
      if (I > 0 && GT.Kind == GuardKind::UniqueLock)
        Tag = LockTag::Try;
    }
    // Named guards of unknown mutex types: the first argument is the mutex.
    if (G.Mutexes.empty() && CE->getNumArgs() >= 1 &&
        GT.Kind == GuardKind::LockGuard && lockTagOf(CE->getArg(0)) == LockTag::None)
      if (std::optional<AccessPath> P = R.resolve(CE->getArg(0)))
        G.Mutexes.push_back(*P);
  }

  S.removeGuard(Key);
  GuardMutexes[Key] = G.Mutexes;
  switch (Tag) {
  case LockTag::Defer:
    G.Own = GuardState::NotOwns;
    break;
  case LockTag::Try: {
    G.Own = GuardState::Maybe;
    break;
  }
  case LockTag::Adopt:
    // The mutexes are already held (std::lock, a manual lock()).
    for (const AccessPath &M : G.Mutexes)
      if (!S.P.Acquired.contains(canonicalLock(M)))
        acquire(S, M, G.Mode, CE->getBeginLoc());
    G.Own = GuardState::Owns;
    break;
  case LockTag::None:
    for (const AccessPath &M : G.Mutexes) {
      acquire(S, M, G.Mode, CE->getBeginLoc());
      noteGuardVar(S, M, G);
    }
    G.Own = GuardState::Owns;
    break;
  }
  S.Guards.push_back(G);
}

/// The local container a `c.begin()` / `c.end()` call walks.
static const VarDecl *localRangeOf(const Expr *E, llvm::StringRef Begin,
                                   llvm::StringRef CBegin) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(stripTemporaries(E));
  const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
  if (!MD || !MD->getIdentifier() ||
      (MD->getName() != Begin && MD->getName() != CBegin))
    return nullptr;
  const auto *DR = dyn_cast<DeclRefExpr>(
      MC->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *VD = DR ? dyn_cast<VarDecl>(DR->getDecl()) : nullptr;
  return VD && VD->isLocalVarDecl() && !VD->getType()->isReferenceType()
             ? VD
             : nullptr;
}

/// `std::vector<ReadLock> locks(mutexes.begin(), mutexes.end());`: one lock
/// holder per mutex of a local list -- taking several locks in address
/// order. Holds the mutexes pushed into the list on every path before (the
/// statements before the declaration in its block), until `locks` dies.
void Analyzer::constructGuardRange(const CXXConstructExpr *CE, FlowState &S) {
  auto VarIt = Scan.ConstructVar.find(CE);
  if (VarIt == Scan.ConstructVar.end() || CE->getNumArgs() < 2)
    return;
  const VarDecl *Locks = VarIt->second;
  const VarDecl *List = localRangeOf(CE->getArg(0), "begin", "cbegin");
  if (!List || List != localRangeOf(CE->getArg(1), "end", "cend"))
    return;
  // The element type: a lock holder whose constructor takes the mutex.
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      classOf(CE->getType()));
  if (!Spec || Spec->getTemplateArgs().size() < 1 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return;
  const CXXRecordDecl *Holder =
      classOf(Spec->getTemplateArgs()[0].getAsType());
  if (!Holder || !Holder->hasDefinition())
    return;
  const CXXConstructorDecl *HolderCtor = nullptr;
  for (const CXXConstructorDecl *C : Holder->ctors())
    if (C->getNumParams() == 1 && !C->isCopyOrMoveConstructor() &&
        C->getParamDecl(0)->getType()->isPointerType())
      HolderCtor = C->getDefinition() ? cast<CXXConstructorDecl>(
                                            C->getDefinition())
                                      : C;
  const FunctionFacts *HF = HolderCtor ? Ctx.factsOf(HolderCtor) : nullptr;
  if (!HF || HF->Skipped || HF->Summary.AcquiredAtExit.empty())
    return;
  // The pushes into the list that precede the declaration in its block.
  const Stmt *Decl = parents().getParent(CE);
  while (Decl && !isa<DeclStmt>(Decl))
    Decl = parents().getParent(Decl);
  const auto *Block =
      Decl ? dyn_cast_or_null<CompoundStmt>(parents().getParent(Decl)) : nullptr;
  if (!Block)
    return;
  llvm::SmallVector<const Expr *, 4> Pushed;
  for (const Stmt *St : Block->body()) {
    if (St == Decl)
      break;
    if (const auto *E = dyn_cast<Expr>(St))
      St = E->IgnoreImplicit();
    const auto *MC = dyn_cast<CXXMemberCallExpr>(St);
    const CXXMethodDecl *MD = MC ? MC->getMethodDecl() : nullptr;
    const auto *DR = MC ? dyn_cast<DeclRefExpr>(
                              MC->getImplicitObjectArgument()->IgnoreParenImpCasts())
                        : nullptr;
    if (!MD || !DR || DR->getDecl() != List || !MD->getIdentifier())
      continue;
    if ((MD->getName() == "push_back" || MD->getName() == "emplace_back") &&
        MC->getNumArgs() == 1)
      Pushed.push_back(MC->getArg(0));
    else if (!MD->isConst())
      Pushed.clear(); // clear(), pop_back(), erase(): start over
  }
  GuardState G;
  G.Key = Locks;
  G.Kind = GuardKind::LockGuard;
  for (const Expr *M : Pushed) {
    const Expr *Arg[] = {M};
    CallBinding B = bindingFor(HolderCtor, nullptr, std::nullopt, nullptr, Arg);
    MemberBindings MB = boundMembers(HolderCtor, B);
    B.ObjectMembers = &MB;
    for (const HeldLock &H : toCaller(HF->Summary.AcquiredAtExit, B)) {
      G.Mutexes.push_back(H.Path);
      G.Mode = H.Mode;
    }
  }
  if (G.Mutexes.empty())
    return;
  S.removeGuard(Locks);
  GuardMutexes[Locks] = G.Mutexes;
  for (const AccessPath &M : G.Mutexes)
    acquire(S, M, G.Mode, CE->getBeginLoc());
  G.Own = GuardState::Owns;
  S.Guards.push_back(G);
}

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

void Analyzer::killGroup(FlowState &S, const AccessPath &G) {
  if (Emit && CurBlock)
    JoinSites.push_back({CurBlock, CurElem, G});
  S.P.Live.removeIf([&](unsigned T) {
    return T < Ctx.ThreadTable.size() && Ctx.ThreadTable[T].inGroup(G);
  });
  S.P.Joined.add(G);
}

void Analyzer::assignGroup(const Expr *ThreadExpr, const AccessPath &G) {
  const Expr *Site = stripTemporaries(ThreadExpr);
  // Through a smart pointer: `std::unique_ptr<std::thread>(new std::thread(
  // ...))`, `new std::thread(...)`.
  for (int Depth = 0; Depth < 4; ++Depth) {
    if (const auto *CE = dyn_cast<CXXConstructExpr>(Site))
      if (CE->getNumArgs() >= 1 &&
          ThreadModel::isThreadPointerType(CE->getType())) {
        Site = stripTemporaries(CE->getArg(0));
        continue;
      }
    if (const auto *NE = dyn_cast<CXXNewExpr>(Site))
      if (const CXXConstructExpr *Built = NE->getConstructExpr()) {
        Site = Built;
        continue;
      }
    break;
  }
  auto It = ThreadOfSite.find(Site);
  if (It != ThreadOfSite.end()) {
    Ctx.ThreadTable[It->second].Group = groupKey(G);
    return;
  }
  // Moving a thread variable into a member or container: its threads join
  // the new group.
  if (std::optional<AccessPath> From = R.resolve(stripWrappers(ThreadExpr))) {
    AccessPath FromKey = groupKey(*From);
    for (unsigned T : Facts->ThreadStarts)
      if (Ctx.ThreadTable[T].Group && *Ctx.ThreadTable[T].Group == FromKey)
        Ctx.ThreadTable[T].Group = groupKey(G);
  }
}

void Analyzer::startThread(const ThreadStartCall &TS, FlowState &S) {
  unsigned Tid;
  auto It = ThreadOfSite.find(TS.Site);
  if (It == ThreadOfSite.end()) {
    Tid = Ctx.ThreadTable.size();
    ThreadOfSite[TS.Site] = Tid;
    ThreadStartInfo Info;
    Info.Id = Tid;
    Info.Kind = TS.Kind;
    Info.Spawner = FD;
    Info.Loc = TS.Site->getBeginLoc();
    if (std::optional<CallableTarget> T =
            ThreadModel::resolveCallable(TS.Callable, TS.Args)) {
      Info.Body = T->Body;
      if (T->BoundObject) {
        const Expr *O = stripWrappers(T->BoundObject);
        if (isa<CXXThisExpr>(O->IgnoreParenImpCasts()) ||
            O->getType()->isPointerType() || R.resolve(O).has_value()) {
          // `this`, `&obj`, `std::ref(obj)`: the thread uses that object.
          // A plain `obj` is copied into the thread.
          bool ByRef = O->getType()->isPointerType() || refWrapped(O);
          if (ByRef)
            Info.Object = R.resolve(O);
          Info.OwnElementObject =
              ByRef && isOwnIterationElement(T->BoundObject, TS.Site,
                                             parents());
          if (Info.OwnElementObject)
            if (const Expr *V = containerHandedFromSecond(
                    T->BoundObject, TS.Site, parents()))
              Info.SpawnerKeepsFirstOf = R.resolve(V);
        }
      }
      unsigned Offset = T->JThreadStopToken ? 1 : 0;
      Info.ParamBindings.resize(Offset);
      for (const Expr *A : T->Args) {
        const Expr *Inner = stripWrappers(A);
        std::optional<AccessPath> P;
        bool ByRef = Inner->getType()->isPointerType() || refWrapped(Inner);
        if (TS.Kind == StartKind::Pthread)
          ByRef = true;
        if (ByRef)
          P = R.resolve(Inner);
        if (ByRef && Info.ParamBindings.size() < 64 &&
            isOwnIterationElement(A, TS.Site, parents())) {
          Info.OwnElementParams |= uint64_t(1) << Info.ParamBindings.size();
          if (const Expr *V = containerHandedFromSecond(A, TS.Site, parents());
              V && !Info.SpawnerKeepsFirstOf)
            Info.SpawnerKeepsFirstOf = R.resolve(V);
        }
        Info.ParamBindings.push_back(P);
      }
    }
    if (TS.IntoContainer) {
      if (std::optional<AccessPath> G = R.resolve(TS.IntoContainer))
        Info.Group = groupKey(*G);
    } else if (TS.PthreadHandle) {
      if (std::optional<AccessPath> G = R.resolve(TS.PthreadHandle))
        Info.Group = groupKey(*G);
    } else {
      auto CT = Scan.ConstructTarget.find(stripTemporaries(TS.Site));
      if (CT != Scan.ConstructTarget.end())
        Info.Group = groupKey(CT->second);
    }
    Ctx.ThreadTable.push_back(std::move(Info));
  } else {
    Tid = It->second;
  }
  if (Emit && EmittedThreads.insert(Tid).second) {
    Ctx.ThreadTable[Tid].LiveAtStartLocal = S.P.Live;
    // Started again while an earlier instance may still run (a loop that
    // does not join before the next start): it runs alongside itself.
    Ctx.ThreadTable[Tid].InLoop = S.P.Live.contains(Tid);
    Facts->ThreadStarts.push_back(Tid);
  }
  S.P.Live.add(Tid);
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

CallBinding Analyzer::bindingFor(const FunctionDecl *Callee,
                                 const Expr *ObjectExpr,
                                 std::optional<AccessPath> Object,
                                 const MemberBindings *Members,
                                 llvm::ArrayRef<const Expr *> Args) {
  CallBinding B;
  B.Callee = Callee;
  if (const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr)
    B.Callee = Def;
  B.Object = Object;
  B.ObjectMembers = Members;
  if (B.Callee)
    bindArguments(B, Args, R, Ctx.AST);
  return B;
}

void Analyzer::recordAccess(FlowState &S, const AccessPath &P, AccessKind K,
                            const Expr *E, QualType ContainerType,
                            std::string Detail, const Stmt *Loop,
                            const Expr *Call, llvm::StringRef Method) {
  if (!Emit)
    return;
  if (Loop) {
    auto It = Scan.LoopIndex.find(Loop);
    if (It != Scan.LoopIndex.end()) {
      LoopTrack &T = LoopTracks[It->second];
      if (!T.Started) {
        T.Started = true;
        T.StartAccess = Facts->Accesses.size();
        T.StartAcquired = S.P.Acquired;
        T.StartReleased = S.P.ReleasedEntry;
      }
    }
  }
  LocalAccess A;
  A.Path = P;
  A.Kind = K;
  A.E = E;
  A.Loc = E->getBeginLoc();
  A.InnerFunction = FD;
  A.Detail = std::move(Detail);
  A.State = S.P;
  A.Loop = Loop;
  A.ContainerType = ContainerType;
  A.Call = Call;
  A.Method = Method.str();
  Facts->Accesses.push_back(std::move(A));
  AccessPoints.push_back({CurBlock, CurElem});
}

void Analyzer::handleContainerMember(const CallExpr *CE,
                                     const CXXMethodDecl *MD, const Expr *Obj,
                                     FlowState &S) {
  if (!MD || !Obj)
    return;
  QualType ObjType = Obj->IgnoreParenImpCasts()->getType();
  if (ObjType->isPointerType())
    ObjType = ObjType->getPointeeType();
  // The object's class first: DenseMap's members live in DenseMapBase.
  std::optional<ContainerInfo> Info = Ctx.Containers.classify(ObjType);
  if (!Info)
    Info = Ctx.Containers.classify(MD->getParent());
  if (!Info)
    return;
  if (isThreadHandleContainer(ObjType))
    return;
  // The hidden begin()/end() calls of a range-for are reported once, as
  // the loop's iteration (see handleDeclStmt).
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj->IgnoreParenImpCasts()))
    if (isImplicitRangeVar(dyn_cast<VarDecl>(DRE->getDecl())))
      return;
  std::optional<AccessPath> P = R.resolve(Obj->IgnoreParenImpCasts());
  if (!P)
    return;
  MethodEffect Eff = Ctx.Containers.methodEffect(MD, *Info);
  std::string Method = MD->getIdentifier()
                           ? MD->getName().str()
                           : (MD->isOverloadedOperator()
                                  ? "operator" + std::string(getOperatorSpelling(
                                                     MD->getOverloadedOperator()))
                                  : std::string());
  // `c.begin()` starting an iterator loop or an algorithm: the loop.
  auto BL = Scan.BeginCallLoop.find(CE);
  if (BL != Scan.BeginCallLoop.end()) {
    const LoopShape &L = Scan.Loops[BL->second];
    recordAccess(S, *P, AccessKind::Iterate, Obj, ObjType,
                 isa<CallExpr>(L.Loop) ? "algorithm over begin()/end()"
                                       : "iterator loop",
                 L.Loop, CE, Method);
    return;
  }
  // Its `c.end()`, evaluated at every step, is part of the same loop.
  if (Scan.EndCallLoop.count(CE)) {
    recordAccess(S, *P, AccessKind::Iterate, Obj, ObjType, "loop bound",
                 nullptr, CE, Method);
    return;
  }
  // Recorded in every pass: the handle facts take part in the fixpoint.
  if (Eff.ProducesHandle && !S.P.Acquired.empty()) {
    LockSet Locks;
    for (const HeldLock &H : S.P.Acquired)
      if (!H.Asserted)
        Locks.add(H);
    if (!Locks.empty())
      HandleCalls[CE] = {*P, ObjType, Locks, Method,
                         Emit ? Facts->Accesses.size() : ~size_t(0)};
  }
  std::string Detail;
  if (MD->getOverloadedOperator() == OO_Subscript && Eff.Kind == AccessKind::Write)
    Detail = "'operator[]' inserts missing keys";
  else if (MD->getIdentifier())
    Detail = ("'" + MD->getName() + "'").str();
  else if (MD->isOverloadedOperator())
    Detail = "'operator" +
             std::string(getOperatorSpelling(MD->getOverloadedOperator())) +
             "'";
  recordAccess(S, *P, Eff.Kind, Obj, ObjType, Detail, nullptr, CE, Method);
  if (Emit && Eff.Kind == AccessKind::Write &&
      MD->getOverloadedOperator() == OO_Subscript) {
    // Is the element assigned to, or only read?
    const Stmt *Child = CE;
    const Stmt *Par = parents().getParentIgnoreParenImpCasts(
        const_cast<CallExpr *>(CE));
    bool Written = false;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Par))
      Written = BO->isAssignmentOp() &&
                BO->getLHS()->IgnoreParenImpCasts() == Child;
    else if (const auto *UO = dyn_cast_or_null<UnaryOperator>(Par))
      Written = UO->isIncrementDecrementOp();
    else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Par))
      Written = OC->isAssignmentOp() || OC->getOperator() == OO_PlusPlus ||
                OC->getOperator() == OO_MinusMinus ||
                (OC->getNumArgs() && OC->getArg(0)->IgnoreParenImpCasts() == Child &&
                 OC->getOperator() != OO_Subscript && OC->getOperator() != OO_Arrow &&
                 OC->getOperator() != OO_Star);
    else if (isa_and_nonnull<MemberExpr>(Par) || isa_and_nonnull<CXXMemberCallExpr>(Par))
      Written = true; // a member call on the element may modify it
    Facts->Accesses.back().InsertingRead = !Written;
  }
}

void Analyzer::handleArguments(const Expr *Call, const FunctionDecl *Callee,
                               llvm::ArrayRef<const Expr *> Args,
                               FlowState &S) {
  // A callee defined here decides by its body: if it was not analysed, its
  // body touches no container at all.
  const FunctionDecl *CalleeDef = Callee ? Callee->getDefinition() : nullptr;
  bool CalleeAnalysed =
      Callee && (Ctx.isAnalysable(Callee) ||
                 (CalleeDef && CalleeDef->hasBody() &&
                  !isInSystemHeader(CalleeDef) &&
                  !CalleeDef->isTemplateInstantiation()));
  for (unsigned I = 0; I < Args.size(); ++I) {
    const Expr *A = Args[I];
    if (!A || isa<CXXDefaultArgExpr>(A))
      continue;
    // Callables run synchronously by ordinary functions (std::for_each,
    // comparators): their bodies run here, in this context. Lambdas are
    // handled where they are created.
    if (!isa<LambdaExpr>(stripWrappers(A)))
      if (const FunctionDecl *Body = ThreadModel::syncCallableBody(A))
        if (Ctx.isAnalysable(Body) && Emit) {
          CallSite CS;
          CS.Callee = Body->getDefinition();
          CS.Loc = A->getBeginLoc();
          CS.State = S.P;
          Facts->Calls.push_back(std::move(CS));
        }
    if (CalleeAnalysed)
      continue; // the callee's summary says what it does to the argument
    // A by-value container argument: the copy (or move) of the source.
    bool MovedInto = false;
    if (const auto *Copy = dyn_cast<CXXConstructExpr>(stripTemporaries(A)))
      if (Scan.ArgCopies.count(Copy)) {
        const CXXConstructorDecl *CC = Copy->getConstructor();
        MovedInto = CC && CC->isMoveConstructor();
        A = Copy->getArg(0);
      }
    QualType AT = A->getType();
    QualType CT = AT->isPointerType() ? AT->getPointeeType() : AT;
    std::optional<ContainerInfo> Info = Ctx.Containers.classify(CT);
    if (!Info || isThreadHandleContainer(CT))
      continue;
    if (Callee && Callee->getIdentifier() && isInStd(Callee)) {
      llvm::StringRef N = Callee->getName();
      if (N == "ref" || N == "cref" || N == "move" || N == "forward" ||
          N == "addressof" || N == "as_const")
        continue; // the enclosing call decides
    }
    std::optional<AccessPath> P = R.resolve(A);
    if (!P)
      continue;
    // `std::ranges::any_of(c, pred)`: the loop.
    auto RL = Scan.RangeArgLoop.find(Args[I]);
    if (RL != Scan.RangeArgLoop.end()) {
      recordAccess(S, *P, AccessKind::Iterate, A, CT, "ranges algorithm",
                   Scan.Loops[RL->second].Loop, Call, "");
      continue;
    }
    // `std::begin(c)` / `std::end(c)` of an iterator loop: the loop.
    auto BL = Scan.BeginCallLoop.find(Call);
    if (BL != Scan.BeginCallLoop.end()) {
      const LoopShape &L = Scan.Loops[BL->second];
      recordAccess(S, *P, AccessKind::Iterate, A, CT, "iterator loop", L.Loop,
                   Call, "begin");
      continue;
    }
    if (Scan.EndCallLoop.count(Call)) {
      recordAccess(S, *P, AccessKind::Iterate, A, CT, "loop bound", nullptr,
                   Call, "end");
      continue;
    }
    AccessKind K = AccessKind::Read;
    std::string Detail;
    std::string To = Callee ? " to '" + functionDisplayName(Callee) + "'" : "";
    bool IsCtorOfContainer = isa_and_nonnull<CXXConstructorDecl>(Callee) &&
                             Ctx.Containers.classify(Call->getType());
    if (Callee && I < Callee->getNumParams()) {
      QualType PT = Callee->getParamDecl(I)->getType();
      auto IsMutable = [](QualType T) {
        return T->isRValueReferenceType() ||
               (T->isLValueReferenceType() &&
                !T.getNonReferenceType().isConstQualified()) ||
               (T->isPointerType() && !T->getPointeeType().isConstQualified());
      };
      bool Mutable = IsMutable(PT);
      // A constructor whose class keeps only a pointer to const of the
      // argument's type reads it, whatever its parameter says.
      const FunctionDecl *KeptReadOnlyBy = nullptr;
      if (Mutable && constructorKeepsReadOnlyView(Callee, I)) {
        Mutable = false;
        KeptReadOnlyBy = Callee;
      }
      // `std::make_unique<T>(c)`: a forwarding reference hands `c` on; the
      // parameters that finally receive it decide (T's constructor).
      if (Mutable && PT->isReferenceType())
        if (auto Final = forwardedReceivers(Callee, I)) {
          Mutable = false;
          for (const ForwardedReceiver &FR : *Final) {
            QualType FT = FR.Type;
            if (!FT->isReferenceType() && !FT->isPointerType()) {
              // Received by value: copied, or moved into when moved.
              MovedInto |= stripTemporaries(A)->isXValue();
              continue;
            }
            // A pointer argument: what matters is the pointee's constness.
            if (FT->isReferenceType() && AT->isPointerType())
              FT = FT.getNonReferenceType();
            if (IsMutable(FT) &&
                constructorKeepsReadOnlyView(FR.Fn, FR.Index)) {
              KeptReadOnlyBy = FR.Fn;
              continue;
            }
            Mutable |= IsMutable(FT);
          }
          if (!Final->empty())
            PT = Final->front().Type;
        }
      // A std algorithm's forwarding reference (`R&&`) only reads, unless
      // the algorithm rearranges the range (sort, remove, ...).
      if (Mutable && PT->isRValueReferenceType() && !algorithmName(Callee).empty())
        if (const FunctionDecl *Pat = Callee->getTemplateInstantiationPattern())
          if (I < Pat->getNumParams())
            if (const auto *RR =
                    Pat->getParamDecl(I)->getType()->getAs<RValueReferenceType>())
              if (RR->getPointeeType()->getAs<TemplateTypeParmType>() &&
                  A->isLValue())
                Mutable = algorithmMutatesRange(algorithmName(Callee));
      // Templates like std::begin(c) take `C&` but only read.
      if (Mutable && Callee->getIdentifier() && isInStd(Callee)) {
        llvm::StringRef N = Callee->getName();
        if (N == "begin" || N == "end" || N == "cbegin" || N == "cend" ||
            N == "rbegin" || N == "rend" || N == "size" || N == "ssize" ||
            N == "empty" || N == "data" || N == "distance")
          Mutable = false;
      }
      if (Mutable) {
        K = AccessKind::Write;
        if (PT->isRValueReferenceType())
          Detail = "moved from";
        else if (PT->isPointerType())
          Detail = "passed by non-const pointer" + To;
        else
          Detail = "passed by non-const reference" + To;
      } else if (MovedInto) {
        K = AccessKind::Write;
        Detail = "moved into a parameter" + To;
      } else if (IsCtorOfContainer) {
        Detail = "copied";
      } else if (KeptReadOnlyBy) {
        Detail = "kept as a pointer to const by '" +
                 functionDisplayName(KeptReadOnlyBy) + "'";
      } else if (PT->isReferenceType()) {
        Detail = "passed by const reference" + To;
      } else if (PT->isPointerType()) {
        Detail = "passed by pointer to const" + To;
      } else {
        Detail = "passed by value" + To;
      }
    }
    recordAccess(S, *P, K, A, CT, Detail);
  }
}

void Analyzer::applySummary(const FunctionDecl *Callee, const CallBinding &B,
                            const Expr *Site, FlowState &S, bool OnThisObject,
                            bool ApplyLockEffects) {
  const FunctionFacts *CF = Ctx.factsOf(Callee);
  bool KeptObject = false;
  uint64_t KeptArgs = 0;
  if (Emit) {
    keptElements(Site, B.Callee, KeptObject, KeptArgs);
    CallSite CS = boundCall(B.Callee, B, Site, S);
    CS.OnThisObject = OnThisObject;
    bindGuardArguments(CS, Site, S);
    CS.KeptElementObject = KeptObject;
    CS.KeptElementArgs = KeptArgs;
    Facts->Calls.push_back(std::move(CS));
  }
  if (!CF || CF->Skipped)
    return;
  const FunctionSummary &Sum = CF->Summary;
  // Accesses the callee makes through our arguments happen here, and so do
  // those it makes to the members of an object we name (one of our
  // members, a global, a parameter) -- not our own `this`, whose accesses
  // the callee's contexts already cover, nor a local object.
  // Nor the spawner's own element (see keptElements): its callee's
  // contexts cover it, as the spawner's own.
  bool LiftThis = B.Object && !OnThisObject && !KeptObject &&
                  !(B.Object->kind() == RootKind::This &&
                    B.Object->steps().empty()) &&
                  !(B.Object->kind() == RootKind::Var && !B.Object->param() &&
                    B.Object->var()->isLocalVarDecl());
  if (Emit) {
    std::vector<const LocalAccess *> Lifted;
    for (const LocalAccess &PA : Sum.ParamAccesses)
      Lifted.push_back(&PA);
    if (LiftThis)
      for (const LocalAccess &TA : Sum.ThisAccesses)
        Lifted.push_back(&TA);
    for (const LocalAccess *PAP : Lifted) {
      const LocalAccess &PA = *PAP;
      if (const ParmVarDecl *PV = PA.Path.param();
          PV && PV->getFunctionScopeIndex() < 64 &&
          (KeptArgs >> PV->getFunctionScopeIndex() & 1))
        continue;
      std::optional<AccessPath> P = toCaller(PA.Path, B);
      if (!P)
        continue;
      LocalAccess A = PA;
      A.Path = *P;
      A.CallChain.insert(A.CallChain.begin(), Site->getBeginLoc());
      A.ViaCallExpr = Site;
      A.State = S.P;
      for (const AccessPath &Rel : toCaller(PA.State.ReleasedEntry, B))
        if (!A.State.Acquired.remove(Rel))
          A.State.ReleasedEntry.add(Rel);
      for (const HeldLock &H : toCaller(PA.State.Acquired, B))
        A.State.Acquired.add(H);
      A.State.Live.unite(PA.State.Live);
      Facts->Accesses.push_back(std::move(A));
      AccessPoints.push_back({CurBlock, CurElem});
    }
  }
  if (ApplyLockEffects) {
    for (const AccessPath &P : toCaller(Sum.ReleasedAtExit, B))
      release(S, P, Site->getBeginLoc());
    for (const HeldLock &H : toCaller(Sum.AcquiredAtExit, B))
      acquire(S, H.Path, H.Mode, Site->getBeginLoc());
  }
  // Guards we pass by reference and the callee unlocks.
  if (const auto *Call = dyn_cast<CallExpr>(Site)) {
    llvm::SmallVector<const Expr *, 4> CArgs = callArguments(Call);
    for (const auto &[Idx, Effect] : Sum.GuardParamUnlocks) {
      if (Idx >= CArgs.size())
        continue;
      const void *K = guardKeyOf(CArgs[Idx]);
      GuardState *G = K ? S.guard(K) : nullptr;
      if (!G)
        continue;
      if (Effect.second)
        releaseGuard(*G, S, Site->getBeginLoc());
      else if (Effect.first && Emit)
        for (const AccessPath &M : G->Mutexes)
          TempReleases[Site].push_back(canonicalLock(M));
    }
  }
  // Locks the callee drops and takes again: gone for a while, and what
  // was obtained under them before the call may be gone too.
  for (const AccessPath &P : toCaller(Sum.ReleasedSomewhere, B)) {
    AccessPath C = canonicalLock(P);
    if (Emit)
      TempReleases[Site].push_back(C);
    for (HandleFact &H : S.Handles)
      if (H.Lock == C && !H.Stale) {
        H.Stale = true;
        H.ReleaseLoc = Site->getBeginLoc();
      }
  }
  S.P.Live.unite(Sum.EscapedThreads);
  // The callee stored the thread into a handle we can name.
  for (unsigned T : Sum.EscapedThreads) {
    ThreadStartInfo &Info = Ctx.ThreadTable[T];
    if (!Info.Group)
      continue;
    if (std::optional<AccessPath> G = toCaller(*Info.Group, B)) {
      AccessPath K = groupKey(*G);
      if (!Info.inGroup(K))
        Info.GroupAliases.push_back(K);
    }
  }
  for (const AccessPath &G : toCaller(Sum.JoinedGroups, B))
    killGroup(S, G);
  // `auto lk = LockIt();`: the returned guard now lives here.
  if (Sum.ReturnedGuard) {
    auto VarIt = Scan.ConstructVar.find(stripTemporaries(Site));
    GuardState G;
    G.Key = VarIt != Scan.ConstructVar.end()
                ? static_cast<const void *>(VarIt->second)
                : static_cast<const void *>(stripTemporaries(Site));
    G.Temporary = VarIt == Scan.ConstructVar.end();
    // A unique_lock, or a project guard wrapping one (its own members
    // then say what they do).
    G.Kind = GuardKind::UniqueLock;
    if (std::optional<GuardType> RT =
            Ctx.Locks.guardType(Callee->getReturnType()))
      if (RT->Kind == GuardKind::Wrapper)
        G.Kind = GuardKind::Wrapper;
    for (const HeldLock &H : toCaller(*Sum.ReturnedGuard, B)) {
      G.Mutexes.push_back(H.Path);
      G.Mode = H.Mode;
    }
    S.removeGuard(G.Key);
    S.Guards.push_back(G);
  }
}

void Analyzer::handleCall(const CallExpr *CE, FlowState &S) {
  const FunctionDecl *Callee = CE->getDirectCallee();

  if (std::optional<ThreadStartCall> TS = Ctx.Threads.classifyStart(CE)) {
    startThread(*TS, S);
    return;
  }
  if (const Expr *J = ThreadModel::joinTarget(CE)) {
    if (std::optional<AccessPath> G = R.resolve(J))
      killGroup(S, groupKey(*G));
    return;
  }
  if (ThreadModel::isDetach(CE))
    return;
  // A vector of lock holders emptied, shrunk or moved from: its locks may
  // be gone (constructGuardRange).
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    if (const auto *DR = dyn_cast<DeclRefExpr>(
            MC->getImplicitObjectArgument()->IgnoreParenImpCasts()))
      if (GuardState *G = S.guard(DR->getDecl()))
        if (Ctx.Containers.classify(DR->getType()) && MC->getMethodDecl() &&
            !MC->getMethodDecl()->isConst()) {
          releaseGuard(*G, S, CE->getBeginLoc());
          S.removeGuard(DR->getDecl());
        }

  // Thread handles moved into members and containers.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
        !HandleCalls.empty())
      handleAssignment(OC->getArg(0), OC->getArg(1), S);
    if (OC->getOperator() == OO_Equal && OC->getNumArgs() == 2) {
      QualType LT = OC->getArg(0)->getType();
      if (ThreadModel::isThreadType(LT) || ThreadModel::isFutureType(LT) ||
          ThreadModel::isThreadPointerType(LT)) {
        if (std::optional<AccessPath> G = R.resolve(OC->getArg(0)))
          assignGroup(OC->getArg(1), *G);
        return;
      }
      if (Ctx.Locks.guardType(LT)) {
        // Move-assigning a guard: the old lock is released, the new one
        // taken over.
        const void *To = guardKeyOf(OC->getArg(0));
        const void *From = guardKeyOf(OC->getArg(1));
        GuardState *Dst = To ? S.guard(To) : nullptr;
        GuardState *Src = From ? S.guard(From) : nullptr;
        if (Dst)
          releaseGuard(*Dst, S, CE->getBeginLoc());
        if (Dst && Src) {
          Dst->Mutexes = Src->Mutexes;
          Dst->Mode = Src->Mode;
          Dst->Own = Src->Own;
          Dst->Active = Src->Active;
          Src->Active = false;
          Src->Own = GuardState::NotOwns;
          Src->Mutexes.clear();
        }
        return;
      }
    }
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    QualType OT = MC->getImplicitObjectArgument()->getType();
    if (OT->isPointerType())
      OT = OT->getPointeeType();
    // `ptr_.reset(new std::thread(...))`.
    if (ThreadModel::isThreadPointerType(OT) && MC->getMethodDecl() &&
        MC->getMethodDecl()->getIdentifier() &&
        MC->getMethodDecl()->getName() == "reset" && CE->getNumArgs() == 1) {
      if (std::optional<AccessPath> G =
              R.resolve(MC->getImplicitObjectArgument()))
        assignGroup(CE->getArg(0), *G);
      return;
    }
    if (isThreadHandleContainer(OT)) {
      if (std::optional<AccessPath> G =
              R.resolve(MC->getImplicitObjectArgument()))
        for (const Expr *A : CE->arguments())
          assignGroup(A, *G);
      return;
    }
    if (applyGuardCall(MC, S))
      return;
  }

  if (std::optional<OnceCall> OC = classifyOnceCall(CE))
    if (handleOnceCall(*OC, CE, S))
      return;

  if (std::optional<LockCall> LC = Ctx.Locks.classifyCall(CE)) {
    applyLockCall(*LC, CE, S);
    if (Callee && Ctx.isAnalysable(Callee) && Emit) {
      CallSite CS;
      CS.Callee = Callee->getDefinition();
      CS.Loc = CE->getBeginLoc();
      CS.State = S.P;
      Facts->Calls.push_back(std::move(CS));
    }
    return;
  }

  // Member calls on containers.
  const CXXMethodDecl *MD = nullptr;
  const Expr *Obj = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    MD = MC->getMethodDecl();
    Obj = MC->getImplicitObjectArgument();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee());
    if (MD && OC->getNumArgs() >= 1)
      Obj = OC->getArg(0);
  }
  handleContainerMember(CE, MD, Obj, S);

  llvm::SmallVector<const Expr *, 4> Args = callArguments(CE);
  handleArguments(CE, Callee, Args, S);

  // A virtual call runs one of the overrides defined here, in this
  // context (with the locks held here).
  llvm::ArrayRef<const FunctionDecl *> Overrides =
      Emit && MD && !MD->isStatic() ? Ctx.Overriders.targetsOf(CE)
                                    : llvm::ArrayRef<const FunctionDecl *>();
  std::optional<AccessPath> DispatchObj;
  if (!Overrides.empty() && Obj)
    DispatchObj = R.resolve(Obj);
  for (const FunctionDecl *T : Overrides) {
    if (!Ctx.isAnalysable(T))
      continue;
    CallSite CS = boundCall(
        T, bindingFor(T, Obj, DispatchObj, nullptr, Args), CE, S);
    CS.OnThisObject = Obj && isa<CXXThisExpr>(Obj->IgnoreParenImpCasts());
    CS.Dispatched = true;
    Facts->Calls.push_back(std::move(CS));
  }

  if (Callee && Ctx.isAnalysable(Callee)) {
    std::optional<AccessPath> ObjPath;
    bool OnThis = false;
    const MemberBindings *Members = nullptr;
    if (Obj && MD && !MD->isStatic()) {
      ObjPath = R.resolve(Obj);
      OnThis = isa<CXXThisExpr>(Obj->IgnoreParenImpCasts());
      if (const void *K = guardKeyOf(Obj)) {
        auto It = ObjectMembers.find(K);
        if (It != ObjectMembers.end())
          Members = &It->second;
      }
    }
    CallBinding B = bindingFor(Callee, Obj, ObjPath, Members, Args);
    bool HasAttrs = Ctx.Locks.attributeEffect(Callee).has_value();
    applySummary(Callee, B, CE, S, OnThis, !HasAttrs);
  } else if (Callee && !Callee->getDefinition() && Emit &&
             !Ctx.Opts.CallerLocksOut.empty()) {
    // Its body is in another file: recorded for that file's analysis
    // (ProjectCallerLocks.h), with the locks held here.
    std::optional<AccessPath> ObjPath;
    if (Obj && MD && !MD->isStatic())
      ObjPath = R.resolve(Obj);
    Facts->OutOfUnitCalls.push_back(boundCall(
        Callee, bindingFor(Callee, Obj, ObjPath, nullptr, Args), CE, S));
  }
}

void Analyzer::handleConstruct(const CXXConstructExpr *CE, FlowState &S) {
  if (std::optional<ThreadStartCall> TS = Ctx.Threads.classifyStart(CE)) {
    startThread(*TS, S);
    return;
  }
  QualType T = CE->getType();
  if (std::optional<GuardType> GT = Ctx.Locks.guardType(T)) {
    constructGuard(CE, *GT, S);
    return;
  }
  if (ThreadModel::isThreadType(T) || ThreadModel::isFutureType(T)) {
    // `std::thread t2(std::move(t1))`: t1's threads now belong to t2.
    auto CT = Scan.ConstructTarget.find(CE);
    if (CT != Scan.ConstructTarget.end() && CE->getNumArgs() == 1)
      assignGroup(CE->getArg(0), CT->second);
    return;
  }
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  if (Ctx.Containers.classify(T)) {
    // Copy or move construction from another container reads (or empties)
    // the source -- reported by the call when it is a by-value argument.
    if (!Scan.ArgCopies.count(CE))
      handleArguments(CE, Ctor, Args, S);
    constructGuardRange(CE, S);
    return;
  }
  handleArguments(CE, Ctor, Args, S);
  if (!Ctor)
    return;
  auto CT = Scan.ConstructTarget.find(CE);
  std::optional<AccessPath> Object;
  const void *Key = CE;
  if (CT != Scan.ConstructTarget.end()) {
    Object = CT->second;
    auto VarIt = Scan.ConstructVar.find(CE);
    if (VarIt != Scan.ConstructVar.end())
      Key = VarIt->second;
  }
  CallBinding B = bindingFor(Ctor, nullptr, Object, nullptr, Args);
  // Remember which of the new object's members point at our objects: calls
  // on it see them through those members (`Inserter ins(db)`), also when
  // the constructor has nothing to analyse.
  MemberBindings MB = boundMembers(Ctor, B);
  if (!MB.empty())
    ObjectMembers[Key] = std::move(MB);
  if (!Ctx.isAnalysable(Ctor))
    return;
  auto MIt = ObjectMembers.find(Key);
  B.ObjectMembers = MIt != ObjectMembers.end() ? &MIt->second : nullptr;
  bool HasAttrs = Ctx.Locks.attributeEffect(Ctor).has_value();
  applySummary(Ctor, B, CE, S, /*OnThisObject=*/false, !HasAttrs);
}

void Analyzer::handleDeclStmt(const DeclStmt *DS, FlowState &S) {
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      continue;
    if (VD->hasInit())
      rememberTryResult(VD, VD->getInit());
    if (VD->hasInit() && !HandleCalls.empty())
      noteHandleVar(VD, S);
    auto It = Scan.RangeVarLoop.find(VD);
    if (It == Scan.RangeVarLoop.end())
      continue;
    const CXXForRangeStmt *Loop = It->second;
    const Expr *Range = Loop->getRangeInit();
    if (!Range)
      continue;
    QualType RT = Range->getType();
    if (RT->isPointerType())
      RT = RT->getPointeeType();
    if (!Ctx.Containers.classify(RT) || isThreadHandleContainer(RT))
      continue;
    if (std::optional<AccessPath> P = R.resolve(Range))
      recordAccess(S, *P, AccessKind::Iterate, Range, RT, "range-for", Loop);
  }
}

void Analyzer::handleLambda(const LambdaExpr *LE, FlowState &S) {
  if (Scan.ThreadLambdas.count(LE) || !Emit)
    return;
  const CXXMethodDecl *Op = LE->getCallOperator();
  if (!Ctx.isAnalysable(Op))
    return;
  // A lambda that does not go to a thread runs in this context: where it
  // is created is the best approximation of where it is called.
  CallSite CS;
  CS.Callee = Op->getDefinition() ? Op->getDefinition() : Op;
  CS.Loc = LE->getBeginLoc();
  CS.State = S.P;
  for (const LambdaCapture &C : LE->captures()) {
    CS.OnThisObject |= C.capturesThis();
    if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
      if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
        if (Ctx.Locks.guardType(VD->getType()))
          bindGuard(CS, VD, VD, S);
  }
  CS.ArgsPerCall = keptInCallableWrapper(LE);
  auto Once = Scan.OnceLambdas.find(LE);
  if (Once != Scan.OnceLambdas.end())
    if (std::optional<AccessPath> Flag = R.resolve(Once->second))
      CS.State.Acquired.add(
          {canonicalLock(*Flag), LockMode::Exclusive, LE->getBeginLoc()});
  // Posted to an event loop we can name: it runs later, on the loop's
  // thread, holding its loop-thread role and none of our locks.
  auto Posted = Scan.PostedLambdas.find(LE);
  if (Posted != Scan.PostedLambdas.end()) {
    const CXXMemberCallExpr *MC = Posted->second;
    const CXXMethodDecl *Role =
        loopThreadRole(MC->getMethodDecl()->getParent(), Ctx.Opts);
    if (Role) {
      CS.State = PointState();
      CS.State.Live = S.P.Live;
      CS.State.Acquired.add(
          {canonicalLock(
               loopRole(R.resolve(MC->getImplicitObjectArgument()), Role)),
           LockMode::Exclusive, LE->getBeginLoc()});
      CS.Deferred = true;
      CS.ArgsPerCall = false;
    }
  }
  Facts->Calls.push_back(std::move(CS));
}

// call_once(flag, f, args...): f runs holding the flag exclusively, the
// code after it holds the flag shared (OnceModel.h). A lambda is handled
// where it is made (BodyScanner::OnceLambdas). False when the flag cannot
// be named: an ordinary call then.
bool Analyzer::handleOnceCall(const OnceCall &OC, const CallExpr *CE,
                              FlowState &S) {
  std::optional<AccessPath> Resolved = R.resolve(OC.Flag);
  if (!Resolved)
    return false;
  AccessPath Flag = canonicalLock(*Resolved);
  // A function, `&C::Init` with its object, `std::bind(...)`.
  llvm::SmallVector<const Expr *, 4> Passed(CE->arg_begin() + 2,
                                            CE->arg_end());
  std::optional<CallableTarget> T =
      ThreadModel::resolveCallable(OC.Callable, Passed);
  if (Emit && T && !T->Lambda && Ctx.isAnalysable(T->Body)) {
    CallSite CS;
    CS.Callee = T->Body;
    CS.Loc = OC.Callable->getBeginLoc();
    CS.State = S.P;
    CS.State.Acquired.add({Flag, LockMode::Exclusive, CE->getBeginLoc()});
    if (T->BoundObject) {
      CS.Object = R.resolve(T->BoundObject);
      CS.OnThisObject =
          isa<CXXThisExpr>(T->BoundObject->IgnoreParenImpCasts());
    }
    Facts->Calls.push_back(std::move(CS));
  }
  if (!S.P.Acquired.contains(Flag))
    S.P.Acquired.add(
        {Flag, LockMode::Shared, CE->getBeginLoc(), /*Asserted=*/true});
  // A class that initialises once on a flag of its own is meant to be
  // shared, as one locking its own mutex is (a function's static flag
  // says only that the initialisation is).
  noteLockingClass(Flag);
  return true;
}

bool Analyzer::keptInCallableWrapper(const LambdaExpr *LE) {
  const Stmt *Cur = LE;
  for (int Guard = 0; Guard < 8; ++Guard) {
    const Stmt *P = parents().getParent(Cur);
    if (!P)
      return false;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      if (keepsCallableForLater(CE->getType()))
        return true;
      if (!CE->getConstructor() ||
          !CE->getConstructor()->isCopyOrMoveConstructor())
        return false; // handed to another class's constructor
    } else if (!isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr, ParenExpr, ExprWithCleanups,
                    CXXFunctionalCastExpr>(P)) {
      return false;
    }
    Cur = P;
  }
  return false;
}

std::optional<AccessPath> Analyzer::returnedObject(const Expr *V) const {
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(
          V->IgnoreParenImpCasts())) {
    std::optional<AccessPath> T = returnedObject(CO->getTrueExpr());
    std::optional<AccessPath> F = returnedObject(CO->getFalseExpr());
    return T && F ? pickedPart(*T, *F, FD->getCanonicalDecl()) : std::nullopt;
  }
  std::optional<AccessPath> P = R.resolve(V);
  // A local dies with the function: only paths its callers can name.
  if (P && P->kind() == RootKind::Var && !P->param())
    return std::nullopt;
  return P;
}

void Analyzer::handleReturn(const ReturnStmt *RS, FlowState &S) {
  const Expr *V = RS->getRetValue();
  if (!V)
    return;
  if (Emit)
    checkReturnedHandle(RS, S);
  // Accessors: `return map_;` / `return &instance;` from a function that
  // returns a reference or pointer. One returning either of two members
  // (`return b ? &first_ : &second_;`, or one per branch) returns a part of
  // *this named by the accessor: callers still know whose object it is.
  QualType RT = FD->getReturnType();
  if (Emit && (RT->isReferenceType() || RT->isPointerType()) &&
      !ReturnedPathConflict) {
    std::optional<AccessPath> P = returnedObject(V);
    if (P && Facts->Summary.ReturnedPath)
      P = pickedPart(*Facts->Summary.ReturnedPath, *P, FD->getCanonicalDecl());
    if (!P) {
      Facts->Summary.ReturnedPath.reset();
      ReturnedPathConflict = true;
    } else {
      Facts->Summary.ReturnedPath = P;
    }
  }
  // Before C++17 the returned guard is a copy of a temporary
  // (`return Guard(this);`): the copy took the temporary's state, and the
  // temporary is destroyed before the return.
  GuardState *G = S.guard(stripTemporaries(V));
  if (!G) {
    const void *Key = guardKeyOf(V);
    G = Key ? S.guard(Key) : nullptr;
  }
  if (!G)
    return;
  if (Emit && G->Own == GuardState::Owns && G->Active) {
    LockSet L;
    for (const AccessPath &M : G->Mutexes)
      L.add({M, G->Mode, RS->getBeginLoc()});
    Facts->Summary.ReturnedGuard = L;
  }
  // The guard leaves with the return value: its destructor here is moot.
  G->Active = false;
}

void Analyzer::handleAutoDtor(const VarDecl *VD, const Stmt *Trigger,
                              FlowState &S) {
  // The end of the scope (or the return) that destroys the variable.
  SourceLocation End = Trigger ? Trigger->getEndLoc() : VD->getEndLoc();
  if (GuardState *G = S.guard(VD)) {
    releaseGuard(*G, S, End);
    S.removeGuard(VD);
    return;
  }
  QualType T = VD->getType();
  if (joinsOnDestruction(T)) {
    killGroup(S, AccessPath::var(VD));
    return;
  }
  applyDestructor(T, VD, AccessPath::var(VD), S, End, /*Temporary=*/false);
}

void Analyzer::applyDestructor(QualType T, const void *Key,
                               std::optional<AccessPath> Object, FlowState &S,
                               SourceLocation End, bool Temporary) {
  // A project lock holder's destructor (shape-based RAII guard), or an
  // unlocker's that takes the lock again; a group that joins its threads.
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->hasDefinition())
    return;
  const CXXDestructorDecl *Dtor = RD->getDestructor();
  const FunctionFacts *CF = Dtor ? Ctx.factsOf(Dtor) : nullptr;
  if (!CF || CF->Skipped)
    return;
  auto MIt = ObjectMembers.find(Key);
  CallBinding B;
  B.Callee = CF->FD;
  B.Object = Object;
  B.ObjectMembers = MIt != ObjectMembers.end() ? &MIt->second : nullptr;
  for (const AccessPath &P : toCaller(CF->Summary.ReleasedAtExit, B))
    release(S, P, End, Temporary);
  for (const HeldLock &H : toCaller(CF->Summary.AcquiredAtExit, B))
    acquire(S, H.Path, H.Mode, End);
  for (const AccessPath &G : toCaller(CF->Summary.JoinedGroups, B))
    killGroup(S, G);
}

void Analyzer::handleTempDtor(const CXXBindTemporaryExpr *BTE, FlowState &S) {
  const Expr *Key = BTE->getSubExpr();
  if (!Key)
    return;
  Key = Key->IgnoreParenImpCasts();
  SourceLocation End = BTE->getEndLoc();
  if (GuardState *G = S.guard(Key)) {
    releaseGuard(*G, S, End);
    S.removeGuard(Key);
    return;
  }
  // A discarded std::async future waits for its task right here.
  auto TIt = ThreadOfSite.find(Key);
  if (TIt != ThreadOfSite.end() && !Ctx.ThreadTable[TIt->second].Group &&
      ThreadModel::isFutureType(Key->getType())) {
    unsigned Tid = TIt->second;
    S.P.Live.removeIf([Tid](unsigned T) { return T == Tid; });
    return;
  }
  applyDestructor(Key->getType(), Key, std::nullopt, S, End,
                  /*Temporary=*/true);
}

std::optional<AccessPath> Analyzer::returnedPath(const CallExpr *CE) {
  // `lk.release()` and `lk.mutex()` return the guard's mutex.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    if (const CXXMethodDecl *MD = MC->getMethodDecl())
      if (MD->getIdentifier() &&
          (MD->getName() == "release" || MD->getName() == "mutex") &&
          Ctx.Locks.guardType(MC->getImplicitObjectArgument()->getType()))
        if (const void *K = guardKeyOf(MC->getImplicitObjectArgument())) {
          auto It = GuardMutexes.find(K);
          if (It != GuardMutexes.end() && !It->second.empty())
            return It->second.front();
        }
  const FunctionDecl *Callee = CE->getDirectCallee();
  const FunctionFacts *CF = Callee ? Ctx.factsOf(Callee) : nullptr;
  if (!CF || CF->Skipped || !CF->Summary.ReturnedPath || PathDepth > 4)
    return std::nullopt;
  ++PathDepth;
  const Expr *Obj = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Obj = MC->getImplicitObjectArgument();
  std::optional<AccessPath> ObjPath = Obj ? R.resolve(Obj) : std::nullopt;
  CallBinding B = bindingFor(Callee, Obj, ObjPath, nullptr, callArguments(CE));
  std::optional<AccessPath> P = toCaller(*CF->Summary.ReturnedPath, B);
  --PathDepth;
  return P;
}

Analyzer::HandleSource Analyzer::handleSourceOf(const Expr *E) const {
  // Walk down what the user wrote to the call that produced the handle:
  // `&m_[k]`, `m_.emplace(k, v).first`, `it->second`, `*it`,
  // `(std::lock_guard<std::mutex>{mu_}, m_.find(k))`.
  HandleSource Src;
  // `c ? def : it->second`: either branch may be the handle.
  if (const auto *CO =
          dyn_cast_or_null<AbstractConditionalOperator>(stripTemporaries(E))) {
    Src = handleSourceOf(CO->getTrueExpr());
    if (!Src.Call && !Src.From)
      Src = handleSourceOf(CO->getFalseExpr());
    return Src;
  }
  bool AddressOf = false, ThroughMember = false;
  for (int Guard = 0; E && Guard < 12; ++Guard) {
    E = stripTemporaries(E);
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() == UO_AddrOf)
        AddressOf = true;
      else if (UO->getOpcode() == UO_Deref)
        ThroughMember = true;
      else
        return HandleSource();
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() != BO_Comma)
        return HandleSource();
      E = BO->getRHS();
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      // `.first` of an insert result, `->second` of an iterator, a member
      // of an element.
      if (!isa<FieldDecl>(ME->getMemberDecl()))
        return HandleSource();
      if (ME->isArrow() || ME->getMemberDecl()->getName() != "first")
        ThroughMember = true;
      E = ME->getBase();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() == OO_Arrow || OC->getOperator() == OO_Star) &&
          OC->getNumArgs() == 1 && !HandleCalls.count(OC)) {
        ThroughMember = true;
        E = OC->getArg(0);
        continue;
      }
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      // iterator -> const_iterator conversion, or a copy of the iterator
      if (C->getNumArgs() != 1)
        return HandleSource();
      E = C->getArg(0);
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto It = Handles.find(DRE->getDecl());
      if (It == Handles.end() || !ThroughMember)
        return HandleSource(); // a plain copy of a variable
      Src.From = &It->second;
      break;
    }
    auto It = HandleCalls.find(E);
    if (It == HandleCalls.end())
      return HandleSource();
    Src.Call = &It->second;
    // A call that returns an iterator (find, begin, insert's pair) holds
    // one; a call returning a reference designates an element.
    if (!ThroughMember && !E->getType()->isReferenceType() && !E->isLValue() &&
        !E->getType()->isPointerType())
      Src.S = HandleSource::Iterator;
    // `v_.data()`: a pointer to the elements. (`m_.at(k)` of a map of
    // pointers is an lvalue: the element, whose value is a pointer.)
    if (!ThroughMember && E->getType()->isPointerType() && !E->isLValue())
      AddressOf = true;
    break;
  }
  if (!Src.Call && !Src.From)
    return HandleSource();
  if (AddressOf)
    Src.S = HandleSource::Address;
  else if (ThroughMember || Src.From || Src.S == HandleSource::None)
    Src.S = HandleSource::Element; // `it->second`, `m_[k]`, `m_.at(k)`
  return Src;
}

void Analyzer::noteHandleVar(const VarDecl *VD, FlowState &S) {
  noteHandle(VD, VD->getInit(), VD->getLocation(), S);
}

void Analyzer::handleAssignment(const Expr *LHS, const Expr *RHS,
                                FlowState &S) {
  // `it = m_.find(k);`, `p = &m_[k];`: the variable holds a new handle (or,
  // assigned anything else, none). Assigning through a reference writes
  // the element instead (checkHandleUse).
  const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || VD->hasGlobalStorage() || VD->getType()->isReferenceType())
    return;
  Handles.erase(VD);
  noteHandle(VD, RHS, RHS->getBeginLoc(), S);
}

void Analyzer::noteHandle(const ValueDecl *VD, const Expr *Init,
                          SourceLocation At, FlowState &S) {
  // Whatever the variable held before is gone.
  llvm::erase_if(S.Handles, [VD](const HandleFact &H) { return H.Var == VD; });
  HandleSource Src = handleSourceOf(Init);
  if (!Src.Call && !Src.From)
    return;
  QualType T = VD->getType();
  // What the variable holds: a reference bound to the element itself, an
  // element's address, or an iterator. A value copied out is no handle.
  std::string Kind;
  if (T->isReferenceType()) {
    if (Src.S == HandleSource::Iterator)
      Kind = "iterator";
    else if (Src.S == HandleSource::Element) {
      // Bound to the element, not to a converted temporary.
      QualType Referee = T.getNonReferenceType().getCanonicalType()
                             .getUnqualifiedType();
      QualType Of = stripTemporaries(Init)->getType().getCanonicalType()
                        .getUnqualifiedType();
      if (Referee == Of.getNonReferenceType().getUnqualifiedType())
        Kind = "reference";
    }
  } else if (T->isPointerType()) {
    if (Src.S == HandleSource::Address)
      Kind = "pointer";
  } else if (Src.S == HandleSource::Iterator) {
    Kind = "iterator";
  }
  if (Kind.empty())
    return;
  HandleInfo H;
  if (Src.Call) {
    H.Container = Src.Call->Container;
    H.ContainerType = Src.Call->ContainerType;
    H.Locks = Src.Call->Locks;
    H.Method = Src.Call->Method;
    H.CreationAccess = Src.Call->CreationAccess;
  } else {
    H = *Src.From;
    H.Reported = false;
  }
  H.Created = At;
  H.Kind = Kind;
  Handles[VD] = H;
  for (const HeldLock &L : H.Locks)
    S.Handles.push_back(HandleFact{VD, L.Path, false, {}, false});
  // `auto [it, inserted] = m_.insert(...)`: the bindings are handles too.
  if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
    for (const BindingDecl *B : DD->bindings()) {
      HandleInfo BH = H;
      BH.Kind = "iterator";
      Handles[B] = BH;
      llvm::erase_if(S.Handles,
                     [B](const HandleFact &F) { return F.Var == B; });
      for (const HeldLock &L : H.Locks)
        S.Handles.push_back(HandleFact{B, L.Path, false, {}, false});
    }
}

void Analyzer::checkHandleUse(const DeclRefExpr *DRE, const FlowState &S) {
  const ValueDecl *VD = DRE->getDecl();
  if (!isa<VarDecl>(VD) && !isa<BindingDecl>(VD))
    return;
  if (!Emit || ReportedHandles.count(VD))
    return;
  auto It = Handles.find(VD);
  if (It == Handles.end())
    return;
  const HandleInfo &H = It->second;
  // Only uses that reach into the container: dereferencing an iterator or
  // pointer (not comparing or reseating it), any use of a reference --
  // assigning to one writes the element, it cannot be reseated.
  bool Reference = H.Kind == "reference" && !isa<BindingDecl>(VD);
  ParentMap &PM = parents();
  const Stmt *Child = DRE;
  const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<DeclRefExpr *>(DRE));
  // `res.first->second`: look through `.first` of a pair.
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(P))
    if (!ME->isArrow() && ME->getMemberDecl()->getName() == "first") {
      Child = ME;
      P = PM.getParentIgnoreParenImpCasts(const_cast<MemberExpr *>(ME));
    }
  bool Deref = false;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P)) {
    Deref = UO->getOpcode() == UO_Deref || UO->isIncrementDecrementOp();
  } else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
    OverloadedOperatorKind K = OC->getOperator();
    Deref = OC->getNumArgs() >= 1 &&
            OC->getArg(0)->IgnoreParenImpCasts() == Child &&
            (K == OO_Star || K == OO_Arrow || K == OO_PlusPlus ||
             K == OO_MinusMinus);
  } else if (const auto *ME = dyn_cast_or_null<MemberExpr>(P)) {
    Deref = ME->isArrow();
  }
  if (!Reference && !Deref)
    return;
  for (const HandleFact &F : S.Handles) {
    if (F.Var != VD || !F.Stale)
      continue;
    // Released since the handle was obtained -- and maybe taken again:
    // a writer may have run in between.
    EscapedHandle E;
    E.HandleKind = H.Kind;
    E.HandleName = VD->getNameAsString();
    E.Container = H.Container;
    E.ContainerType = H.ContainerType;
    E.Lock = F.Lock;
    E.UseLoc = DRE->getBeginLoc();
    E.CreatedLoc = H.Created;
    E.Method = H.Method;
    E.ReleaseLoc = F.ReleaseLoc;
    E.ReleasedByTemporary = F.Temporary;
    E.Retaken = S.P.Acquired.contains(F.Lock);
    E.CreationAccess = H.CreationAccess;
    Facts->EscapedHandles.push_back(std::move(E));
    ReportedHandles.insert(VD);
    return;
  }
}

void Analyzer::checkReturnedHandle(const ReturnStmt *RS, const FlowState &S) {
  QualType RT = FD->getReturnType();
  bool HandleType = RT->isReferenceType() || RT->isPointerType();
  if (const CXXRecordDecl *RD = classOf(RT))
    HandleType |= RD->getName().contains_insensitive("iterator");
  if (!HandleType)
    return;
  const Expr *V = RS->getRetValue();
  // What is returned: a handle variable (`return it;`), a handle made right
  // here (`return m_.at(k);`), or one reached through a handle variable
  // (`return it->second;`, `return &it->second;`).
  const HandleInfo *Var = nullptr;
  const DeclRefExpr *Named = nullptr;
  if (const auto *DRE =
          dyn_cast<DeclRefExpr>(stripWrappers(V)->IgnoreParenImpCasts())) {
    auto It = Handles.find(DRE->getDecl());
    bool Holds = false;
    for (const HandleFact &F : S.Handles)
      Holds |= F.Var == DRE->getDecl();
    if (It != Handles.end() && Holds) {
      Var = &It->second;
      Named = DRE;
    }
  }
  HandleSource Src;
  if (!Var) {
    Src = handleSourceOf(V);
    if (!Src.Call && !Src.From)
      return;
  }
  LockSet Locks;
  std::string Method;
  AccessPath Container;
  QualType CT;
  SourceLocation Created;
  size_t CreationAccess = ~size_t(0);
  const ValueDecl *Through = nullptr; // the variable whose facts apply
  if (Var || Src.From) {
    const HandleInfo &H = Var ? *Var : *Src.From;
    Locks = H.Locks;
    Method = H.Method;
    Container = H.Container;
    CT = H.ContainerType;
    Created = H.Created;
    CreationAccess = H.CreationAccess;
    if (Var) {
      Through = Named->getDecl();
    } else {
      for (const auto &KV : Handles)
        if (&KV.second == Src.From)
          Through = KV.first;
    }
  } else {
    Locks = Src.Call->Locks;
    Method = Src.Call->Method;
    Container = Src.Call->Container;
    CT = Src.Call->ContainerType;
    Created = V->getBeginLoc();
    CreationAccess = Src.Call->CreationAccess;
  }
  if (Named && ReportedHandles.count(Named->getDecl()))
    return;
  for (const HeldLock &L : Locks) {
    SourceLocation ReleaseLoc;
    bool Temporary = false;
    if (S.P.Acquired.contains(L.Path)) {
      // A lock held here by a guard of this function is gone once it
      // returns -- unless it was dropped in between (then taken again).
      bool GuardDiesHere = false;
      for (const GuardState &G : S.Guards)
        if (G.Active && G.Own != GuardState::NotOwns && !G.Temporary)
          for (const AccessPath &M : G.Mutexes)
            GuardDiesHere |= canonicalLock(M) == L.Path;
      if (!GuardDiesHere)
        continue;
    } else {
      // Released before the return.
      for (const HandleFact &F : S.Handles)
        if (F.Var == Through && F.Lock == L.Path && F.Stale) {
          ReleaseLoc = F.ReleaseLoc;
          Temporary = F.Temporary;
        }
      if (ReleaseLoc.isInvalid())
        continue; // an entry lock the caller holds
    }
    EscapedHandle E;
    E.HandleKind = RT->isReferenceType() ? "reference"
                   : RT->isPointerType() ? "pointer"
                                         : "iterator";
    E.HandleName = Named ? Named->getDecl()->getNameAsString() : "";
    E.Container = Container;
    E.ContainerType = CT;
    E.Lock = L.Path;
    E.UseLoc = RS->getBeginLoc();
    E.CreatedLoc = Created;
    E.Method = Method;
    E.Returned = true;
    E.ReleaseLoc = ReleaseLoc;
    E.ReleasedByTemporary = Temporary;
    E.CreationAccess = CreationAccess;
    Facts->EscapedHandles.push_back(std::move(E));
    if (Named)
      ReportedHandles.insert(Named->getDecl());
    return;
  }
}

void Analyzer::trackLoops(const Stmt *St, const FlowState &S) {
  auto It = Scan.StmtLoops.find(St);
  if (It == Scan.StmtLoops.end())
    return;
  auto ReleaseLoc = [&S](const AccessPath &P) {
    for (const ReleaseSite &R : S.P.Releases)
      if (R.Path == P)
        return R.Loc;
    return SourceLocation();
  };
  for (unsigned Idx : It->second) {
    LoopTrack &T = LoopTracks[Idx];
    if (!T.Started)
      continue;
    if (!T.Continues) {
      T.Continues = llvm::BitVector(Graph->getNumBlockIDs());
      const Stmt *Loop = Scan.Loops[Idx].Loop;
      llvm::SmallVector<const CFGBlock *, 16> Work;
      for (const CFGBlock *B : *Graph)
        if (B->getTerminatorStmt() == Loop)
          Work.push_back(B);
      if (Work.empty()) // an algorithm call: no loop in this CFG
        T.Continues->set();
      while (!Work.empty()) {
        const CFGBlock *X = Work.pop_back_val();
        if (T.Continues->test(X->getBlockID()))
          continue;
        T.Continues->set(X->getBlockID());
        for (const auto &P : X->preds())
          if (const CFGBlock *Pred = P.getReachableBlock())
            Work.push_back(Pred);
      }
    }
    if (CurBlock && !T.Continues->test(CurBlock->getBlockID()))
      continue;
    for (const HeldLock &L : T.StartAcquired)
      if (!S.P.Acquired.contains(L.Path) && !T.NotHeld.contains(L.Path)) {
        T.NotHeld.add(L.Path);
        if (T.ReleaseInside.isInvalid())
          T.ReleaseInside = ReleaseLoc(L.Path);
      }
    for (const AccessPath &P : S.P.ReleasedEntry)
      if (!T.StartReleased.contains(P) && !T.NotHeld.contains(P)) {
        T.NotHeld.add(P);
        if (T.ReleaseInside.isInvalid())
          T.ReleaseInside = ReleaseLoc(P);
      }
    auto TR = TempReleases.find(St);
    if (TR != TempReleases.end())
      for (const AccessPath &P : TR->second)
        if (T.StartAcquired.contains(P) && !T.NotHeld.contains(P)) {
          T.NotHeld.add(P);
          if (T.ReleaseInside.isInvalid())
            T.ReleaseInside = St->getBeginLoc();
        }
  }
}

void Analyzer::buildLoopFacts() {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  std::unique_ptr<ParentMap> PM;
  for (unsigned Idx = 0; Idx < Scan.Loops.size(); ++Idx) {
    const LoopShape &Shape = Scan.Loops[Idx];
    const LoopTrack &T = LoopTracks[Idx];
    if (!T.Started || T.StartAccess >= Facts->Accesses.size())
      continue;
    const LocalAccess &Start = Facts->Accesses[T.StartAccess];
    std::optional<ContainerInfo> Info = Ctx.Containers.classify(Start.ContainerType);
    if (!Info)
      continue;
    LoopFacts L;
    L.Loop = Shape.Loop;
    L.Body = Shape.Body;
    L.Loc = Shape.Loc;
    L.Container = Start.Path;
    L.Family = Info->Family;
    L.StartAccess = T.StartAccess;
    L.NotHeldThroughout = T.NotHeld;
    L.ReleaseInside = T.ReleaseInside;
    // Same-thread invalidation: a write to the container made by the body.
    if (Shape.Body) {
      SourceRange BodyRange = Shape.Body->getSourceRange();
      auto Inside = [&](SourceLocation Loc) {
        return Loc.isValid() &&
               SM.isPointWithin(Loc, BodyRange.getBegin(), BodyRange.getEnd());
      };
      if (!PM)
        PM = std::make_unique<ParentMap>(const_cast<Stmt *>(FD->getBody()));
      struct Candidate {
        SourceLocation Loc;
        std::string Method;
        const Expr *CallHere; ///< the call in this function
        SourceLocation Through;
      };
      std::vector<Candidate> Cands;
      for (const LocalAccess &A : Facts->Accesses) {
        if (A.Kind != AccessKind::Write || !(A.Path == L.Container))
          continue;
        const Expr *Here = A.CallChain.empty() ? A.Call : A.ViaCallExpr;
        SourceLocation Where = A.CallChain.empty() ? A.Loc : A.CallChain.front();
        if (!Here || !Inside(Where))
          continue;
        Cands.push_back({A.Loc, A.Method, Here,
                         A.CallChain.empty() ? SourceLocation() : Where});
      }
      // Member functions called on this object that write the container.
      for (const CallSite &CS : Facts->Calls) {
        if (!CS.OnThisObject || CS.Deferred || !CS.CallExpr ||
            !Inside(CS.Loc))
          continue;
        const FunctionFacts *CF = Ctx.factsOf(CS.Callee);
        if (!CF || CF->Skipped)
          continue;
        for (const LocalAccess &A : CF->Summary.ThisAccesses)
          if (A.Kind == AccessKind::Write && A.Path == L.Container) {
            Cands.push_back({A.Loc, A.Method, CS.CallExpr, CS.Loc});
            break;
          }
      }
      std::stable_sort(Cands.begin(), Cands.end(),
                       [&SM](const Candidate &X, const Candidate &Y) {
                         SourceLocation XL = X.Through.isValid() ? X.Through : X.Loc;
                         SourceLocation YL = Y.Through.isValid() ? Y.Through : Y.Loc;
                         return SM.isBeforeInTranslationUnit(XL, YL);
                       });
      for (const Candidate &C : Cands) {
        bool Current = false;
        if (const auto *Call = dyn_cast<CallExpr>(C.CallHere))
          for (const Expr *Arg : Call->arguments())
            Current |= isCursorElement(Arg, Shape.Cursor);
        if (leavesLoopSafely(C.CallHere, Shape.Cursor, *PM))
          continue;
        std::optional<std::string> Why =
            invalidation(L.Family, C.Method, Current);
        if (!Why)
          continue;
        L.Invalidated = true;
        L.MutationLoc = C.Loc;
        L.MutationWhat = *Why;
        L.MutationCall = C.Through;
        break;
      }
    }
    Facts->Loops.push_back(std::move(L));
  }
}

/// `for (i = 1; i < n; ++i) start(work, &states[i]); work(states.data());`
/// The spawner runs the first share itself, on the element the loop hands
/// no thread: a call of the threads' body on it runs on the spawner's own
/// object, as each thread's run on its own. Sets Object and Args (bit =
/// index) for what the call Site binds to such an element.
void Analyzer::keptElements(const Expr *Site, const FunctionDecl *Callee,
                            bool &Object, uint64_t &Args) {
  Object = false;
  Args = 0;
  const auto *CE = dyn_cast<CallExpr>(Site);
  if (!CE || !Callee || isa<CXXOperatorCallExpr>(CE) || ThreadOfSite.empty())
    return;
  llvm::SmallVector<const ThreadStartInfo *, 4> Keeping;
  for (const auto &[TSite, T] : ThreadOfSite)
    if (Ctx.ThreadTable[T].SpawnerKeepsFirstOf && Ctx.ThreadTable[T].Body &&
        Ctx.ThreadTable[T].Body->getCanonicalDecl() ==
            Callee->getCanonicalDecl())
      Keeping.push_back(&Ctx.ThreadTable[T]);
  if (Keeping.empty())
    return;
  auto Kept = [&](const Expr *E) {
    const Expr *V = E ? firstElementContainer(E) : nullptr;
    std::optional<AccessPath> P = V ? R.resolve(V) : std::nullopt;
    return P && llvm::any_of(Keeping, [&](const ThreadStartInfo *T) {
             return *T->SpawnerKeepsFirstOf == *P;
           });
  };
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Object = Kept(MC->getImplicitObjectArgument());
  for (unsigned I = 0; I < CE->getNumArgs() && I < 64; ++I)
    if (Kept(CE->getArg(I)))
      Args |= uint64_t(1) << I;
}

void Analyzer::computeJoinsAhead() {
  // Loops joining a container of threads join it on their exit edge.
  for (const CFGBlock *B : *Graph)
    if (const Stmt *T = B->getTerminatorStmt()) {
      auto It = Scan.LoopJoins.find(T);
      if (It != Scan.LoopJoins.end())
        for (const AccessPath &G : It->second)
          JoinSites.push_back({B, ~0u, G});
    }
  if (JoinSites.empty())
    return;
  // Per group: the blocks from which one of its joins can be reached.
  std::vector<std::pair<AccessPath, llvm::BitVector>> Reach;
  for (const JoinSite &J : JoinSites) {
    llvm::BitVector *Bits = nullptr;
    for (auto &[G, V] : Reach)
      if (G == J.Group)
        Bits = &V;
    if (!Bits) {
      Reach.push_back({J.Group, llvm::BitVector(Graph->getNumBlockIDs())});
      Bits = &Reach.back().second;
    }
    llvm::SmallVector<const CFGBlock *, 16> Work{J.Block};
    while (!Work.empty()) {
      const CFGBlock *X = Work.pop_back_val();
      if (Bits->test(X->getBlockID()))
        continue;
      Bits->set(X->getBlockID());
      for (const auto &P : X->preds())
        if (const CFGBlock *Pred = P.getReachableBlock())
          Work.push_back(Pred);
    }
  }
  for (size_t I = 0; I < Facts->Accesses.size() && I < AccessPoints.size();
       ++I) {
    auto [Block, Elem] = AccessPoints[I];
    if (!Block)
      continue;
    for (const auto &[G, Bits] : Reach) {
      bool Ahead = false;
      for (const JoinSite &J : JoinSites)
        if (J.Group == G && J.Block == Block && J.Elem > Elem)
          Ahead = true;
      for (const auto &S : Block->succs())
        if (const CFGBlock *Succ = S.getReachableBlock())
          Ahead |= Bits.test(Succ->getBlockID());
      if (Ahead)
        Facts->Accesses[I].JoinsAhead.add(G);
    }
  }
}

} // namespace

std::unique_ptr<FunctionFacts> analyzeFunction(AnalysisContext &Ctx,
                                               const FunctionDecl *FD) {
  Analyzer A(Ctx, FD);
  return A.run();
}

} // namespace maprace
