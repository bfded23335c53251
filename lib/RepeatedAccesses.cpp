#include "RepeatedAccesses.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <unordered_map>
#include <vector>

using namespace clang;

namespace maprace {

namespace {

bool sameLock(const HeldLock &A, const HeldLock &B) {
  return A.Path == B.Path && A.Mode == B.Mode && A.AcquiredAt == B.AcquiredAt &&
         A.Asserted == B.Asserted && A.Depth == B.Depth &&
         A.Required == B.Required && A.Guard == B.Guard;
}

/// Element by element, in order: equal sets built in another order count
/// as different, which only keeps a copy that could have gone.
bool sameLocks(const LockSet &A, const LockSet &B) {
  return A.size() == B.size() &&
         std::equal(A.begin(), A.end(), B.begin(), sameLock);
}

bool samePaths(const PathSet &A, const PathSet &B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end());
}

bool sameReleases(llvm::ArrayRef<ReleaseSite> A, llvm::ArrayRef<ReleaseSite> B) {
  return std::equal(A.begin(), A.end(), B.begin(), B.end(),
                    [](const ReleaseSite &X, const ReleaseSite &Y) {
                      return X.Path == Y.Path && X.Loc == Y.Loc &&
                             X.Temporary == Y.Temporary;
                    });
}

bool sameState(const PointState &A, const PointState &B) {
  return sameLocks(A.Acquired, B.Acquired) &&
         samePaths(A.ReleasedEntry, B.ReleasedEntry) &&
         A.Live.sameAs(B.Live) && samePaths(A.Joined, B.Joined) &&
         sameReleases(A.Releases, B.Releases);
}

/// Everything but CallChain and ViaCallExpr.
bool sameButCall(const LocalAccess &A, const LocalAccess &B) {
  return A.Path == B.Path && A.Kind == B.Kind && A.E == B.E && A.Loc == B.Loc &&
         A.InnerFunction == B.InnerFunction && A.Detail == B.Detail &&
         A.ContainerType == B.ContainerType && A.Loop == B.Loop &&
         A.Call == B.Call && A.Method == B.Method &&
         A.InsertingRead == B.InsertingRead &&
         samePaths(A.JoinsAhead, B.JoinsAhead) && sameState(A.State, B.State);
}

size_t hashButCall(const LocalAccess &A) {
  size_t H = llvm::hash_combine(A.Path.hash(), static_cast<int>(A.Kind), A.E,
                                A.Loc.getRawEncoding(), A.State.Acquired.size());
  for (const HeldLock &L : A.State.Acquired)
    H = llvm::hash_combine(H, L.Path.hash(), static_cast<int>(L.Mode));
  for (unsigned T : A.State.Live)
    H = llvm::hash_combine(H, T);
  return H;
}

} // namespace

void dropRepeatedLiftedAccesses(FunctionFacts &F) {
  std::vector<LocalAccess> &Accesses = F.Accesses;
  // Kept accesses by hash (not a DenseMap: any size_t, its reserved empty
  // and tombstone keys included, is a possible hash); NewIndex maps old
  // indices to kept ones.
  std::unordered_map<size_t, llvm::SmallVector<size_t, 1>> ByHash;
  std::vector<size_t> NewIndex(Accesses.size());
  size_t Out = 0;
  for (size_t I = 0; I < Accesses.size(); ++I) {
    LocalAccess &A = Accesses[I];
    if (!A.CallChain.empty()) {
      auto &Same = ByHash[hashButCall(A)];
      auto It = llvm::find_if(Same, [&](size_t K) {
        return sameButCall(Accesses[K], A);
      });
      if (It != Same.end()) {
        NewIndex[I] = *It;
        continue;
      }
      Same.push_back(Out);
    }
    NewIndex[I] = Out;
    if (Out != I)
      Accesses[Out] = std::move(A);
    ++Out;
  }
  if (Out == Accesses.size())
    return;
  Accesses.erase(Accesses.begin() + Out, Accesses.end());
  for (LoopFacts &L : F.Loops)
    if (L.StartAccess < NewIndex.size())
      L.StartAccess = NewIndex[L.StartAccess];
  for (EscapedHandle &E : F.EscapedHandles)
    if (E.CreationAccess < NewIndex.size())
      E.CreationAccess = NewIndex[E.CreationAccess];
}

} // namespace maprace
