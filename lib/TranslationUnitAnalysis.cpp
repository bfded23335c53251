#include "TranslationUnitAnalysis.h"
#include "ThreadReachableLocals.h"
#include "CallBinding.h"
#include "EntryLockInference.h"
#include "FunctionAnalyzer.h"
#include "NameUtil.h"
#include "OnceModel.h"
#include "ProjectCallerLocks.h"
#include "clang/AST/Attr.h"
#include "clang/AST/LambdaCapture.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringSet.h"
#include <set>

using namespace clang;

namespace maprace {

namespace {

using CallerMap =
    llvm::DenseMap<const FunctionDecl *,
                   llvm::SmallVector<const FunctionDecl *, 4>>;

/// Adds to Set every function that calls one in it, transitively.
void closeOverCallers(llvm::DenseSet<const FunctionDecl *> &Set,
                      const CallerMap &Callers) {
  llvm::SmallVector<const FunctionDecl *, 64> Work(Set.begin(), Set.end());
  while (!Work.empty()) {
    auto It = Callers.find(Work.pop_back_val());
    if (It == Callers.end())
      continue;
    for (const FunctionDecl *C : It->second)
      if (Set.insert(C).second)
        Work.push_back(C);
  }
}

/// Per-function facts of the index walk.
struct FnInfo {
  bool Relevant = false;
  llvm::SmallVector<const FunctionDecl *, 4> Edges;
  /// Virtual calls: edges to their overriders once all are known.
  llvm::SmallVector<const CallExpr *, 1> VirtualCalls;
  /// Its calls to functions whose body is in another file (only while
  /// recording a project's calls).
  llvm::SmallVector<const CallExpr *, 1> OutOfUnitCalls;
};

/// One walk over the user's code: function definitions, call edges, and
/// whether a function touches containers, locks or threads at all.
class Indexer : public RecursiveASTVisitor<Indexer> {
public:
  Indexer(AnalysisContext &Ctx) : Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitImplicitCode() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) && isInSystemHeader(D))
      return true;
    const auto *FD = dyn_cast<FunctionDecl>(D);
    if (FD && isCandidate(FD)) {
      Stack.push_back(FD);
      noteFunction(FD);
      bool R = RecursiveASTVisitor::TraverseDecl(D);
      Stack.pop_back();
      return R;
    }
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool TraverseLambdaExpr(LambdaExpr *LE) {
    const CXXMethodDecl *Op = LE->getCallOperator();
    if (!Stack.empty() && Op && isCandidate(Op))
      edge(Op);
    bool Pushed = Op && isCandidate(Op);
    if (Pushed) {
      Stack.push_back(Op);
      noteFunction(Op);
    }
    bool R = RecursiveASTVisitor::TraverseLambdaExpr(LE);
    if (Pushed)
      Stack.pop_back();
    return R;
  }

  bool VisitCallExpr(CallExpr *CE) {
    if (!Ctx.Opts.CallerLocksOut.empty())
      CalleeExprs.insert(CE->getCallee()->IgnoreParenImpCasts());
    // call_once(flag, &C::Init, this) calls Init, under the flag: not a
    // function handed on to run anywhere.
    if (std::optional<OnceCall> OC = classifyOnceCall(CE)) {
      const Expr *F = stripWrappers(OC->Callable);
      if (const auto *UO = dyn_cast<UnaryOperator>(F))
        F = UO->getSubExpr()->IgnoreParenImpCasts();
      CalleeExprs.insert(F);
    }
    if (Stack.empty())
      return true;
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee) {
      edge(Callee);
      if (!Ctx.Opts.CallerLocksOut.empty() && !Callee->getDefinition() &&
          !isInSystemHeader(Callee))
        Info[Stack.back()].OutOfUnitCalls.push_back(CE);
      if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee))
        if (MD->isVirtual())
          Info[Stack.back()].VirtualCalls.push_back(CE);
      if (isRelevantCallee(Callee))
        markRelevant();
    }
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *CE) {
    if (Stack.empty())
      return true;
    if (isRelevantType(CE->getType()))
      markRelevant();
    if (const CXXConstructorDecl *Ctor = CE->getConstructor()) {
      edge(Ctor);
      if (Ctor->hasAttrs() && Ctx.Locks.attributeEffect(Ctor))
        markRelevant();
      if (const CXXRecordDecl *RD = Ctor->getParent())
        if (RD->hasDefinition())
          if (const CXXDestructorDecl *Dtor = RD->getDestructor())
            edge(Dtor);
    }
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    // A function taken as a value (a thread's body, a callback) may be
    // called anywhere, under any lock: an entry point even when private,
    // and recorded as called with none.
    if (!CalleeExprs.count(DRE))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        if (TakenSet.insert(FD->getCanonicalDecl()).second)
          Taken.push_back(FD);
    if (Stack.empty())
      return true;
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      edge(FD); // a function used as a value: a callable
    else if (isRelevantType(DRE->getType()))
      markRelevant();
    return true;
  }
  bool VisitMemberExpr(MemberExpr *ME) {
    if (!Stack.empty() && isRelevantType(ME->getType()))
      markRelevant();
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    if (const VarDecl *VD = S->getLoopVariable())
      Ctx.Index.LoopVarRange[VD] = S;
    return true;
  }
  bool VisitFieldDecl(FieldDecl *FD) {
    if (FD->getType()->isPointerType() && FD->hasInClassInitializer())
      Ctx.Index.Interior.noteStore(FD, FD->getInClassInitializer(),
                                   /*OnThis=*/true);
    return true;
  }
  bool TraverseConstructorInitializer(CXXCtorInitializer *Init) {
    if (Init->isWritten() && Init->isMemberInitializer() &&
        Init->getMember()->getType()->isPointerType())
      Ctx.Index.Interior.noteStore(Init->getMember(), Init->getInit(),
                                   /*OnThis=*/true);
    return RecursiveASTVisitor::TraverseConstructorInitializer(Init);
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    // Stores into pointer members, for InteriorPointers.
    if (const FieldDecl *F = pointerField(BO->getLHS())) {
      if (BO->getOpcode() == BO_Assign) {
        const auto *ME = cast<MemberExpr>(BO->getLHS()->IgnoreParenImpCasts());
        Ctx.Index.Interior.noteStore(
            F, BO->getRHS(),
            isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()));
      } else if (BO->isAssignmentOp()) {
        Ctx.Index.Interior.noteEscape(F);
      }
    }
    if (BO->getOpcode() == BO_Assign)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          if (VD->getType()->isPointerType() && !VD->hasInit() &&
              !VD->hasGlobalStorage() &&
              Ctx.Index.SingleAssignment.try_emplace(VD, BO->getRHS()).second)
            return true; // the first assignment of an uninitialised pointer
    if (BO->isAssignmentOp())
      noteReassigned(BO->getLHS());
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf || UO->isIncrementDecrementOp()) {
      noteReassigned(UO->getSubExpr());
      if (const FieldDecl *F = pointerField(UO->getSubExpr()))
        Ctx.Index.Interior.noteEscape(F);
    }
    return true;
  }

  llvm::DenseMap<const FunctionDecl *, FnInfo> Info;
  std::vector<const FunctionDecl *> Functions;
  /// Functions taken as values (their address, not a call).
  std::vector<const FunctionDecl *> Taken;

private:
  llvm::DenseSet<const Expr *> CalleeExprs;
  llvm::DenseSet<const FunctionDecl *> TakenSet;
  bool isCandidate(const FunctionDecl *FD) {
    return FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
           !FD->isDefaulted() && !FD->isImplicit() && !isInSystemHeader(FD);
  }
  void noteFunction(const FunctionDecl *FD) {
    auto [It, New] = Info.try_emplace(FD);
    if (New) {
      Functions.push_back(FD);
      if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
        Ctx.Overriders.add(MD);
    }
    if (FD->hasAttrs() &&
        (FD->hasAttr<RequiresCapabilityAttr>() || Ctx.Locks.attributeEffect(FD)))
      It->second.Relevant = true;
  }
  void edge(const FunctionDecl *Callee) {
    if (Stack.empty() || !Callee)
      return;
    if (const FunctionDecl *Def = Callee->getDefinition())
      Callee = Def;
    if (!Callee->doesThisDeclarationHaveABody() || isInSystemHeader(Callee))
      return;
    Info[Stack.back()].Edges.push_back(Callee);
  }
  void markRelevant() { Info[Stack.back()].Relevant = true; }
  void noteReassigned(const Expr *E) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->getType()->isPointerType() && !VD->hasGlobalStorage())
          Ctx.Index.ReassignedVars.insert(VD);
  }
  bool isRelevantCallee(const FunctionDecl *FD) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (isRelevantClass(MD->getParent()))
        return true;
    if (FD->hasAttrs() && Ctx.Locks.attributeEffect(FD))
      return true;
    if (const IdentifierInfo *II = FD->getIdentifier()) {
      llvm::StringRef N = II->getName();
      if (N.starts_with("pthread_") || N == "async" || N == "lock")
        return true;
      if (!Ctx.Opts.ThreadStartFunctions.empty() ||
          !Ctx.Opts.LockFunctions.empty() ||
          !Ctx.Opts.SharedLockFunctions.empty() ||
          !Ctx.Opts.UnlockFunctions.empty()) {
        std::string QN = qualifiedName(FD);
        if (nameMatches(QN, N, Ctx.Opts.ThreadStartFunctions) ||
            nameMatches(QN, N, Ctx.Opts.LockFunctions) ||
            nameMatches(QN, N, Ctx.Opts.SharedLockFunctions) ||
            nameMatches(QN, N, Ctx.Opts.UnlockFunctions))
          return true;
      }
    }
    return false;
  }
  bool isRelevantClass(const CXXRecordDecl *RD) {
    if (!RD)
      return false;
    RD = RD->getCanonicalDecl();
    auto It = ClassCache.find(RD);
    if (It != ClassCache.end())
      return It->second;
    bool R = Ctx.Containers.classify(RD).has_value() ||
             Ctx.Locks.isMutexClass(RD) || Ctx.Locks.guardTypeOf(RD) ||
             ThreadModel::isThreadClass(RD) || ThreadModel::isFutureClass(RD);
    ClassCache[RD] = R;
    return R;
  }
  bool isRelevantType(QualType T) {
    if (T.isNull())
      return false;
    T = T.getNonReferenceType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (const auto *TT = T->getAs<TypedefType>()) {
      llvm::StringRef N = TT->getDecl()->getName();
      if (N.starts_with("pthread_"))
        return true;
    }
    if (T->isArrayType())
      if (const ArrayType *AT = T->getAsArrayTypeUnsafe())
        return isRelevantType(AT->getElementType());
    return isRelevantClass(classOf(T));
  }

  AnalysisContext &Ctx;
  std::vector<const FunctionDecl *> Stack;
  llvm::DenseMap<const CXXRecordDecl *, bool> ClassCache;
};

/// A statement of an accessor's body: an assertion, or a branch whose arms
/// hold only assertions and returns (`if (proximal) return &proximal_;`).
bool isAccessorStep(const Stmt *S, unsigned Depth) {
  if (!S || isa<NullStmt>(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return E->getType()->isVoidType();
  if (const auto *RS = dyn_cast<ReturnStmt>(S))
    return RS->getRetValue() != nullptr;
  if (Depth > 3)
    return false;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return llvm::all_of(CS->body(), [&](const Stmt *C) {
      return isAccessorStep(C, Depth + 1);
    });
  if (const auto *IS = dyn_cast<IfStmt>(S))
    return !IS->getInit() && !IS->getConditionVariable() &&
           isAccessorStep(IS->getThen(), Depth + 1) &&
           isAccessorStep(IS->getElse(), Depth + 1);
  return false;
}

/// An accessor: returns a reference or pointer, and its body is a return
/// after nothing but assertions (`assert(cur_); return *cur_;`), or picks
/// one of a few objects by branches (`if (b) return &x_; return &y_;`).
/// Its summary's returned path lets callers name the object it returns
/// (`sub->Current().Add(x)` works on `sub->cur_`), even when it touches
/// no container or lock itself.
bool isAccessor(const FunctionDecl *FD) {
  QualType RT = FD->getReturnType();
  if (!RT->isReferenceType() && !RT->isPointerType())
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body || Body->body_empty())
    return false;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_back());
  return Ret && isAccessorStep(Body, 0);
}

/// How CS binds its callee's objects to the caller's (B.ObjectMembers
/// points into CS).
static CallBinding bindingOf(const CallSite &CS) {
  CallBinding B;
  B.Callee = CS.Callee;
  B.Object = CS.Object;
  B.Args = CS.Args;
  if (!CS.ObjectMembers.empty())
    B.ObjectMembers = &CS.ObjectMembers;
  return B;
}

/// The locks held at a call (a lambda posted to a loop runs later, with
/// none of the caller's locks); see heldWithGuards.
static LockSet heldAtCall(const LockSet &EntryHeld, const GuardBindings &Gs,
                          const CallSite &CS, const LockModel &Locks) {
  return heldWithGuards(CS.Deferred ? LockSet() : EntryHeld, Gs, CS.State,
                        Locks);
}

} // namespace

struct TranslationUnitAnalysis::EntryState {
  bool Valid = false;
  LockSet Held;
  /// The function's guards reached by reference, bound by every call in
  /// this context to the same mutexes (GuardStandIns.h).
  GuardBindings Guards;
  ThreadSet Live;
  bool Private = false;
  bool Constructing = false; ///< a constructor, on its own object
  /// Runs on a local object of a function that starts no thread: each run
  /// of that function has its own object, no other thread sees it.
  bool LocalObject = false;
  bool Api = false;
  /// Reference and pointer parameters (bit = index) bound, at every call in
  /// this context, to an object private to the caller's run: a member
  /// function called on one runs on a local object too.
  uint64_t PrivateParams = 0;
  /// Runs on a local object of this function's run (not private to it:
  /// the function starts threads that may see it); null if mixed.
  const FunctionDecl *RunOwner = nullptr;
  /// A call that brings this context here (for the "called here" note).
  SourceLocation ViaCall;
  /// While recording a project's calls: how this function sees the objects
  /// of its context's entry point, at every call that brings it here (the
  /// pairs all of them agree on); unset outside entry contexts, and when a
  /// call here runs later (posted), not under the entry's callers' locks.
  std::optional<BindingText> FromRoot;

  /// Whether O is about the same objects being private: the key of a
  /// variant (see Impl::slotFor).
  bool sameOwnership(const EntryState &O) const {
    return Private == O.Private && Constructing == O.Constructing &&
           LocalObject == O.LocalObject && PrivateParams == O.PrivateParams &&
           RunOwner == O.RunOwner;
  }

  /// Merges O in; returns true if anything changed.
  bool merge(const EntryState &O) { return merge(O, O.Live); }
  /// Merges O in with OLive for its live threads (so that a call edge
  /// passing its caller's set on unchanged need not copy it).
  bool merge(const EntryState &O, const ThreadSet &OLive) {
    if (!Valid) {
      *this = O;
      Live = OLive;
      Valid = true;
      return true;
    }
    if (ViaCall.isInvalid())
      ViaCall = O.ViaCall;
    // In place: at most call edges nothing changes, and nothing is copied.
    bool Changed = Held.intersect(O.Held);
    Changed |= intersectGuardBindings(Guards, O.Guards);
    if (FromRoot && !O.FromRoot) {
      FromRoot.reset();
      Changed = true;
    } else if (FromRoot) {
      Changed |= intersectBindings(*FromRoot, *O.FromRoot);
    }
    Changed |= Live.unite(OLive);
    bool P = Private && O.Private;
    bool K = Constructing && O.Constructing;
    bool LO = LocalObject && O.LocalObject;
    bool A = Api || O.Api;
    uint64_t PP = PrivateParams & O.PrivateParams;
    const FunctionDecl *RO = RunOwner == O.RunOwner ? RunOwner : nullptr;
    Changed |= P != Private || K != Constructing || LO != LocalObject ||
               A != Api || PP != PrivateParams || RO != RunOwner;
    PrivateParams = PP;
    RunOwner = RO;
    Private = P;
    Constructing = K;
    LocalObject = LO;
    Api = A;
    return Changed;
  }
};

struct TranslationUnitAnalysis::Impl {
  /// One entry state of a function: the context it runs in, and one
  /// ownership variant of its object and parameters there.
  struct Slot {
    unsigned Context;
    EntryState State;
  };
  /// Per function: the contexts it runs in and the states at its entry.
  llvm::DenseMap<const FunctionDecl *, std::vector<Slot>> States;
  /// Per function: how many distinct contexts its slots are in.
  llvm::DenseMap<const FunctionDecl *, unsigned> ContextCount;
  /// Per function, in source order: its calls to functions whose body is
  /// in another file, and whether anything here calls it (only while
  /// recording a project's calls).
  struct OutOfUnit {
    const FunctionDecl *F;
    llvm::SmallVector<const CallExpr *, 1> Calls;
    bool CalledHere;
  };
  std::vector<OutOfUnit> OutOfUnitCalls;
  /// Functions this unit takes as values: entry points even when
  /// private, and recorded as called with no lock.
  std::vector<const FunctionDecl *> Taken;
  static constexpr size_t MaxContextsPerFunction = 64;
  static constexpr size_t MaxVariantsPerContext = 8;

  /// The slot of F in context C whose ownership is N's, created if there
  /// is room. A helper called in one context both on an object private to
  /// the caller and on a shared one keeps the two apart: merged, the
  /// shared call's lack of ownership and the private call's lack of locks
  /// would make one access that is neither owned nor locked. Past the
  /// limits, N merges into the context's first slot (ownership ANDed).
  /// Returns the slot's index, or -1 when F has no room for context C.
  int slotFor(const FunctionDecl *FD, unsigned C, const EntryState &N) {
    auto &V = States[FD];
    int First = -1;
    size_t InContext = 0;
    for (size_t K = 0; K < V.size(); ++K) {
      if (V[K].Context != C)
        continue;
      if (First < 0)
        First = static_cast<int>(K);
      ++InContext;
      if (V[K].State.sameOwnership(N))
        return static_cast<int>(K);
    }
    if (First < 0) {
      unsigned &Contexts = ContextCount[FD];
      if (Contexts >= MaxContextsPerFunction)
        return -1;
      ++Contexts;
    } else if (InContext >= MaxVariantsPerContext) {
      return First;
    }
    V.push_back({C, EntryState()});
    return static_cast<int>(V.size() - 1);
  }
  bool has(const FunctionDecl *FD, unsigned C) const {
    auto It = States.find(FD);
    return It != States.end() &&
           llvm::any_of(It->second,
                        [&](const Slot &S) { return S.Context == C; });
  }
  /// What every variant of F in context C owns (the part of their merge
  /// lambdas read of their maker), if F runs there. No lock or thread
  /// sets are copied.
  struct Ownership {
    bool LocalObject = true;
    uint64_t PrivateParams = ~uint64_t(0);
    const FunctionDecl *RunOwner = nullptr;
  };
  std::optional<Ownership> ownershipOf(const FunctionDecl *FD, unsigned C) const {
    auto It = States.find(FD);
    if (It == States.end())
      return std::nullopt;
    std::optional<Ownership> All;
    for (const Slot &S : It->second) {
      if (S.Context != C)
        continue;
      if (!All) {
        All = Ownership{S.State.LocalObject, S.State.PrivateParams,
                        S.State.RunOwner};
        continue;
      }
      All->LocalObject &= S.State.LocalObject;
      All->PrivateParams &= S.State.PrivateParams;
      if (All->RunOwner != S.State.RunOwner)
        All->RunOwner = nullptr;
    }
    return All;
  }
};

TranslationUnitAnalysis::TranslationUnitAnalysis(ASTContext &AST,
                                                 const AnalysisOptions &O)
    : Opts(O), Ctx(std::make_unique<AnalysisContext>(AST, Opts)),
      I(std::make_unique<Impl>()) {}

TranslationUnitAnalysis::~TranslationUnitAnalysis() = default;

void TranslationUnitAnalysis::run() {
  indexAndAnalyse();
  findThreadStarters(); // contexts ask which functions may start threads
  ThreadReachable = threadReachableLocals(
      *Ctx, Order, [this](const FunctionDecl *F) { return mayStartThreads(F); });
  propagateContexts();
  if (!Opts.CallerLocksOut.empty())
    writeCallerLocks();
  buildRecords();
  indexRecords();
}

void TranslationUnitAnalysis::writeCallerLocks() const {
  // Every call this unit makes, in every state its caller runs in.
  CallerLocksWriter W;
  auto Record = [&](const FunctionDecl *F, const std::vector<CallSite> &Calls,
                    llvm::StringSet<> *Recorded) {
    auto It = I->States.find(F);
    if (It == I->States.end())
      return;
    for (const CallSite &CS : Calls) {
      const FunctionDecl *G = CS.Callee;
      if (!G || isa<CXXConstructorDecl>(G) || isa<CXXDestructorDecl>(G))
        continue;
      std::string Key = crossUnitKey(G);
      if (Key.empty())
        continue;
      CallBinding B = bindingOf(CS);
      std::optional<BindingText> Binding;
      for (const Impl::Slot &S : It->second) {
        if (!S.State.Valid)
          continue;
        // Made in an entry point's context (by the entry or a function it
        // calls), the call also runs under the entry's callers' locks:
        // recorded with the entry's key and how the callee sees its
        // objects. Not a call that runs later (posted to a loop).
        const ExecutionContext &EC = Contexts[S.Context];
        std::string Via;
        BindingText ViaBinding;
        if (EC.K == ExecutionContext::Entry && EC.Root && !CS.Deferred &&
            S.State.FromRoot) {
          Via = crossUnitKey(EC.Root);
          if (!Binding)
            Binding = bindingAsText(F, B);
          // The entry point's own call: its binding as it is (composing
          // with the identity would drop members named by their class).
          if (!Via.empty())
            ViaBinding =
                EC.Root->getCanonicalDecl() == F->getCanonicalDecl()
                    ? *Binding
                    : composeBindings(*S.State.FromRoot, *Binding);
        }
        W.addCall(Key,
                  locksAsText(toCallee(heldAtCall(S.State.Held, S.State.Guards,
                                                    CS, Ctx->Locks),
                                         B),
                              G),
                  Via, ViaBinding);
        if (Recorded)
          Recorded->insert(Key);
      }
    }
  };
  for (const FunctionDecl *F : Order)
    if (const FunctionFacts *FF = Ctx->factsOf(F))
      Record(F, FF->Calls, nullptr);
  for (const FunctionDecl *F : I->Taken)
    if (std::string Key = crossUnitKey(F); !Key.empty())
      W.addCall(Key, {});
  // Calls out of the unit: with the locks held where the analysis saw
  // them. Where it did not look (a function that touches no lock or
  // container, one skipped, a call on no path analysed), with none: made
  // from an entry point of this unit, that is the entry's callers' locks,
  // seen through the call's arguments; from elsewhere, no lock. A call left
  // out would let the other files' locks stand for it.
  for (const Impl::OutOfUnit &O : I->OutOfUnitCalls) {
    const FunctionDecl *F = O.F;
    llvm::StringSet<> Recorded;
    if (const FunctionFacts *FF = Ctx->factsOf(F))
      Record(F, FF->OutOfUnitCalls, &Recorded);
    std::string Via = O.CalledHere ? std::string() : crossUnitKey(F);
    PathResolver R(Ctx->Index, F);
    for (const CallExpr *CE : O.Calls) {
      const FunctionDecl *G = CE->getDirectCallee();
      if (!G || isa<CXXConstructorDecl>(G) || isa<CXXDestructorDecl>(G))
        continue;
      std::string Key = crossUnitKey(G);
      if (Key.empty() || Recorded.count(Key))
        continue;
      if (Via.empty()) {
        W.addCall(Key, {});
        continue;
      }
      CallBinding B;
      B.Callee = G;
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
        B.Object = R.resolve(MC->getImplicitObjectArgument());
      else if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(G))
        B.Object = R.resolve(CE->getArg(0));
      bindArguments(B, callArguments(CE), R, Ctx->AST);
      W.addCall(Key, {}, Via, bindingAsText(F, B));
    }
  }
  const SourceManager &SM = Ctx->AST.getSourceManager();
  llvm::StringRef Main;
  if (auto FE = SM.getFileEntryRefForID(SM.getMainFileID()))
    Main = FE->getName();
  std::string Error;
  if (!W.writeInto(Opts.CallerLocksOut, Main, Error))
    llvm::errs() << "maprace: error: " << Error << "\n";
}

void TranslationUnitAnalysis::findThreadStarters() {
  // The spawners, then their callers (canonical declarations throughout).
  CallerMap Callers;
  for (const FunctionDecl *FD : Order)
    if (const FunctionFacts *FF = Ctx->factsOf(FD))
      for (const CallSite &C : FF->Calls)
        if (C.Callee)
          Callers[C.Callee->getCanonicalDecl()].push_back(
              FD->getCanonicalDecl());
  for (const ThreadStartInfo &T : Ctx->ThreadTable)
    if (T.Spawner)
      ThreadStarters.insert(T.Spawner->getCanonicalDecl());
  closeOverCallers(ThreadStarters, Callers);
}

bool TranslationUnitAnalysis::threadStartsDuringRunOf(
    unsigned Tid, const FunctionDecl *Owner) const {
  // A thread a callee starts reaches the caller's locals only through the
  // callee's parameters, which are other paths (a known limit), so the
  // spawner and where the body is written are enough.
  const ThreadStartInfo &T = Ctx->ThreadTable[Tid];
  if (!T.Spawner || !Owner)
    return false;
  return T.Spawner->getCanonicalDecl() == Owner->getCanonicalDecl() ||
         (T.Body && Owner->Encloses(T.Body->getDeclContext()));
}

bool TranslationUnitAnalysis::mayStartThreads(const FunctionDecl *F) const {
  return F && ThreadStarters.count(F->getCanonicalDecl());
}

/// Is parameter PV's bit set in Bits (bit = parameter index, the first 64)?
static bool paramMarked(const ParmVarDecl *PV, uint64_t Bits) {
  unsigned Idx = PV->getFunctionScopeIndex();
  return Idx < 64 && (Bits >> Idx & 1);
}

bool TranslationUnitAnalysis::isPrivatePerCall(const AccessPath &P) const {
  if (P.kind() != RootKind::Var || !P.var())
    return false;
  const VarDecl *V = P.var();
  if (!V->hasLocalStorage())
    return false;
  const auto *Owner =
      dyn_cast_or_null<FunctionDecl>(V->getParentFunctionOrMethod());
  return Owner && (!mayStartThreads(Owner) || keptFromThreads(V));
}

bool TranslationUnitAnalysis::keptFromThreads(const VarDecl *V) const {
  return V->isLocalVarDecl() && !ThreadReachable.count(V);
}

void TranslationUnitAnalysis::indexAndAnalyse() {
  Indexer Idx(*Ctx);
  Idx.TraverseDecl(Ctx->AST.getTranslationUnitDecl());

  // Analyse what touches containers/locks/threads, and everything that
  // calls into it (callers decide locksets and thread contexts).
  // A virtual call may run any override defined here.
  for (const FunctionDecl *F : Idx.Functions) {
    FnInfo &FI = Idx.Info[F];
    for (const CallExpr *CE : FI.VirtualCalls)
      for (const FunctionDecl *T : Ctx->Overriders.targetsOf(CE))
        FI.Edges.push_back(T);
  }
  CallerMap Callers;
  for (const FunctionDecl *F : Idx.Functions)
    for (const FunctionDecl *G : Idx.Info[F].Edges)
      Callers[G].push_back(F);
  for (const FunctionDecl *F : Idx.Functions)
    if (Idx.Info[F].Relevant)
      Ctx->Analysable.insert(F);
  closeOverCallers(Ctx->Analysable, Callers);
  // Accessors called from analysed code, for the objects they return.
  llvm::SmallVector<const FunctionDecl *, 64> Work(Ctx->Analysable.begin(),
                                                   Ctx->Analysable.end());
  while (!Work.empty())
    for (const FunctionDecl *G : Idx.Info[Work.pop_back_val()].Edges)
      if (!Ctx->Analysable.count(G) && isAccessor(G)) {
        Ctx->Analysable.insert(G);
        Work.push_back(G);
      }

  // Callees first: post-order over the call edges.
  llvm::DenseSet<const FunctionDecl *> Visited;
  for (const FunctionDecl *Root : Idx.Functions) {
    if (!Ctx->Analysable.count(Root) || !Visited.insert(Root).second)
      continue;
    std::vector<std::pair<const FunctionDecl *, size_t>> Stack{{Root, 0}};
    while (!Stack.empty()) {
      auto &[F, Next] = Stack.back();
      const auto &Edges = Idx.Info[F].Edges;
      if (Next < Edges.size()) {
        const FunctionDecl *G = Edges[Next++];
        if (Ctx->Analysable.count(G) && Visited.insert(G).second)
          Stack.push_back({G, 0});
        continue;
      }
      Order.push_back(F);
      Stack.pop_back();
    }
  }
  for (const FunctionDecl *F : Order) {
    Ctx->Facts[F] = analyzeFunction(*Ctx, F);
    ++AnalysedCount;
  }
  for (const FunctionDecl *F : Idx.Functions)
    if (!Idx.Info[F].OutOfUnitCalls.empty())
      I->OutOfUnitCalls.push_back(
          {F, std::move(Idx.Info[F].OutOfUnitCalls), Callers.count(F) > 0});
  I->Taken = std::move(Idx.Taken);

  // Thread bodies' parameter accesses, through the thread's arguments.
  for (ThreadStartInfo &T : Ctx->ThreadTable) {
    const FunctionFacts *BF = Ctx->factsOf(T.Body);
    if (!BF || BF->Skipped)
      continue;
    CallBinding B;
    B.Callee = BF->FD;
    B.Object = T.Object;
    B.Args = T.ParamBindings;
    for (const LocalAccess &PA : BF->Summary.ParamAccesses) {
      // The instance's own element races with nothing: no record.
      if (const ParmVarDecl *PV = PA.Path.param())
        if (paramMarked(PV, T.OwnElementParams))
          continue;
      std::optional<AccessPath> P = toCaller(PA.Path, B);
      if (!P)
        continue;
      LocalAccess A = PA;
      A.Path = *P;
      A.CallChain.insert(A.CallChain.begin(), T.Loc);
      A.State.Acquired = toCaller(PA.State.Acquired, B);
      A.State.ReleasedEntry = PathSet();
      T.LiftedAccesses.push_back(std::move(A));
    }
  }
}

static LockSet requiredLocks(const AnalysisContext &Ctx,
                             const FunctionDecl *FD) {
  LockSet L;
  if (!FD->hasAttrs())
    return L;
  PathResolver R(Ctx.Index, FD);
  for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>()) {
    LockMode M = A->isShared() ? LockMode::Shared : LockMode::Exclusive;
    for (const Expr *E : A->args())
      if (std::optional<AccessPath> P = R.resolve(E)) {
        HeldLock H{*P, M, FD->getLocation()};
        H.Required = true;
        L.add(H);
      }
  }
  return L;
}

/// Some access or call in the function holds a lock the function took.
static bool takesLock(const FunctionFacts *FF) {
  if (!FF)
    return false;
  for (const LocalAccess &A : FF->Accesses)
    if (!A.State.Acquired.empty())
      return true;
  for (const CallSite &CS : FF->Calls)
    if (!CS.State.Acquired.empty())
      return true;
  return false;
}

void TranslationUnitAnalysis::propagateContexts() {
  // Which analysed functions are called from analysed code.
  llvm::DenseSet<const FunctionDecl *> Called;
  for (const FunctionDecl *F : Order)
    for (const CallSite &CS : Ctx->Facts[F]->Calls)
      if (CS.Callee && !(CS.Dispatched && CS.Callee->getAccess() == AS_public))
        Called.insert(CS.Callee);
  llvm::DenseSet<const FunctionDecl *> ThreadBodies;
  for (const ThreadStartInfo &T : Ctx->ThreadTable)
    if (T.Body)
      ThreadBodies.insert(T.Body);

  // Contexts: one per thread start, then the roots.
  for (const ThreadStartInfo &T : Ctx->ThreadTable) {
    ExecutionContext C;
    C.K = ExecutionContext::Thread;
    C.Root = T.Body;
    C.ThreadId = T.Id;
    Contexts.push_back(C);
  }
  // Entry points: what nothing here calls. Private members are not (their
  // callers are members defined in another translation unit, in contexts
  // we cannot see), unless their address is taken: handed to a scheduler
  // or kept as a callback, they run whenever and wherever it calls them.
  // Nor are lambdas (they run where they are created).
  llvm::DenseSet<const FunctionDecl *> Taken;
  for (const FunctionDecl *F : I->Taken)
    Taken.insert(F->getCanonicalDecl());
  auto AddRoot = [this, &Taken](const FunctionDecl *F) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(F)) {
      if (MD->getParent()->isLambda())
        return false;
      bool Escapes = Taken.count(MD->getCanonicalDecl());
      if (!Escapes && MD->getCanonicalDecl()->getAccess() == AS_private &&
          !isa<CXXConstructorDecl>(MD) && !isa<CXXDestructorDecl>(MD))
        return false;
      // Nor are protected overrides that take no lock themselves: hooks
      // their base class calls, from members defined elsewhere, under its
      // lock (a virtual call seen here is followed). One that locks for
      // itself is meant to be called concurrently and stays an entry.
      if (!Escapes && MD->getAccess() == AS_protected &&
          MD->size_overridden_methods() && !takesLock(Ctx->factsOf(MD)))
        return false;
    }
    ExecutionContext C;
    C.Root = F;
    if (F->isMain())
      C.K = ExecutionContext::Main;
    else if (isa<CXXConstructorDecl>(F) || isa<CXXDestructorDecl>(F))
      C.K = ExecutionContext::Private;
    else
      C.K = ExecutionContext::Entry;
    Contexts.push_back(C);
    return true;
  };
  for (const FunctionDecl *F : Order)
    if (!Called.count(F) && !ThreadBodies.count(F))
      AddRoot(F);

  // Locals that a thread can reach (captured by reference, passed by
  // reference or pointer). Calls on any other local object touch an object
  // no other thread can see.
  llvm::DenseSet<const VarDecl *> EscapedLocals;
  for (const ThreadStartInfo &T : Ctx->ThreadTable) {
    auto Note = [&](const std::optional<AccessPath> &P) {
      if (P && P->kind() == RootKind::Var)
        EscapedLocals.insert(P->var());
    };
    Note(T.Object);
    for (const auto &P : T.ParamBindings)
      Note(P);
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(T.Body))
      if (MD->getParent()->isLambda())
        for (const LambdaCapture &C : MD->getParent()->captures())
          if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
            if (const auto *VD = dyn_cast<VarDecl>(C.getCapturedVar()))
              EscapedLocals.insert(VD);
  }
  auto IsPrivateObject = [&](const std::optional<AccessPath> &O) {
    if (!O || O->kind() != RootKind::Var || O->param())
      return false;
    const VarDecl *VD = O->var();
    return VD->isLocalVarDecl() && !VD->isStaticLocal() &&
           !EscapedLocals.count(VD);
  };
  // An object (not a reference or pointer to one) local to a function that
  // starts no thread, directly or through callees: every run has its own.
  auto IsLocalObject = [&](const std::optional<AccessPath> &O) {
    if (!IsPrivateObject(O) || !O->steps().empty())
      return false;
    const VarDecl *VD = O->var();
    QualType T = VD->getType();
    if (T->isReferenceType() || T->isPointerType() || !T->isRecordType())
      return false;
    const auto *Owner =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    return Owner && (!mayStartThreads(Owner) || keptFromThreads(VD));
  };

  // A lambda reading a parameter of the function that made it (captured by
  // reference) sees that function's run's object, if the function starts no
  // thread that could run the lambda meanwhile. Decided from the maker's
  // state in the same context, which may still change: every decision is
  // checked once propagation settles, and one proved wrong is withdrawn
  // for good and propagation redone (below).
  struct CaptureUse {
    const FunctionDecl *Maker;
    unsigned Context;
    unsigned Index; ///< a parameter, 64 for `this`, 65 for its run owner
    const FunctionDecl *Owner = nullptr; ///< for 65: the owner seen
  };
  std::vector<CaptureUse> CaptureUses;
  std::set<std::pair<const FunctionDecl *, unsigned>> DeniedCaptures;
  bool CapturesOff = false; // the last resort if rounds run out
  // Are the decisions made in the last propagation still true? Withdraws
  // those that are not.
  auto CapturesHold = [&]() {
    bool Hold = true;
    for (const CaptureUse &U : CaptureUses) {
      std::optional<Impl::Ownership> MS = I->ownershipOf(U.Maker, U.Context);
      bool Holds = MS && (U.Index == 65   ? MS->RunOwner == U.Owner
                          : U.Index == 64 ? MS->LocalObject
                                          : (MS->PrivateParams >> U.Index & 1));
      if (!Holds) {
        DeniedCaptures.insert({U.Maker->getCanonicalDecl(), U.Index});
        Hold = false;
      }
    }
    return Hold;
  };
  auto CapturedParamPrivate = [&](const ParmVarDecl *PV, const FunctionDecl *F,
                                  unsigned C) {
    const auto *MD = dyn_cast<CXXMethodDecl>(F);
    const auto *Maker =
        dyn_cast_or_null<FunctionDecl>(PV->getParentFunctionOrMethod());
    unsigned Idx = PV->getFunctionScopeIndex();
    if (CapturesOff || !MD || !MD->getParent()->isLambda() || !Maker ||
        Idx >= 64 ||
        !Maker->Encloses(MD->getParent()) ||
        mayStartThreads(Maker) ||
        DeniedCaptures.count({Maker->getCanonicalDecl(), Idx}))
      return false;
    if (!Maker->isThisDeclarationADefinition() && Maker->getDefinition())
      Maker = Maker->getDefinition();
    std::optional<Impl::Ownership> MS = I->ownershipOf(Maker, C);
    if (!MS || !(MS->PrivateParams >> Idx & 1))
      return false;
    CaptureUses.push_back({Maker, C, Idx});
    return true;
  };
  // The member function that made lambda G, whose `this` the lambda
  // captured; null if G is no lambda of a non-static member function, or
  // the decision `Index` about that maker was withdrawn.
  auto LambdaMaker = [&](const FunctionDecl *G,
                         unsigned Index) -> const CXXMethodDecl * {
    const auto *MD = dyn_cast<CXXMethodDecl>(G);
    if (CapturesOff || !MD || !MD->getParent()->isLambda())
      return nullptr;
    const auto *Maker =
        dyn_cast_or_null<CXXMethodDecl>(MD->getParent()->getDeclContext());
    if (!Maker || Maker->isStatic() ||
        DeniedCaptures.count({Maker->getCanonicalDecl(), Index}))
      return nullptr;
    return Maker;
  };
  // A lambda's `this` is the object of the member function that made it:
  // private in the lambda if private in that run (same context, checked).
  auto CapturedThisPrivate = [&](const FunctionDecl *G, unsigned C) {
    const CXXMethodDecl *Maker = LambdaMaker(G, 64u);
    std::optional<Impl::Ownership> MS =
        Maker ? I->ownershipOf(Maker, C) : std::nullopt;
    if (!MS || !MS->LocalObject)
      return false;
    CaptureUses.push_back({Maker, C, 64u});
    return true;
  };
  // Likewise a local object of the maker's run, if the maker's is.
  auto CapturedThisRunOwner = [&](const FunctionDecl *G,
                                  unsigned C) -> const FunctionDecl * {
    const CXXMethodDecl *Maker = LambdaMaker(G, 65u);
    std::optional<Impl::Ownership> MS =
        Maker ? I->ownershipOf(Maker, C) : std::nullopt;
    if (!MS || !MS->RunOwner)
      return nullptr;
    CaptureUses.push_back({Maker, C, 65u, MS->RunOwner});
    return MS->RunOwner;
  };
  // An object private to the run of function F in context E: a local
  // object as above, a parameter bound to one by every caller, or the
  // object of a member function running on a local object; and members
  // of such an object held by value (not through a pointer or reference).
  auto IsPrivateInRun = [&](const std::optional<AccessPath> &O,
                            const FunctionDecl *F, unsigned C,
                            const EntryState &E) {
    // (A member pointing into its own object leads nowhere else.)
    if (!O || stepsThroughIndirection(*O, /*SmartPointers=*/true,
                                      &Ctx->Index.Interior))
      return false;
    if (O->kind() == RootKind::This)
      return E.LocalObject;
    if (O->kind() != RootKind::Var)
      return false;
    if (const ParmVarDecl *PV = O->param())
      return isDeclaredWithin(PV, F) ? paramMarked(PV, E.PrivateParams)
                                     : CapturedParamPrivate(PV, F, C);
    return IsLocalObject(AccessPath::var(O->var()));
  };

  std::vector<LockSet> Required(Order.size());
  llvm::DenseMap<const FunctionDecl *, size_t> OrderIndex;
  for (size_t K = 0; K < Order.size(); ++K) {
    OrderIndex[Order[K]] = K;
    Required[K] = requiredLocks(*Ctx, Order[K]);
  }

  // Recording a project's calls: a call made in an entry point's context
  // is recorded with how its callee sees the entry's objects.
  const bool Recording = !Opts.CallerLocksOut.empty();
  // Locks the conventions say an entry point's callers hold.
  llvm::DenseMap<const FunctionDecl *, LockSet> InferredEntry;
  // And the locks held at every call other files make (a project run's
  // second pass).
  const CallerLocksSummary *ProjectCalls = nullptr;
  if (!Opts.CallerLocks.empty()) {
    std::string Error; // reported when the options were read
    ProjectCalls = CallerLocksSummary::cached(Opts.CallerLocks, Error);
  }
  ClassIndex Classes(Ctx->AST);
  auto FindClass = [&Classes](llvm::StringRef QN) { return Classes.find(QN); };
  auto EntryLocks = [&](const FunctionDecl *F) {
    LockSet L = inferEntryLocks(*Ctx, F);
    if (ProjectCalls)
      if (auto Locks = ProjectCalls->locksAtCallsOf(F))
        for (const auto &[Text, Mode] : *Locks)
          if (std::optional<AccessPath> P = lockFromText(Text, F, FindClass))
            if (!L.contains(*P))
              L.add({*P, Mode, F->getLocation(), /*Asserted=*/true});
    return L;
  };
  for (const ExecutionContext &EC : Contexts)
    if (EC.K == ExecutionContext::Entry && EC.Root)
      InferredEntry[EC.Root] = EntryLocks(EC.Root);

  std::vector<ThreadSet> ThreadLive(Ctx->ThreadTable.size());
  std::vector<bool> ThreadApi(Ctx->ThreadTable.size(), false);
  std::vector<ThreadSet> Ambient(Contexts.size());

  // Cold: from no state at all. Warm: from the last round's states, which
  // the new seeds can only grow (more live threads, new roots), so only
  // what they change is propagated again.
  auto Propagate = [&](bool Cold) {
    if (Cold) {
      I->States.clear();
      I->ContextCount.clear();
    }
    // (function, index of its slot)
    std::vector<std::pair<const FunctionDecl *, int>> Work;
    for (unsigned C = 0; C < Contexts.size(); ++C) {
      const ExecutionContext &EC = Contexts[C];
      if (!EC.Root || !Ctx->factsOf(EC.Root))
        continue;
      EntryState S;
      S.Valid = true;
      switch (EC.K) {
      case ExecutionContext::Thread: {
        S.Live = ThreadLive[EC.ThreadId];
        S.Api = ThreadApi[EC.ThreadId];
        // Each instance's own element of the loop that starts it.
        const ThreadStartInfo &T = Ctx->ThreadTable[EC.ThreadId];
        S.PrivateParams = T.OwnElementParams;
        S.LocalObject = T.OwnElementObject;
        break;
      }
      case ExecutionContext::Main:
        break;
      case ExecutionContext::Entry:
        S.Live = Ambient[C];
        S.Api = true;
        S.Held = InferredEntry[EC.Root];
        if (Recording)
          S.FromRoot = identityBinding(EC.Root);
        break;
      case ExecutionContext::Private:
        S.Private = true;
        S.Constructing = isa<CXXConstructorDecl>(EC.Root);
        break;
      }
      int K = I->slotFor(EC.Root, C, S);
      if (K >= 0 && (I->States[EC.Root][K].State.merge(S) || Cold))
        Work.push_back({EC.Root, K});
    }
    size_t Steps = 0;
    while (!Work.empty() && Steps++ < 2000000) {
      auto [F, K] = Work.back();
      Work.pop_back();
      const FunctionFacts *FF = Ctx->factsOf(F);
      if (!FF)
        continue;
      const Impl::Slot &Here = I->States[F][K];
      unsigned C = Here.Context;
      EntryState E = Here.State;
      for (const CallSite &CS : FF->Calls) {
        const FunctionDecl *G = CS.Callee;
        if (!G || !Ctx->factsOf(G))
          continue;
        CallBinding B = bindingOf(CS);
        EntryState N;
        N.Valid = true;
        N.Held = toCallee(heldAtCall(E.Held, E.Guards, CS, Ctx->Locks), B);
        N.Guards = bindGuards(CS.Guards, E.Guards, B, Ctx->Locks);
        // The caller's live threads, with those running at the call and
        // without those joined by then (most calls change nothing).
        const ThreadSet *NLive = &E.Live;
        ThreadSet CallLive;
        if (!CS.State.Live.empty() || !CS.State.Joined.empty()) {
          CallLive = E.Live;
          CallLive.unite(CS.State.Live);
          CallLive.removeIf([&](unsigned T) {
            return Ctx->ThreadTable[T].joinedBy(CS.State.Joined);
          });
          NLive = &CallLive;
        }
        N.Private = isa<CXXConstructorDecl>(G) || isa<CXXDestructorDecl>(G) ||
                    (E.Private && CS.OnThisObject) ||
                    IsPrivateObject(CS.Object);
        N.Constructing = isa<CXXConstructorDecl>(G) ||
                         (E.Constructing && CS.OnThisObject);
        N.LocalObject = (E.LocalObject && CS.OnThisObject) ||
                        IsLocalObject(CS.Object) ||
                        IsPrivateInRun(CS.Object, F, C, E);
        N.RunOwner = CS.OnThisObject ? E.RunOwner
                     : CS.Object        ? runLocalOwner(*CS.Object)
                                        : nullptr;
        if (const auto *LM = dyn_cast<CXXMethodDecl>(G))
          if (LM->getParent()->isLambda()) {
            N.LocalObject = CapturedThisPrivate(G, C);
            N.RunOwner = CapturedThisRunOwner(G, C);
          }
        // A null pointer binds no object: nothing to share.
        N.PrivateParams |= CS.NullArgs;
        for (size_t A = 0; A < CS.Args.size() && A < 64; ++A)
          if (IsPrivateInRun(CS.Args[A], F, C, E))
            N.PrivateParams |= uint64_t(1) << A;
        // The spawner's own share of its threads' work.
        N.LocalObject |= CS.KeptElementObject;
        N.PrivateParams |= CS.KeptElementArgs;
        // A lambda kept in a std::function: its caller, not seen, hands
        // each call its own objects.
        if (CS.ArgsPerCall)
          for (unsigned A = 0; A < G->getNumParams() && A < 64; ++A) {
            QualType PT = G->getParamDecl(A)->getType();
            if (PT->isReferenceType() || PT->isPointerType())
              N.PrivateParams |= uint64_t(1) << A;
          }
        // A lambda posted to an event loop runs later: the object may be
        // shared by then, whatever it was when posted.
        if (CS.Deferred) {
          N.Private = N.Constructing = N.LocalObject = false;
          N.PrivateParams = 0;
          N.RunOwner = nullptr;
        }
        if (E.FromRoot && !CS.Deferred)
          N.FromRoot = composeBindings(*E.FromRoot, bindingAsText(F, B));
        N.Api = E.Api;
        N.ViaCall = CS.Loc;
        int GK = I->slotFor(G, C, N);
        if (GK >= 0 && I->States[G][GK].State.merge(N, *NLive))
          Work.push_back({G, GK});
      }
    }
  };

  llvm::DenseSet<const FunctionDecl *> Tried;
  // Rounds until the threads' live sets settle. A round after one that
  // only grew the seeds starts warm; a withdrawn capture decision, or a
  // seed that shrank, makes states smaller, which needs a cold start.
  bool Cold = true;
  for (int Round = 0; Round < 8; ++Round) {
    if (Cold)
      CaptureUses.clear();
    Propagate(Cold);
    bool Changed = !CapturesHold();
    Cold = Changed;
    // Threads run alongside whatever was running where they started.
    for (ThreadStartInfo &T : Ctx->ThreadTable) {
      ThreadSet L = T.LiveAtStartLocal;
      bool Api = false;
      auto It = I->States.find(T.Spawner);
      if (It != I->States.end())
        for (auto &[C, S] : It->second) {
          L.unite(S.Live);
          Api |= S.Api;
        }
      if (T.InLoop)
        L.add(T.Id);
      if (!L.sameAs(ThreadLive[T.Id]) || Api != ThreadApi[T.Id]) {
        if (!L.includes(ThreadLive[T.Id]) || (ThreadApi[T.Id] && !Api))
          Cold = true;
        ThreadLive[T.Id] = L;
        ThreadApi[T.Id] = Api;
        Changed = true;
      }
    }
    // An API entry may run while any thread that escaped elsewhere runs.
    for (unsigned C = 0; C < Contexts.size(); ++C) {
      if (Contexts[C].K != ExecutionContext::Entry)
        continue;
      ThreadSet A;
      for (const ThreadStartInfo &T : Ctx->ThreadTable) {
        if (!T.Escapes || !T.Spawner)
          continue;
        if (I->has(T.Spawner, C))
          continue; // started by this entry's own call tree
        A.add(T.Id);
      }
      if (!A.sameAs(Ambient[C])) {
        if (!A.includes(Ambient[C]))
          Cold = true;
        Ambient[C] = A;
        Changed = true;
      }
    }
    // Code reachable from no root (mutual recursion): its own entry.
    for (const FunctionDecl *F : Order) {
      auto It = I->States.find(F);
      if ((It == I->States.end() || It->second.empty()) &&
          !ThreadBodies.count(F) && !Tried.count(F) && AddRoot(F)) {
        Tried.insert(F);
        Ambient.emplace_back();
        InferredEntry[F] = EntryLocks(F);
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  // Out of rounds with a capture decision still wrong: none at all.
  if (!CapturesHold()) {
    CapturesOff = true;
    CaptureUses.clear();
    Propagate(/*Cold=*/true);
  }

  // Remember the required locks for buildRecords.
  for (size_t K = 0; K < Order.size(); ++K)
    if (!Required[K].empty()) {
      auto It = I->States.find(Order[K]);
      if (It != I->States.end())
        for (auto &[C, S] : It->second)
          for (const HeldLock &H : Required[K])
            S.Held.add(H);
    }
  // Thread contexts' live sets, for the lifted accesses.
  ThreadLiveAtStart = std::move(ThreadLive);
  ThreadApiAtStart = std::move(ThreadApi);
}

void TranslationUnitAnalysis::buildRecords() {
  // Records are deduplicated on everything the detector reads. Live sets
  // are pooled, so equal sets are one pointer: hashing one is O(1), and an
  // access whose function runs in many contexts (a helper reached from a
  // hundred thread starts) does not copy a set of a hundred ids each time.
  llvm::DenseSet<size_t> Seen;
  auto Add = [&](AccessRecord R) {
    // Once flags order, they guard nothing: kept apart (OnceModel.h). A
    // guard no call bound (a thread body's, lifted) names no mutex.
    llvm::SmallVector<AccessPath, 1> Apart;
    for (const HeldLock &L : R.Held)
      if (isOnceFlag(L.Path)) {
        R.Ordered.add(L);
        Apart.push_back(L.Path);
      } else if (isGuardStandIn(L.Path, Ctx->Locks)) {
        Apart.push_back(L.Path);
      }
    for (const AccessPath &P : Apart) {
      R.Held.remove(P);
      R.EntryHeld.remove(P);
    }
    size_t H = llvm::hash_combine(R.Access, R.Thread ? *R.Thread + 1 : 0,
                                  R.Api, R.ObjectPrivate, R.UnderConstruction,
                                  R.LocalObject, R.RunOwner, R.Live);
    for (const LockSet *Set : {&R.Held, &R.Ordered})
      for (const HeldLock &L : *Set)
        H = llvm::hash_combine(H, L.Path.hash(), static_cast<int>(L.Mode));
    if (!Seen.insert(H).second)
      return;
    Records.push_back(std::move(R));
  };
  for (const FunctionDecl *F : Order) {
    const FunctionFacts *FF = Ctx->factsOf(F);
    auto It = I->States.find(F);
    if (!FF || FF->Skipped || It == I->States.end())
      continue;
    for (const auto &[C, E] : It->second) {
      const ThreadSet *EntryLive = LiveSets.intern(E.Live);
      for (const LocalAccess &A : FF->Accesses) {
        // A local of a function that starts no thread races with nothing:
        // no record (most accesses in test code are such locals).
        if (isPrivatePerCall(A.Path))
          continue;
        // Nor does one through a parameter every call in this context
        // binds to its own run's object (or, for a lambda kept in a
        // std::function, to what its caller hands each call).
        if (const ParmVarDecl *PV = A.Path.param())
          if (paramMarked(PV, E.PrivateParams) && isDeclaredWithin(PV, F) &&
              !stepsThroughIndirection(A.Path, /*SmartPointers=*/true,
                                       &Ctx->Index.Interior))
            continue;
        AccessRecord R;
        R.Access = &A;
        R.Function = F;
        R.Context = C;
        R.Held = heldWithGuards(E.Held, E.Guards, A.State, Ctx->Locks);
        R.Live = EntryLive;
        bool OwnLive = !A.State.Live.empty() || !A.JoinsAhead.empty() ||
                       !A.State.Joined.empty();
        if (OwnLive) {
          ThreadSet L = E.Live;
          L.unite(A.State.Live);
          L.removeIf([&](unsigned T) {
            return Ctx->ThreadTable[T].joinedBy(A.State.Joined);
          });
          // A thread that escaped its spawner and is joined only after this
          // access (a destructor that clears, then joins) is still running.
          if (!A.JoinsAhead.empty())
            for (const ThreadStartInfo &T : Ctx->ThreadTable)
              if (T.Escapes && T.Spawner != F && T.joinedBy(A.JoinsAhead))
                L.add(T.Id);
          R.Live = LiveSets.intern(std::move(L));
        }
        if (Contexts[C].K == ExecutionContext::Thread)
          R.Thread = Contexts[C].ThreadId;
        R.ObjectPrivate = E.Private && A.Path.kind() == RootKind::This;
        R.UnderConstruction =
            E.Constructing && A.Path.kind() == RootKind::This;
        R.LocalObject = E.LocalObject && A.Path.kind() == RootKind::This;
        if (A.Path.kind() == RootKind::This)
          R.RunOwner = E.RunOwner;
        R.Api = E.Api && !R.ObjectPrivate;
        R.ViaCall = E.ViaCall;
        R.EntryHeld = E.Held;
        Add(std::move(R));
      }
    }
  }
  for (const ThreadStartInfo &T : Ctx->ThreadTable) {
    for (const LocalAccess &A : T.LiftedAccesses) {
      AccessRecord R;
      R.Access = &A;
      R.Function = T.Spawner;
      R.Context = T.Id; // thread contexts come first
      R.Held = A.State.Acquired;
      ThreadSet L = ThreadLiveAtStart[T.Id];
      L.unite(A.State.Live);
      R.Live = LiveSets.intern(std::move(L));
      R.Thread = T.Id;
      R.Api = ThreadApiAtStart[T.Id];
      Add(std::move(R));
    }
  }
}

std::vector<const FunctionFacts *>
TranslationUnitAnalysis::skippedFunctions() const {
  std::vector<const FunctionFacts *> Out;
  for (const FunctionDecl *F : Order)
    if (const FunctionFacts *FF = Ctx->factsOf(F))
      if (FF->Skipped)
        Out.push_back(FF);
  return Out;
}

} // namespace maprace

namespace maprace {

void TranslationUnitAnalysis::indexRecords() {
  for (const AccessRecord &R : Records) {
    auto [It, New] = ByPath.try_emplace(R.Access->Path);
    if (New)
      Containers.push_back(R.Access->Path);
    It->second.push_back(&R);
    ByAccess[R.Access].push_back(&R);
  }
  // Pairwise comparison is quadratic in a container's records, and records
  // multiply with contexts (a helper reached from a hundred thread starts).
  // Over the budget, keep the first K contexts of each access, the largest K
  // that fits: every access is still compared, in fewer contexts.
  uint64_t Budget = Ctx->Opts.MaxAccessPairs;
  auto PairsOf = [](uint64_t N) { return N * (N + 1) / 2; };
  for (const AccessPath &P : Containers) {
    const std::vector<const AccessRecord *> &G = ByPath[P];
    if (!Budget || PairsOf(G.size()) <= Budget)
      continue;
    std::vector<const AccessRecord *> Kept;
    for (unsigned K = 64; K >= 1; K /= 2) {
      Kept.clear();
      llvm::DenseMap<const LocalAccess *, unsigned> Seen;
      for (const AccessRecord *R : G)
        if (++Seen[R->Access] <= K)
          Kept.push_back(R);
      if (PairsOf(Kept.size()) <= Budget || K == 1)
        break;
    }
    Thinned.push_back({P, G.front(), Kept.size(), G.size()});
    ComparedByPath[P] = std::move(Kept);
  }
}

llvm::ArrayRef<const AccessRecord *>
TranslationUnitAnalysis::comparedRecordsOf(const AccessPath &P) const {
  auto It = ComparedByPath.find(P);
  if (It != ComparedByPath.end())
    return It->second;
  return recordsOf(P);
}

llvm::ArrayRef<const AccessRecord *>
TranslationUnitAnalysis::recordsOf(const AccessPath &P) const {
  auto It = ByPath.find(P);
  if (It == ByPath.end())
    return {};
  return It->second;
}

llvm::ArrayRef<const AccessRecord *>
TranslationUnitAnalysis::recordsOf(const LocalAccess *X) const {
  auto It = ByAccess.find(X);
  if (It == ByAccess.end())
    return {};
  return It->second;
}

} // namespace maprace
