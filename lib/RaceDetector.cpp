#include "RaceDetector.h"
#include "ThreadModel.h"
#include "CallBinding.h"
#include "EventLoopModel.h"
#include "FixIts.h"
#include "LoopModel.h"
#include "NameUtil.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

using namespace clang;

namespace maprace {

namespace {

bool isWrite(const AccessRecord &R) {
  return R.Access->Kind == AccessKind::Write;
}

/// A lock both hold, exclusively on at least one side, keeps them apart.
/// (Once flags held, AccessRecord::Ordered, exclude the same way.)
bool excludeEachOther(const AccessRecord &X, const AccessRecord &Y) {
  auto Exclude = [](const LockSet &A, const LockSet &B) {
    for (const HeldLock &L : A)
      if (const HeldLock *M = B.find(L.Path))
        if (L.Mode == LockMode::Exclusive || M->Mode == LockMode::Exclusive)
          return true;
    return false;
  };
  return Exclude(X.Held, Y.Held) || Exclude(X.Ordered, Y.Ordered);
}

bool shareALock(const AccessRecord &X, const AccessRecord &Y) {
  for (const HeldLock &L : X.Held)
    if (Y.Held.contains(L.Path))
      return true;
  return false;
}

/// How a finding names its locks: by their path, and with their class
/// where two different locks in it would read the same ("holding 'mutex_'
/// but not 'mutex_'", one lock of the file system, one of a file).
class LockNames {
public:
  LockNames() = default;
  LockNames(std::initializer_list<const LockSet *> Sets,
            const std::optional<AccessPath> &Guard = std::nullopt) {
    for (const LockSet *L : Sets)
      for (const HeldLock &H : *L)
        Paths.push_back(H.Path);
    if (Guard)
      Paths.push_back(*Guard);
  }
  std::string operator()(const AccessPath &P) const {
    std::string D = P.display();
    for (const AccessPath &Q : Paths)
      if (Q != P && Q.display() == D)
        return P.qualifiedDisplay();
    return D;
  }

private:
  std::vector<AccessPath> Paths;
};

std::string lockList(const LockSet &L, const char *Conj,
                     const LockNames &Name = LockNames()) {
  std::vector<std::string> Names;
  for (const HeldLock &H : L)
    Names.push_back("'" + Name(H.Path) + "'");
  std::sort(Names.begin(), Names.end());
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  std::string S;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I)
      S += I + 1 == Names.size() ? std::string(" ") + Conj + " " : ", ";
    S += Names[I];
  }
  return S;
}

/// "Cache::Put", or "a lambda in 'main'".
std::string whereName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda()) {
      for (const DeclContext *DC = MD->getParent()->getDeclContext(); DC;
           DC = DC->getParent())
        if (const auto *Outer = dyn_cast<FunctionDecl>(DC))
          if (!(isa<CXXMethodDecl>(Outer) &&
                cast<CXXMethodDecl>(Outer)->getParent()->isLambda()))
            return "a lambda in '" + functionDisplayName(Outer) + "'";
      return "a lambda";
    }
  return "'" + functionDisplayName(FD) + "'";
}

/// "'mu_' (shared) and 'b_'": locks with their mode when shared.
std::string lockListWithModes(const LockSet &L,
                              const LockNames &Name = LockNames()) {
  std::vector<std::string> Names;
  for (const HeldLock &H : L)
    Names.push_back("'" + Name(H.Path) + "'" +
                    (H.Mode == LockMode::Shared ? " (shared)" : ""));
  std::sort(Names.begin(), Names.end());
  std::string S;
  for (size_t I = 0; I < Names.size(); ++I) {
    if (I)
      S += I + 1 == Names.size() ? " and " : ", ";
    S += Names[I];
  }
  return S;
}

std::string kindWithDetail(const LocalAccess &A) {
  std::string S = accessKindName(A.Kind);
  if (!A.Detail.empty())
    S += " (" + A.Detail + ")";
  return S;
}

/// Declared type of the container, as the user wrote it; through pointers
/// and smart pointers to what they point at; member typedefs of library
/// templates (`value_type`) spelled out.
std::string containerType(const LocalAccess &A, const ASTContext &AST) {
  PrintingPolicy PP = AST.getPrintingPolicy();
  PP.SuppressTagKeyword = true;
  QualType T;
  llvm::ArrayRef<const ValueDecl *> Steps = A.Path.steps();
  if (Steps.empty() || Steps.back() != nullptr)
    if (const auto *VD = dyn_cast_or_null<ValueDecl>(A.Path.leafDecl()))
      // The part an accessor picks (`part_.Keys()`): what it returns.
      T = isa<FunctionDecl>(VD) ? cast<FunctionDecl>(VD)->getReturnType()
                                : VD->getType();
  if (T.isNull())
    T = A.ContainerType;
  if (T.isNull())
    return "container";
  for (int Guard = 0; Guard < 4; ++Guard) {
    T = T.getNonReferenceType();
    if (T->isPointerType()) {
      T = T->getPointeeType();
      continue;
    }
    const auto *Spec =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOf(T));
    if (Spec && isInStd(Spec) && Spec->getIdentifier() &&
        (Spec->getName() == "unique_ptr" || Spec->getName() == "shared_ptr") &&
        Spec->getTemplateArgs().size() >= 1) {
      T = Spec->getTemplateArgs()[0].getAsType();
      continue;
    }
    break;
  }
  // `value_type`, `reference`: a library's member typedef says nothing.
  if (const auto *TT = T->getAs<TypedefType>())
    if (isa<CXXRecordDecl>(TT->getDecl()->getDeclContext()) &&
        isInSystemHeader(TT->getDecl()))
      return T.getCanonicalType().getUnqualifiedType().getAsString(PP);
  return T.getUnqualifiedType().getAsString(PP);
}

/// One class, or one derived from the other.
bool sameClassTree(const CXXRecordDecl *C, const CXXRecordDecl *L) {
  C = C->getCanonicalDecl();
  L = L->getCanonicalDecl();
  if (C == L)
    return true;
  return C->hasDefinition() && L->hasDefinition() &&
         (C->isDerivedFrom(L) || L->isDerivedFrom(C));
}

const CXXRecordDecl *ownerClass(const AccessPath &P) {
  if (P.kind() != RootKind::This)
    return nullptr;
  for (const ValueDecl *S : P.steps())
    if (const auto *F = dyn_cast_or_null<FieldDecl>(S))
      return dyn_cast<CXXRecordDecl>(F->getParent());
  return nullptr;
}

} // namespace

/// Does the lock belong to the container's own synchronisation: a global
/// lock, or a mutex member of the class (or a base) that owns the member
/// container? A lock only the caller's object has (`db->mutex_` held
/// around `edit.NumEntries()`), or one the class borrows and expects its
/// callers to hold (CallersLocks.h), says the object is synchronised from
/// outside, which entry points cannot be judged against.
bool RaceDetector::isOwnLock(const AccessPath &Container,
                             const AccessPath &Lock) const {
  if (isLoopThreadRole(Lock))
    return false; // driven by one thread, not meant to be shared
  if (Lock.kind() == RootKind::Global)
    return true;
  if (Container.kind() == RootKind::Global)
    return Lock.kind() == RootKind::This && !Borrowed.contains(Lock);
  const CXXRecordDecl *C = ownerClass(Container);
  const CXXRecordDecl *L = ownerClass(Lock);
  if (!C || !L || Lock.kind() != RootKind::This || Borrowed.contains(Lock))
    return false;
  return sameClassTree(C, L);
}

bool RaceDetector::holdsOwnLock(const AccessRecord &R) const {
  for (const HeldLock &H : R.Held)
    if (isOwnLock(R.Access->Path, H.Path))
      return true;
  return false;
}

/// The container is a member of a class that locks a mutex of its own
/// somewhere (the "meant to be used concurrently").
bool RaceDetector::ownerLocks(const AccessPath &P) const {
  const CXXRecordDecl *C = ownerClass(P);
  if (!C)
    return false;
  if (LockingClassSet.count(C->getCanonicalDecl()))
    return true;
  for (const CXXRecordDecl *L : LockingClasses)
    if (sameClassTree(C, L))
      return true;
  return false;
}

bool RaceDetector::isApiShared(const AccessPath &P,
                               llvm::ArrayRef<const AccessRecord *> Group) const {
  if (P.kind() == RootKind::Var)
    return false; // locals and parameters: every call has its own
  if (const auto *Leaf = dyn_cast_or_null<ValueDecl>(P.leafDecl()))
    if (LockModel::guardedBy(Leaf))
      return true;
  if (ownerLocks(P))
    return true;
  // Some access guards it with a lock: it is meant to be shared. (Not an
  // access to an object under construction or private to one function.)
  for (const AccessRecord *R : Group)
    if (!R->ObjectPrivate && holdsOwnLock(*R))
      return true;
  return false;
}


/// A thread kept in a member handle (`worker_ = std::thread(...)`) runs
/// once per object: restarting it while it runs would terminate.
static bool runsOncePerObject(const ThreadStartInfo &T) {
  if (T.InLoop || !T.Group || T.Group->kind() != RootKind::This ||
      T.Group->steps().empty())
    return false;
  const auto *Handle = dyn_cast_or_null<ValueDecl>(T.Group->leafDecl());
  return Handle && (ThreadModel::isThreadType(Handle->getType()) ||
                    ThreadModel::isThreadPointerType(Handle->getType()));
}

RaceDetector::RaceDetector(const TranslationUnitAnalysis &A)
    : A(A), Borrowed(A) {
  for (const ThreadStartInfo &T : A.context().ThreadTable)
    OncePerObject.push_back(runsOncePerObject(T));
  // A class locking only mutexes it borrows from its callers is not meant
  // to be shared for that.
  for (const auto &[C, Locked] : A.context().LockedMutexes)
    if (llvm::any_of(Locked, [&](const AccessPath &P) {
          return !Borrowed.contains(P);
        }))
      if (LockingClassSet.insert(C).second)
        LockingClasses.push_back(C);
}

// Accesses to automatic variables private to each run of their function
// have no records (TranslationUnitAnalysis::isPrivatePerCall), so need no
// check here or in forEachRacingPair.
RaceDetector::Concurrency
RaceDetector::mayRunConcurrently(const AccessRecord &X, const AccessRecord &Y,
                                 bool ApiShared) const {
  if (X.LocalObject || Y.LocalObject)
    return Concurrency::No;
  // An object under construction is reachable only from threads its own
  // constructor starts (handing them `this`), not from threads the
  // constructor of some other object starts (a fixture building a server's
  // routes, then starting the server's thread).
  auto StartedByConstructorOf = [&](const AccessRecord &O,
                                    const AccessRecord &Built) {
    if (!O.Thread)
      return false;
    const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(
        A.context().ThreadTable[*O.Thread].Spawner);
    if (!Ctor)
      return false;
    const auto *K = dyn_cast_or_null<CXXRecordDecl>(Built.Access->Path.root());
    return !K || sameClassTree(Ctor->getParent(), K);
  };
  if ((X.UnderConstruction && !StartedByConstructorOf(Y, X)) ||
      (Y.UnderConstruction && !StartedByConstructorOf(X, Y)))
    return Concurrency::No;
  const auto &Threads = A.context().ThreadTable;
  // A local handed to threads is still its run's own: two accesses to it
  // meet only inside one run, where one of them runs on a thread that run
  // started, live at the other (or both on such threads). So are the
  // members of a local object its member functions touch.
  const FunctionDecl *Owner = runLocalOwner(X.Access->Path);
  if (!Owner && X.RunOwner && X.RunOwner == Y.RunOwner)
    Owner = X.RunOwner;
  if (Owner) {
    bool XIn = X.Thread && A.threadStartsDuringRunOf(*X.Thread, Owner);
    bool YIn = Y.Thread && A.threadStartsDuringRunOf(*Y.Thread, Owner);
    if (!XIn && !YIn)
      return Concurrency::No;
    // One start, not in a loop: once per run, so two of its instances
    // belong to two runs and two locals.
    if (XIn && YIn && *X.Thread == *Y.Thread &&
        !A.context().ThreadTable[*X.Thread].InLoop)
      return Concurrency::No;
    if (XIn != YIn) {
      const AccessRecord &On = XIn ? X : Y, &Other = XIn ? Y : X;
      return Other.Live->contains(*On.Thread) ? Concurrency::ByThread
                                              : Concurrency::No;
    }
  }
  auto OnThreadSeenBy = [&](const AccessRecord &On, const AccessRecord &Other) {
    if (!On.Thread || !Other.Live->contains(*On.Thread))
      return false;
    // Two instances of one thread body each have their own locals.
    if (Other.Thread && *Other.Thread == *On.Thread &&
        On.Access->Path.kind() == RootKind::Var) {
      const ThreadStartInfo &T = Threads[*On.Thread];
      if (T.Body && isDeclaredWithin(On.Access->Path.var(), T.Body))
        return false;
    }
    return true;
  };
  if (OnThreadSeenBy(X, Y) || OnThreadSeenBy(Y, X))
    return Concurrency::ByThread;
  // A thread and the function that started it: their ordering (start,
  // join) is exactly known, whatever other calls of that function do.
  auto SpawnedBy = [&](const AccessRecord &T, const AccessRecord &F) {
    return T.Thread && Threads[*T.Thread].Spawner == F.Function;
  };
  if (SpawnedBy(X, Y) || SpawnedBy(Y, X))
    return Concurrency::No;
  // Two accesses on a thread kept in a member handle are one thread's, in
  // order.
  if (X.Thread && Y.Thread && *X.Thread == *Y.Thread &&
      OncePerObject[*X.Thread])
    return Concurrency::No;
  if (ApiShared && X.Api && Y.Api)
    return Concurrency::ByApi;
  return Concurrency::No;
}

void RaceDetector::forEachRacingPair(
    llvm::function_ref<void(const RacePair &)> Visit) const {
  const SourceManager &SM = A.context().AST.getSourceManager();
  auto Later = [&SM](SourceLocation X, SourceLocation Y) {
    return SM.isBeforeInTranslationUnit(Y, X);
  };
  // By container, in record order (deterministic).
  for (const AccessPath &K : A.accessedContainers()) {
    llvm::ArrayRef<const AccessRecord *> G = A.comparedRecordsOf(K);
    bool AnyWrite = false;
    for (const AccessRecord *R : G)
      AnyWrite |= isWrite(*R);
    if (!AnyWrite)
      continue;
    bool ApiShared = isApiShared(K, G);
    // The lock most accesses hold: the container's presumed guard.
    std::optional<AccessPath> Guard;
    {
      std::vector<std::pair<AccessPath, std::set<unsigned>>> Counts;
      for (const AccessRecord *R : G)
        for (const HeldLock &L : R->Held) {
          auto It = std::find_if(Counts.begin(), Counts.end(),
                                 [&](const auto &C) { return C.first == L.Path; });
          if (It == Counts.end()) {
            Counts.push_back({L.Path, {}});
            It = Counts.end() - 1;
          }
          It->second.insert(R->Access->Loc.getRawEncoding());
        }
      // A clear majority only: on a tie no lock is "the" guard.
      size_t Best = 0, Second = 0;
      for (const auto &[P, Locs] : Counts) {
        if (Locs.size() > Best) {
          Second = Best;
          Best = Locs.size();
          Guard = P;
        } else if (Locs.size() > Second) {
          Second = Locs.size();
        }
      }
      if (Best == Second)
        Guard.reset();
    }
    // Two reads never race: a read is paired with the writes only (after
    // it, as in the full triangle, so the order of the pairs is unchanged).
    std::vector<size_t> Writes;
    for (size_t I = 0; I < G.size(); ++I)
      if (isWrite(*G[I]))
        Writes.push_back(I);
    auto VisitPair = [&](const AccessRecord &X, const AccessRecord &Y) {
      if (excludeEachOther(X, Y))
        return;
      Concurrency C = mayRunConcurrently(X, Y, ApiShared);
      if (C == Concurrency::No)
        return;
      // Two entry points with no thread in sight: an unlocked access
      // against one holding the container's own lock, or any two in a
      // class that locks its own mutex (it is meant to be thread-safe).
      if (C == Concurrency::ByApi && !holdsOwnLock(X) && !holdsOwnLock(Y) &&
          !ownerLocks(K))
        return;
      RacePair P;
      bool XFree = X.Held.empty(), YFree = Y.Held.empty();
      auto WriteOrLater = [&](const AccessRecord &U, const AccessRecord &V) {
        if (isWrite(U) != isWrite(V))
          return isWrite(U);
        return !Later(V.Access->Loc, U.Access->Loc);
      };
      if (XFree && !YFree)
        P = {RacePair::Unguarded, &X, &Y, std::nullopt};
      else if (YFree && !XFree)
        P = {RacePair::Unguarded, &Y, &X, std::nullopt};
      else if (XFree && YFree)
        P = WriteOrLater(X, Y) ? RacePair{RacePair::Unguarded, &X, &Y, {}}
                               : RacePair{RacePair::Unguarded, &Y, &X, {}};
      else if (shareALock(X, Y))
        // A common lock, held in shared mode on both sides: the write
        // under the reader lock is the bug.
        P = WriteOrLater(X, Y) ? RacePair{RacePair::SharedWrite, &X, &Y, {}}
                               : RacePair{RacePair::SharedWrite, &Y, &X, {}};
      else {
        // Different mutexes: report where the usual guard is missing.
        bool XG = Guard && X.Held.contains(*Guard);
        bool YG = Guard && Y.Held.contains(*Guard);
        bool XSite = XG != YG ? !XG : WriteOrLater(X, Y);
        P = XSite ? RacePair{RacePair::DifferentGuards, &X, &Y, Guard}
                  : RacePair{RacePair::DifferentGuards, &Y, &X, Guard};
      }
      Visit(P);
    };
    for (size_t I = 0; I < G.size(); ++I) {
      if (isWrite(*G[I])) {
        for (size_t J = I; J < G.size(); ++J)
          VisitPair(*G[I], *G[J]);
        continue;
      }
      for (auto W = std::lower_bound(Writes.begin(), Writes.end(), I);
           W != Writes.end(); ++W)
        VisitPair(*G[I], *G[*W]);
    }
  }
}

std::vector<Finding> RaceDetector::unguardedAccesses() const {
  std::vector<Finding> F = collect(/*WantUnguarded=*/true);
  std::vector<std::pair<SourceLocation, Finding>> H = escapedHandles();
  if (H.empty())
    return F;
  // Merge the escaped-handle findings in source order.
  const SourceManager &SM = A.context().AST.getSourceManager();
  std::vector<std::pair<SourceLocation, Finding>> All;
  for (Finding &X : F)
    All.push_back({X.Loc, std::move(X)});
  for (auto &X : H)
    All.push_back(std::move(X));
  std::stable_sort(All.begin(), All.end(), [&SM](const auto &X, const auto &Y) {
    return X.first != Y.first && SM.isBeforeInTranslationUnit(X.first, Y.first);
  });
  std::vector<Finding> Out;
  for (auto &X : All)
    Out.push_back(std::move(X.second));
  return Out;
}

std::vector<Finding> RaceDetector::lockMismatches() const {
  return collect(/*WantUnguarded=*/false);
}

const RaceDetector::BestPairs &RaceDetector::bestPairs(bool Unguarded) const {
  std::call_once(BestOnce, [this] {
    const SourceManager &SM = A.context().AST.getSourceManager();
    // Keep the partner that explains the race best: one that holds a lock,
    // a write, the earliest.
    auto Better = [&SM](const RacePair &N, const RacePair &O) {
      bool NL = !N.Partner->Held.empty(), OL = !O.Partner->Held.empty();
      if (NL != OL)
        return NL;
      bool NW = isWrite(*N.Partner), OW = isWrite(*O.Partner);
      if (NW != OW)
        return NW;
      bool NT = N.Site->Thread.has_value(), OT = O.Site->Thread.has_value();
      if (NT != OT)
        return NT;
      SourceLocation NLoc = N.Partner->Access->Loc,
                     OLoc = O.Partner->Access->Loc;
      if (NLoc != OLoc)
        return SM.isBeforeInTranslationUnit(NLoc, OLoc);
      return false;
    };
    forEachRacingPair([&](const RacePair &P) {
      // A loop that is the unprotected side is iteration-mutation's report.
      if (P.Site->Access->Kind == AccessKind::Iterate)
        return;
      BestPairs &Best =
          P.K == RacePair::Unguarded ? BestUnguarded : BestMismatch;
      auto Key = std::make_pair(P.Site->Access->Loc.getRawEncoding(),
                                P.Site->Access->Path.hash());
      auto It = Best.find(Key);
      if (It == Best.end())
        Best.emplace(Key, P);
      else if (Better(P, It->second))
        It->second = P;
    });
  });
  return Unguarded ? BestUnguarded : BestMismatch;
}

std::vector<Finding> RaceDetector::collect(bool WantUnguarded) const {
  const SourceManager &SM = A.context().AST.getSourceManager();
  // One finding per access location and container.
  const BestPairs &Best = bestPairs(WantUnguarded);
  // One warning per function and container (as RacerD reports per method
  // and access path): the first access carries it, the others are notes.
  std::vector<RacePair> Chosen;
  for (const auto &[Key, P] : Best)
    Chosen.push_back(P);
  auto SiteBefore = [&SM](const RacePair &X, const RacePair &Y) {
    SourceLocation XL = X.Site->Access->Loc, YL = Y.Site->Access->Loc;
    if (XL != YL)
      return SM.isBeforeInTranslationUnit(XL, YL);
    // At one place, the access in its own terms before the same access
    // seen through a call.
    bool XC = !X.Site->Access->CallChain.empty();
    bool YC = !Y.Site->Access->CallChain.empty();
    if (XC != YC)
      return !XC;
    return X.Site->Access->Path.display() < Y.Site->Access->Path.display();
  };
  std::stable_sort(Chosen.begin(), Chosen.end(), SiteBefore);
  std::vector<Finding> Findings;
  std::map<std::pair<const FunctionDecl *, std::string>, size_t> GroupOf;
  // The place and the container as named at it (its last field and the
  // elements below it): `shards_` and `shards_[]` at one place are two.
  auto PlaceKey = [](const LocalAccess &A) {
    std::string K;
    for (const ValueDecl *S : A.Path.steps())
      K = S ? S->getNameAsString() : K + "[]";
    if (A.Path.steps().empty() && A.Path.leafDecl())
      K = A.Path.leafDecl()->getNameAsString();
    return std::make_pair(A.Loc.getRawEncoding(), K);
  };
  std::set<std::pair<unsigned, std::string>> SeenSites;
  for (const RacePair &P : Chosen) {
    const LocalAccess &SA = *P.Site->Access;
    // One warning per place: two instantiations of a template, or one
    // access seen both in its class's terms and through the object a caller
    // names, are one race.
    if (!SeenSites.insert(PlaceKey(SA)).second)
      continue;
    // Instantiations of one template share their pattern's group.
    const FunctionDecl *Fn = SA.InnerFunction;
    if (Fn)
      if (const FunctionDecl *Pattern = Fn->getTemplateInstantiationPattern())
        Fn = Pattern;
    auto Key = std::make_pair(Fn, SA.Path.display());
    auto It = GroupOf.find(Key);
    if (It == GroupOf.end()) {
      GroupOf[Key] = Findings.size();
      Findings.push_back(WantUnguarded ? render(P) : renderMismatch(P));
      continue;
    }
    Finding &F = Findings[It->second];
    size_t Extra = 0;
    for (const FindingNote &N : F.Notes)
      Extra += N.Message.find("' is also ") != std::string::npos;
    if (Extra >= 3)
      continue;
    LockNames Lock({&P.Site->Held, &P.Partner->Held}, P.Guard);
    std::string Missing;
    if (P.K == RacePair::SharedWrite)
      Missing = "under the reader lock";
    else if (P.K == RacePair::DifferentGuards && P.Guard)
      Missing = "without holding '" + Lock(*P.Guard) + "'";
    else
      Missing = P.Partner->Held.empty()
                    ? "with no lock held"
                    : "without holding " +
                          lockList(P.Partner->Held, "or", Lock);
    // Keep the declaration note last.
    FindingNote N{SA.Loc, "'" + SA.Path.display() + "' is also " +
                              (SA.Kind == AccessKind::Write ? "written"
                               : SA.Kind == AccessKind::Iterate
                                   ? "iterated"
                                   : "read") +
                              " here " + Missing};
    // Before the declaration and the repair notes, which come last.
    auto Pos = F.Notes.end();
    for (auto It = F.Notes.begin(); It != F.Notes.end(); ++It)
      if (It->Message.find("' is declared here") != std::string::npos ||
          It->Message.rfind("fix: ", 0) == 0) {
        Pos = It;
        break;
      }
    F.Notes.insert(Pos, N);
  }
  return Findings;
}

/// Where a record's access happens, as the user would say it: the function
/// containing it, or for an access reached through a call, the function
/// that made the call (the one holding, or not, the lock).
static const FunctionDecl *
describedFunction(const AccessRecord &R,
                  const std::vector<ThreadStartInfo> &Threads) {
  if (R.Access->CallChain.empty())
    return R.Access->InnerFunction;
  if (R.Thread && Threads[*R.Thread].Spawner == R.Function &&
      Threads[*R.Thread].Body)
    return Threads[*R.Thread].Body;
  return R.Function;
}

/// A helper that some callers call with the lock and this one without
/// (the `...Locked` helper idiom gone wrong): the note at the unlocked call.
static void addCalledWithoutNote(Finding &F, const AccessRecord &S,
                                 const AccessRecord &O,
                                 const TranslationUnitAnalysis &A) {
  const LocalAccess &SA = *S.Access;
  if (S.ViaCall.isInvalid() || O.Held.empty() || !SA.CallChain.empty())
    return;
  LockSet Missing;
  for (const HeldLock &L : O.Held) {
    if (S.EntryHeld.contains(L.Path) || S.Held.contains(L.Path))
      continue;
    bool OtherCallerHolds = false;
    for (const AccessRecord *R : A.recordsOf(S.Access))
      if (R->EntryHeld.contains(L.Path))
        OtherCallerHolds = true;
    if (OtherCallerHolds)
      Missing.add(L);
  }
  if (!Missing.empty())
    F.Notes.push_back({S.ViaCall, whereName(SA.InnerFunction) +
                                      " is called here without holding " +
                                      lockList(Missing, "or")});
}

Finding RaceDetector::render(const RacePair &P) const {
  const AnalysisContext &Ctx = A.context();
  const AccessRecord &S = *P.Site, &O = *P.Partner;
  const LocalAccess &SA = *S.Access, &OA = *O.Access;
  bool Self = SA.Loc == OA.Loc;
  Finding F;
  F.K = Finding::UnguardedAccess;
  F.Loc = SA.Loc;
  std::string Name = SA.Path.display();
  LockNames Lock({&S.Held, &O.Held}, P.Guard);
  std::string Head = "data race on '" + Name + "' (" +
                     containerType(SA, Ctx.AST) + "): " + kindWithDetail(SA);
  if (!O.Held.empty()) {
    Head += " without holding " + lockList(O.Held, "or", Lock) +
            "; the conflicting " +
            std::string(accessKindName(OA.Kind)) + " in " +
            whereName(describedFunction(O, Ctx.ThreadTable)) + " holds " +
            (O.Held.size() == 1 ? "it" : "them");
  } else if (Self && !S.Thread && !O.Thread) {
    Head += " with no lock held, and " +
            whereName(describedFunction(S, Ctx.ThreadTable)) +
            " may run on several threads at once";
  } else if (Self) {
    Head += " with no lock held, made concurrently by several threads";
  } else {
    Head += " with no lock held; the conflicting " +
            std::string(accessKindName(OA.Kind)) + " in " +
            whereName(describedFunction(O, Ctx.ThreadTable)) +
            " holds no lock either";
  }
  F.Message = Head;

  const auto &Threads = Ctx.ThreadTable;
  if (!Self) {
    std::string N = "conflicting " + kindWithDetail(OA) + " in " +
                    whereName(describedFunction(O, Ctx.ThreadTable));
    N += O.Held.empty() ? ", with no lock held"
                        : ", holding " + lockList(O.Held, "and", Lock);
    F.Notes.push_back({OA.Loc, N});
  }
  if (S.Thread) {
    const ThreadStartInfo &T = Threads[*S.Thread];
    std::string N = "this " + std::string(accessKindName(SA.Kind)) +
                    " runs on the thread started here";
    if (Self && O.Thread && *O.Thread == T.Id && T.InLoop)
      N += ", which may run several times at once";
    F.Notes.push_back({T.Loc, N});
  }
  if (O.Thread && (!S.Thread || *O.Thread != *S.Thread))
    F.Notes.push_back({Threads[*O.Thread].Loc,
                       "the conflicting " +
                           std::string(accessKindName(OA.Kind)) +
                           " runs on the thread started here"});
  if (!SA.CallChain.empty() && (!S.Thread || SA.CallChain.front() !=
                                                   Threads[*S.Thread].Loc))
    F.Notes.push_back({SA.CallChain.front(),
                       "'" + Name + "' is reached through this call"});
  addCalledWithoutNote(F, S, O, A);
  for (const ReleaseSite &RS : SA.State.Releases) {
    if (!O.Held.contains(RS.Path))
      continue;
    F.Notes.push_back(
        {RS.Loc, RS.Temporary
                     ? "the temporary guard releases '" + Lock(RS.Path) +
                           "' at the end of its full-expression, before "
                           "the access"
                     : "'" + Lock(RS.Path) +
                           "' is released here, before the access"});
    break;
  }
  if (const NamedDecl *D = SA.Path.leafDecl())
    F.Notes.push_back({D->getLocation(), "'" + Name + "' is declared here"});
  if (std::optional<FixItHint> Fix = lockGuardFix(P)) {
    F.Fixes.push_back(*Fix);
    F.Notes.push_back({SA.Loc, "fix: hold " + lockList(O.Held, "or", Lock) +
                                   " here, as every other access to '" +
                                   Name + "' does"});
  } else if (!O.Held.empty()) {
    F.Notes.push_back(
        {SA.Loc, "fix: hold " + lockList(O.Held, "or", Lock) +
                     " here too; or keep '" + Name +
                     "' behind one reader/writer lock (shared_lock to read, "
                     "unique_lock to write), or in a small class whose every "
                     "member function locks"});
  } else {
    F.Notes.push_back(
        {SA.Loc, "fix: guard every access to '" + Name +
                     "' with one mutex (a reader/writer lock lets readers "
                     "share it), or move it into a small class whose every "
                     "member function locks"});
  }
  return F;
}

} // namespace maprace

namespace maprace {

std::optional<FixItHint> RaceDetector::lockGuardFix(const RacePair &P) const {
  const AnalysisContext &Ctx = A.context();
  const AccessRecord &S = *P.Site;
  const LocalAccess &SA = *S.Access;
  if (!SA.CallChain.empty() || !SA.E || !SA.InnerFunction)
    return std::nullopt;
  // One lock common to every other access of the container...
  std::optional<LockSet> Common;
  bool SiteLocked = false;
  for (const AccessRecord *R : A.recordsOf(SA.Path)) {
    if (R->ObjectPrivate)
      continue;
    if (R->Access == S.Access) {
      SiteLocked |= !R->Held.empty(); // held in another context: double lock
      continue;
    }
    if (R->Access->InnerFunction == SA.InnerFunction)
      continue; // this function's accesses are what the fix guards
    if (!Common)
      Common = R->Held;
    else
      Common->intersect(R->Held);
  }
  if (SiteLocked || !Common || Common->size() != 1)
    return std::nullopt;
  const HeldLock &M = *Common->begin();
  // ...and a function that takes no lock at all, nor calls anything that
  // does: adding one cannot deadlock or reorder locks.
  const FunctionFacts *FF = Ctx.factsOf(SA.InnerFunction);
  if (!FF || FF->Skipped)
    return std::nullopt;
  auto TakesLocks = [](const FunctionFacts &F) {
    for (const LocalAccess &X : F.Accesses)
      if (!X.State.Acquired.empty() || !X.State.ReleasedEntry.empty())
        return true;
    for (const CallSite &C : F.Calls)
      if (!C.State.Acquired.empty() || !C.State.ReleasedEntry.empty())
        return true;
    return F.Summary.hasLockEffect() || F.Summary.ReleasesEntryLock;
  };
  if (TakesLocks(*FF))
    return std::nullopt;
  for (const CallSite &C : FF->Calls)
    if (const FunctionFacts *CF = Ctx.factsOf(C.Callee))
      if (TakesLocks(*CF))
        return std::nullopt;
  if (Edited.count(SA.InnerFunction))
    return std::nullopt;
  // A function (and its callees) that only reads can share the lock.
  auto OnlyReads = [](const FunctionFacts &F) {
    for (const LocalAccess &X : F.Accesses)
      if (X.Kind == AccessKind::Write)
        return false;
    return true;
  };
  bool ReadOnly = OnlyReads(*FF);
  for (const CallSite &C : FF->Calls)
    if (const FunctionFacts *CF = Ctx.factsOf(C.Callee))
      ReadOnly &= OnlyReads(*CF);
  std::optional<FixItHint> Fix =
      insertLockGuard(SA.E, SA.InnerFunction, M.Path, ReadOnly, Ctx.AST);
  if (Fix)
    Edited.insert(SA.InnerFunction);
  return Fix;
}

} // namespace maprace

namespace maprace {

Finding RaceDetector::renderMismatch(const RacePair &P) const {
  const AnalysisContext &Ctx = A.context();
  const AccessRecord &S = *P.Site, &O = *P.Partner;
  const LocalAccess &SA = *S.Access, &OA = *O.Access;
  bool Self = SA.Loc == OA.Loc;
  const auto &Threads = Ctx.ThreadTable;
  Finding F;
  F.K = Finding::LockMismatch;
  F.Loc = SA.Loc;
  std::string Name = SA.Path.display();
  LockNames Lock({&S.Held, &O.Held}, P.Guard);
  std::string Head = "data race on '" + Name + "' (" +
                     containerType(SA, Ctx.AST) + "): " + kindWithDetail(SA);
  std::string Other = std::string(accessKindName(OA.Kind)) + " in " +
                      whereName(describedFunction(O, Threads));
  if (P.K == RacePair::SharedWrite) {
    LockSet Common;
    for (const HeldLock &L : S.Held)
      if (O.Held.contains(L.Path))
        Common.add(L);
    bool Many = Common.size() > 1;
    Head += " while " + lockList(Common, "and", Lock) +
            (Many ? " are" : " is") +
            " held only in shared mode (" + (Many ? "reader locks" : "a reader lock") +
            ")";
    if (Self)
      Head += "; " + whereName(describedFunction(S, Threads)) +
              " may run on several threads at once";
    else
      Head += "; the concurrent " + Other + " holds " + (Many ? "them" : "it") +
              " in shared mode too";
    F.Message = Head;
    if (!Self)
      F.Notes.push_back({OA.Loc, "concurrent " + kindWithDetail(OA) + " in " +
                                     whereName(describedFunction(O, Threads)) +
                                     ", holding " +
                                     lockListWithModes(O.Held, Lock)});
    for (const HeldLock &L : Common)
      if (const HeldLock *H = S.Held.find(L.Path))
        if (H->AcquiredAt.isValid()) {
          if (H->Required)
            F.Notes.push_back(
                {H->AcquiredAt, whereName(SA.InnerFunction) + " requires '" +
                                    Lock(L.Path) +
                                    "' only in shared mode "
                                    "(requires_shared_capability); a write "
                                    "needs it exclusively"});
          else
            F.Notes.push_back({H->AcquiredAt, "'" + Lock(L.Path) +
                                                  "' is acquired in shared mode "
                                                  "here; a write needs it "
                                                  "exclusively"});
          break;
        }
  } else {
    std::string Guard = P.Guard ? "'" + Lock(*P.Guard) + "'" : "";
    Head += " holding " + lockList(S.Held, "and", Lock);
    if (P.Guard && !S.Held.contains(*P.Guard))
      Head += " but not " + Guard + ", the lock most accesses to '" + Name +
              "' hold";
    Head += "; the conflicting " + Other + " holds " +
            lockList(O.Held, "and", Lock);
    F.Message = Head;
    if (!Self)
      F.Notes.push_back({OA.Loc, "conflicting " + kindWithDetail(OA) + " in " +
                                     whereName(describedFunction(O, Threads)) +
                                     ", holding " +
                                     lockListWithModes(O.Held, Lock)});
    addCalledWithoutNote(F, S, O, A);
    for (const HeldLock &H : S.Held)
      if (H.AcquiredAt.isValid()) {
        F.Notes.push_back({H.AcquiredAt, "'" + Lock(H.Path) +
                                             "' is acquired here"});
        break;
      }
  }
  if (S.Thread)
    F.Notes.push_back({Threads[*S.Thread].Loc,
                       "this " + std::string(accessKindName(SA.Kind)) +
                           " runs on the thread started here"});
  if (O.Thread && (!S.Thread || *O.Thread != *S.Thread))
    F.Notes.push_back({Threads[*O.Thread].Loc,
                       "the conflicting " +
                           std::string(accessKindName(OA.Kind)) +
                           " runs on the thread started here"});
  if (const NamedDecl *D = SA.Path.leafDecl())
    F.Notes.push_back({D->getLocation(), "'" + Name + "' is declared here"});
  if (P.K == RacePair::SharedWrite) {
    // Upgrading the reader lock of this function is provably right.
    for (const HeldLock &H : S.Held)
      if (H.Mode == LockMode::Shared && H.Guard && O.Held.contains(H.Path) &&
          !Edited.count(H.Guard))
        if (std::optional<FixItHint> Fix =
                upgradeSharedLock(H.Guard, Ctx.AST)) {
          F.Fixes.push_back(*Fix);
          Edited.insert(H.Guard);
          F.Notes.push_back({H.Guard->getLocation(),
                             "fix: take '" + Lock(H.Path) +
                                 "' exclusively here (std::unique_lock)"});
          break;
        }
    if (SA.InsertingRead)
      F.Notes.push_back({SA.Loc, "'operator[]' inserts the key when it is "
                                 "missing; to only read under the reader "
                                 "lock, look it up with find()"});
    else if (F.Fixes.empty())
      F.Notes.push_back({SA.Loc, "fix: take the lock exclusively for the "
                                 "write (std::unique_lock, lock())"});
  } else {
    F.Notes.push_back(
        {SA.Loc, "fix: guard every access to '" + Name + "' with one mutex" +
                     (P.Guard ? " ('" + Lock(*P.Guard) + "')" : "")});
  }
  return F;
}

} // namespace maprace

namespace maprace {

std::vector<Finding> RaceDetector::iterationMutations() const {
  const AnalysisContext &Ctx = A.context();
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const auto &Threads = Ctx.ThreadTable;
  std::vector<std::pair<SourceLocation, Finding>> Out;
  std::set<unsigned> SeenLoops;
  for (const FunctionDecl *FD : A.analysedFunctions()) {
    const FunctionFacts *FF = Ctx.factsOf(FD);
    if (!FF || FF->Skipped)
      continue;
    for (const LoopFacts &L : FF->Loops) {
      if (L.StartAccess >= FF->Accesses.size())
        continue;
      const LocalAccess &Start = FF->Accesses[L.StartAccess];
      std::string Name = L.Container.display();
      std::string Head =
          "loop over '" + Name + "' (" + containerType(Start, Ctx.AST) + ")";
      auto DeclNote = [&](Finding &F) {
        if (const NamedDecl *D = L.Container.leafDecl())
          F.Notes.push_back({D->getLocation(), "'" + Name + "' is declared here"});
      };
      if (!SeenLoops.insert(L.Loc.getRawEncoding()).second)
        continue;

      // The loop's own body invalidates it.
      if (L.Invalidated) {
        Finding F;
        F.K = Finding::IterationMutation;
        F.Loc = L.Loc;
        F.Message = Head + " is invalidated by its own body: " + L.MutationWhat;
        if (L.MutationCall.isValid())
          F.Notes.push_back({L.MutationCall, "'" + Name +
                                                 "' is modified through this "
                                                 "call"});
        F.Notes.push_back({L.MutationLoc, "'" + Name + "' is modified here, "
                                          "while the loop iterates over it"});
        DeclNote(F);
        Out.push_back({L.Loc, std::move(F)});
      }

      // Another thread writes the container while the loop runs.
      llvm::ArrayRef<const AccessRecord *> LoopRecords = A.recordsOf(&Start);
      llvm::ArrayRef<const AccessRecord *> Writers = A.recordsOf(L.Container);
      if (LoopRecords.empty() || Writers.empty())
        continue;
      bool ApiShared = isApiShared(L.Container, Writers);
      const AccessRecord *BestR = nullptr, *BestW = nullptr;
      LockSet BestLoopLocks;
      for (const AccessRecord *R : LoopRecords) {
        LockSet LoopLocks;
        for (const HeldLock &H : R->Held)
          if (!L.NotHeldThroughout.contains(H.Path))
            LoopLocks.add(H);
        for (const AccessRecord *W : Writers) {
          if (W->Access->Kind != AccessKind::Write)
            continue;
          // The loop's own function in the same context is the same thread.
          if (W->Function == R->Function && W->Context == R->Context)
            continue;
          bool Protected = false;
          for (const HeldLock &H : LoopLocks)
            if (const HeldLock *M = W->Held.find(H.Path))
              Protected |= H.Mode == LockMode::Exclusive ||
                           M->Mode == LockMode::Exclusive;
          if (Protected)
            continue;
          Concurrency C = mayRunConcurrently(*R, *W, ApiShared);
          if (C == Concurrency::No)
            continue;
          if (C == Concurrency::ByApi && !holdsOwnLock(*W) &&
              !holdsOwnLock(*R) && !ownerLocks(L.Container))
            continue;
          bool Better = !BestW;
          if (BestW) {
            bool NL = !W->Held.empty(), OL = !BestW->Held.empty();
            if (NL != OL)
              Better = NL;
            else if (W->Access->Loc != BestW->Access->Loc)
              Better = SM.isBeforeInTranslationUnit(W->Access->Loc,
                                                    BestW->Access->Loc);
          }
          if (Better) {
            BestR = R;
            BestW = W;
            BestLoopLocks = LoopLocks;
          }
        }
      }
      if (!BestW)
        continue;
      const AccessRecord &R = *BestR, &W = *BestW;
      const LocalAccess &WA = *W.Access;
      std::string Writer = "the concurrent " + kindWithDetail(WA) + " in " +
                           whereName(describedFunction(W, Threads));
      // Locks the writer holds that the loop dropped inside its body.
      LockSet Dropped;
      for (const HeldLock &H : W.Held)
        if (R.Held.contains(H.Path) && L.NotHeldThroughout.contains(H.Path))
          Dropped.add(H);
      Finding F;
      F.K = Finding::IterationMutation;
      F.Loc = L.Loc;
      if (!Dropped.empty())
        F.Message = Head + " releases " + lockList(Dropped, "and") +
                    " inside its body, so " + Writer +
                    " can change it between iterations";
      else if (!W.Held.empty())
        F.Message = Head + " without holding " + lockList(W.Held, "or") +
                    " for the whole loop; " + Writer + " holds " +
                    (W.Held.size() == 1 ? "it" : "them");
      else if (!BestLoopLocks.empty())
        F.Message = Head + " while " + Writer + " may change it; the loop holds " +
                    lockList(BestLoopLocks, "and") +
                    " but the write holds no lock";
      else
        F.Message = Head + " while " + Writer +
                    " may change it; no lock is held at either";
      F.Notes.push_back({WA.Loc, "concurrent " + kindWithDetail(WA) + " in " +
                                     whereName(describedFunction(W, Threads)) +
                                     (W.Held.empty()
                                          ? ", with no lock held"
                                          : ", holding " +
                                                lockListWithModes(W.Held))});
      if (!Dropped.empty() && L.ReleaseInside.isValid())
        F.Notes.push_back({L.ReleaseInside,
                           "'" + Dropped.begin()->Path.display() +
                               "' is released here, inside the loop"});
      if (R.Thread)
        F.Notes.push_back({Threads[*R.Thread].Loc,
                           "this loop runs on the thread started here"});
      if (W.Thread && (!R.Thread || *W.Thread != *R.Thread))
        F.Notes.push_back({Threads[*W.Thread].Loc,
                           "the concurrent " +
                               std::string(accessKindName(WA.Kind)) +
                               " runs on the thread started here"});
      DeclNote(F);
      Out.push_back({L.Loc, std::move(F)});
    }
  }
  std::stable_sort(Out.begin(), Out.end(), [&SM](const auto &X, const auto &Y) {
    if (X.first == Y.first)
      return X.second.Message < Y.second.Message;
    return SM.isBeforeInTranslationUnit(X.first, Y.first);
  });
  std::vector<Finding> Findings;
  for (auto &[Loc, F] : Out)
    Findings.push_back(std::move(F));
  return Findings;
}

} // namespace maprace

namespace maprace {

std::vector<std::pair<SourceLocation, Finding>>
RaceDetector::escapedHandles() const {
  const AnalysisContext &Ctx = A.context();
  std::vector<std::pair<SourceLocation, Finding>> Out;
  std::set<unsigned> Seen;
  for (const FunctionDecl *FD : A.analysedFunctions()) {
    const FunctionFacts *FF = Ctx.factsOf(FD);
    if (!FF || FF->Skipped)
      continue;
    for (const EscapedHandle &E : FF->EscapedHandles) {
      // It matters when a writer of the container that holds that lock
      // may run while the handle is in use: as soon as the lock is gone.
      llvm::ArrayRef<const AccessRecord *> Uses;
      if (E.CreationAccess < FF->Accesses.size())
        Uses = A.recordsOf(&FF->Accesses[E.CreationAccess]);
      llvm::ArrayRef<const AccessRecord *> Group = A.recordsOf(E.Container);
      bool ApiShared = isApiShared(E.Container, Group);
      std::optional<ContainerInfo> Info = Ctx.Containers.classify(E.ContainerType);
      const AccessRecord *Writer = nullptr;
      for (const AccessRecord *W : Group) {
        if (W->Access->Kind != AccessKind::Write || !W->Held.contains(E.Lock) ||
            W->ObjectPrivate)
          continue;
        // An insertion of some key moves no node of a std::map and changes
        // no element the handle stands on.
        if (Info && insertionKeepsHandles(Info->Family, W->Access->Method,
                                          !W->Access->InsertingRead,
                                          E.HandleKind == "iterator"))
          continue;
        for (const AccessRecord *U : Uses)
          if (mayRunConcurrently(*U, *W, ApiShared) != Concurrency::No) {
            Writer = W;
            break;
          }
        if (Writer)
          break;
      }
      if (!Writer || !Seen.insert(E.UseLoc.getRawEncoding()).second)
        continue;
      std::string Name = E.Container.display();
      std::string Lock = "'" + E.Lock.display() + "'";
      LocalAccess Fake;
      Fake.Path = E.Container;
      Fake.ContainerType = E.ContainerType;
      std::string Handle = E.HandleKind +
                           (E.HandleName.empty() ? "" : " '" + E.HandleName + "'");
      std::string WriterText =
          "a concurrent " + kindWithDetail(*Writer->Access) + " in " +
          whereName(describedFunction(*Writer, Ctx.ThreadTable)) +
          " holding " + Lock + " may invalidate it";
      Finding F;
      F.K = Finding::UnguardedAccess;
      F.Loc = E.UseLoc;
      std::string Into = Handle + " into '" + Name + "' (" +
                         containerType(Fake, Ctx.AST) + ")";
      if (E.Returned && E.ReleaseLoc.isValid())
        F.Message = Into + " is returned after " + Lock +
                    " is released; " + WriterText;
      else if (E.Returned)
        F.Message = Into + " is returned while " + Lock +
                    " is held only until " + whereName(FD) +
                    " returns; the caller uses it without the lock, and " +
                    WriterText;
      else if (E.Retaken)
        F.Message = Into + " is used after " + Lock +
                    " was released and taken again; " + WriterText +
                    " in between";
      else
        F.Message = Into + " is used after " + Lock + " is released; " +
                    WriterText;
      if (E.ReleaseLoc.isValid())
        F.Notes.push_back(
            {E.ReleaseLoc,
             E.ReleasedByTemporary
                 ? "the temporary guard releases " + Lock +
                       " at the end of its full-expression"
                 : Lock + " is released here"});
      F.Notes.push_back({E.CreatedLoc, "the " + E.HandleKind + " is obtained "
                                       "here" +
                                           (E.Method.empty()
                                                ? ""
                                                : " from '" + E.Method + "'") +
                                           ", while " + Lock + " is held"});
      F.Notes.push_back({Writer->Access->Loc,
                         "concurrent " + kindWithDetail(*Writer->Access) +
                             " in " +
                             whereName(describedFunction(*Writer, Ctx.ThreadTable)) +
                             ", holding " + lockListWithModes(Writer->Held)});
      if (const NamedDecl *D = E.Container.leafDecl())
        F.Notes.push_back({D->getLocation(), "'" + Name + "' is declared here"});
      F.Notes.push_back(
          {E.UseLoc, "fix: copy what is needed out of the " + E.HandleKind +
                         " while " + Lock + " is held, or hold " + Lock +
                         " until its last use"});
      Out.push_back({E.UseLoc, std::move(F)});
    }
  }
  return Out;
}

} // namespace maprace
