//===- GuardStandIns.cpp - Guards reached by reference --------------------===//
#include "GuardStandIns.h"
#include "FunctionFacts.h"

namespace maprace {

bool isGuardStandIn(const AccessPath &P, const LockModel &Locks) {
  return P.kind() == RootKind::Var && P.steps().empty() &&
         Locks.guardType(P.var()->getType()).has_value();
}

const llvm::SmallVector<AccessPath, 1> *boundMutexes(const GuardBindings &Bs,
                                                     const AccessPath &P) {
  for (const GuardBinding &B : Bs)
    if (B.first == P)
      return &B.second;
  return nullptr;
}

bool intersectGuardBindings(GuardBindings &A, const GuardBindings &B) {
  size_t Before = A.size();
  llvm::erase_if(A, [&](const GuardBinding &G) {
    const llvm::SmallVector<AccessPath, 1> *M = boundMutexes(B, G.first);
    return !M || *M != G.second;
  });
  return A.size() != Before;
}

GuardBindings bindGuards(const GuardBindings &AtCall,
                         const GuardBindings &CallerEntry,
                         const CallBinding &B, const LockModel &Locks) {
  GuardBindings Out;
  for (const GuardBinding &G : AtCall) {
    llvm::SmallVector<AccessPath, 1> Mutexes;
    bool Known = true;
    auto Carry = [&](const AccessPath &P) {
      if (std::optional<AccessPath> Q = toCallee(P, B))
        Mutexes.push_back(*Q);
      else
        Known = false;
    };
    for (const AccessPath &P : G.second) {
      if (!isGuardStandIn(P, Locks)) {
        Carry(P);
        continue;
      }
      const auto *Outer = boundMutexes(CallerEntry, P);
      if (!Outer) {
        Known = false;
        break;
      }
      for (const AccessPath &Q : *Outer)
        Carry(Q);
    }
    if (Known)
      Out.push_back({G.first, std::move(Mutexes)});
  }
  return Out;
}

LockSet heldWithGuards(const LockSet &EntryHeld, const GuardBindings &Bs,
                       const PointState &P, const LockModel &Locks) {
  LockSet Held = EntryHeld;
  for (const AccessPath &R : P.ReleasedEntry) {
    if (const auto *M = boundMutexes(Bs, R))
      for (const AccessPath &Mu : *M)
        Held.remove(Mu);
    else
      Held.remove(R);
  }
  for (const HeldLock &H : P.Acquired) {
    if (!isGuardStandIn(H.Path, Locks)) {
      Held.add(H);
      continue;
    }
    if (const auto *M = boundMutexes(Bs, H.Path))
      for (const AccessPath &Mu : *M) {
        HeldLock L = H;
        L.Path = Mu;
        L.Asserted = false;
        Held.add(L);
      }
  }
  return Held;
}

} // namespace maprace
