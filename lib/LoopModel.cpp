#include "LoopModel.h"
#include "NameUtil.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"
#include <string>

using namespace clang;

namespace maprace {

namespace {

/// `c.begin()` / `c.cbegin()` / `std::begin(c)`: the container, or null.
const Expr *beginOf(const Expr *E, bool End = false) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) // iterator conversion
    if (C->getNumArgs() == 1)
      E = C->getArg(0)->IgnoreParenImpCasts();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    E = M->getSubExpr()->IgnoreParenImpCasts();
  llvm::StringRef Want1 = End ? "end" : "begin";
  llvm::StringRef Want2 = End ? "cend" : "cbegin";
  llvm::StringRef Want3 = End ? "rend" : "rbegin";
  llvm::StringRef Want4 = End ? "crend" : "crbegin";
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        (MD->getName() == Want1 || MD->getName() == Want2 ||
         MD->getName() == Want3 || MD->getName() == Want4))
      return MC->getImplicitObjectArgument();
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (FD && FD->getIdentifier() && isInStd(FD) && CE->getNumArgs() == 1 &&
        (FD->getName() == Want1 || FD->getName() == Want2 ||
         FD->getName() == Want3 || FD->getName() == Want4))
      return CE->getArg(0);
  }
  return nullptr;
}

const ValueDecl *declOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

/// Same container expression, syntactically (`m_` and `m_`, `a.b` and `a.b`).
bool sameObject(const Expr *A, const Expr *B) {
  A = A->IgnoreParenImpCasts();
  B = B->IgnoreParenImpCasts();
  if (declOf(A) != declOf(B) || !declOf(A))
    return false;
  const auto *MA = dyn_cast<MemberExpr>(A), *MB = dyn_cast<MemberExpr>(B);
  if (MA && MB)
    return isa<CXXThisExpr>(MA->getBase()->IgnoreParenImpCasts()) ==
               isa<CXXThisExpr>(MB->getBase()->IgnoreParenImpCasts()) &&
           (isa<CXXThisExpr>(MA->getBase()->IgnoreParenImpCasts()) ||
            sameObject(MA->getBase(), MB->getBase()));
  return !MA && !MB;
}

} // namespace

std::optional<LoopShape> matchRangeFor(const CXXForRangeStmt *S) {
  if (!S || !S->getRangeInit())
    return std::nullopt;
  LoopShape L;
  L.Loop = S;
  L.Body = S->getBody();
  L.Container = S->getRangeInit();
  L.Cursor = S->getLoopVariable();
  L.Loc = S->getForLoc();
  return L;
}

std::optional<LoopShape> matchIteratorLoop(const ForStmt *S) {
  const auto *DS = dyn_cast_or_null<DeclStmt>(S ? S->getInit() : nullptr);
  if (!DS)
    return std::nullopt;
  // `auto it = c.begin()`, maybe with a cached `e = c.end()` beside it.
  const VarDecl *It = nullptr, *CachedEnd = nullptr;
  const Expr *Container = nullptr;
  for (const Decl *D : DS->decls()) {
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || !VD->hasInit())
      return std::nullopt;
    if (!It && (Container = beginOf(VD->getInit())))
      It = VD;
    else if (const Expr *E = beginOf(VD->getInit(), /*End=*/true))
      CachedEnd = Container && sameObject(E, Container) ? VD : nullptr;
  }
  if (!It || !Container)
    return std::nullopt;
  // The condition compares the iterator with the same container's end().
  const auto *Cond = S->getCond();
  bool EndMatches = false;
  const Expr *L = nullptr, *R = nullptr;
  if (Cond) {
    const Expr *C = Cond->IgnoreParenImpCasts();
    if (const auto *RW = dyn_cast<CXXRewrittenBinaryOperator>(C)) {
      // C++20 rewrites `it != end()` as `!(it == end())`.
      CXXRewrittenBinaryOperator::DecomposedForm D = RW->getDecomposedForm();
      if (D.Opcode == BO_NE || D.Opcode == BO_LT)
        L = D.LHS, R = D.RHS;
    } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(C)) {
      if (OC->getNumArgs() == 2 &&
          (OC->getOperator() == OO_ExclaimEqual || OC->getOperator() == OO_Less))
        L = OC->getArg(0), R = OC->getArg(1);
    } else if (const auto *BO = dyn_cast<BinaryOperator>(C)) {
      if (BO->getOpcode() == BO_NE || BO->getOpcode() == BO_LT)
        L = BO->getLHS(), R = BO->getRHS();
    }
    if (L && R) {
      for (auto [Cur, Bound] : {std::pair(L, R), std::pair(R, L)}) {
        if (declOf(Cur) != It)
          continue;
        const Expr *End = beginOf(Bound, /*End=*/true);
        EndMatches |= (End && sameObject(End, Container)) ||
                      (CachedEnd && declOf(Bound) == CachedEnd);
      }
    }
  }
  if (!EndMatches)
    return std::nullopt;
  // `it = c.begin()` as the step re-reads the container each time (a
  // draining loop): no iterator lives across iterations.
  if (const Expr *Inc = S->getInc()) {
    Inc = Inc->IgnoreParenImpCasts();
    const Expr *Rhs = nullptr;
    if (const auto *BO = dyn_cast<BinaryOperator>(Inc))
      if (BO->getOpcode() == BO_Assign && declOf(BO->getLHS()) == It)
        Rhs = BO->getRHS();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Inc))
      if (OC->getOperator() == OO_Equal && declOf(OC->getArg(0)) == It)
        Rhs = OC->getArg(1);
    if (Rhs && beginOf(Rhs))
      return std::nullopt;
  }
  LoopShape Shape;
  Shape.Loop = S;
  Shape.Body = S->getBody();
  Shape.Container = Container;
  Shape.Cursor = It;
  Shape.BeginCall = It->getInit();
  Shape.Loc = S->getForLoc();
  for (const Expr *Side : {L, R})
    if (beginOf(Side, /*End=*/true))
      Shape.EndCall = Side;
  return Shape;
}

std::string algorithmName(const FunctionDecl *FD) {
  if (!FD)
    return "";
  // std::ranges algorithms are calls of function objects: `__any_of_fn`.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getOverloadedOperator() == OO_Call && isInStd(MD->getParent()) &&
        MD->getParent()->getIdentifier()) {
      llvm::StringRef N = MD->getParent()->getName();
      N.consume_front("__");
      N.consume_back("_fn");
      return N.str();
    }
  if (!isInStd(FD) || !FD->getIdentifier())
    return "";
  return FD->getName().str();
}

bool algorithmMutatesRange(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases({"sort", "stable_sort", "partial_sort", "nth_element", "reverse",
              "rotate", "shuffle", "remove", "remove_if", "unique", "fill",
              "generate", "replace", "replace_if", "iota", "erase", "erase_if",
              "partition", "stable_partition", "make_heap", "push_heap",
              "pop_heap", "sort_heap", "inplace_merge", "next_permutation",
              "prev_permutation", "swap", "swap_ranges", "fill_n",
              "generate_n", "transform"},
             true)
      .Default(false);
}

std::optional<LoopShape> matchAlgorithm(const CallExpr *CE) {
  if (!CE || CE->getNumArgs() < 2 || isa<CXXMemberCallExpr>(CE))
    return std::nullopt;
  // `std::ranges::any_of(m_, pred)`: the range argument is the loop.
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE)) {
    if (OC->getOperator() != OO_Call)
      return std::nullopt;
    std::string Name = algorithmName(OC->getDirectCallee());
    if (Name.empty() || algorithmMutatesRange(Name))
      return std::nullopt;
    const Expr *Range = OC->getArg(1)->IgnoreParenImpCasts();
    if (!Range->getType()->isRecordType())
      return std::nullopt;
    LoopShape L;
    L.Loop = CE;
    L.Container = Range;
    L.RangeArg = OC->getArg(1);
    L.Loc = OC->getArg(0)->getBeginLoc(); // `std::ranges::any_of`
    return L;
  }
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD || !isInStd(FD))
    return std::nullopt;
  const Expr *B = beginOf(CE->getArg(0));
  const Expr *E = beginOf(CE->getArg(1), /*End=*/true);
  if (!B || !E || !sameObject(B, E))
    return std::nullopt;
  LoopShape L;
  L.Loop = CE;
  L.Container = B;
  L.BeginCall = CE->getArg(0);
  L.EndCall = CE->getArg(1);
  L.Loc = CE->getBeginLoc();
  return L;
}

static bool refersTo(const Expr *E, const VarDecl *V) {
  const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
  if (!DRE)
    return false;
  if (DRE->getDecl() == V)
    return true;
  // `auto &[k, v] : m`: the bindings are the loop variable's parts.
  if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
    return B->getDecomposedDecl() == V;
  return false;
}

bool isCursorElement(const Expr *E, const VarDecl *V) {
  if (!E || !V)
    return false;
  for (int Guard = 0; E && Guard < 8; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (refersTo(E, V))
      return true;
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
      if (C->getNumArgs() != 1)
        return false;
      E = C->getArg(0);
      continue;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase(); // kv.first, it->first
      continue;
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->getOpcode() != UO_Deref)
        return false; // `it++` has already moved on
      E = UO->getSubExpr();
      continue;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
      if ((OC->getOperator() != OO_Star && OC->getOperator() != OO_Arrow) ||
          OC->getNumArgs() != 1)
        return false;
      E = OC->getArg(0);
      continue;
    }
    return false;
  }
  return false;
}

bool mentions(const Expr *E, const VarDecl *V) {
  if (!E || !V)
    return false;
  if (refersTo(E, V))
    return true;
  for (const Stmt *C : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(C))
      if (mentions(CE, V))
        return true;
  return false;
}

std::optional<std::string> invalidation(ContainerFamily F,
                                        llvm::StringRef Method,
                                        bool ErasesCurrent) {
  bool Erase = llvm::StringSwitch<bool>(Method)
                   .Cases({"erase", "extract", "erase_after", "pop_front",
                           "pop_back"},
                          true)
                   .Default(false);
  bool Clear = llvm::StringSwitch<bool>(Method)
                   .Cases({"clear", "swap", "operator=", "assign"}, true)
                   .Default(false);
  if (Clear)
    return "'" + Method.str() + "' replaces every element";
  switch (F) {
  case ContainerFamily::Vector:
    if (Method == "pop_back" || Method == "pop_front")
      return "'" + Method.str() +
             "' removes an element and invalidates the loop's iterator";
    if (Erase)
      return "'" + Method.str() +
             "' shifts the elements and invalidates the loop's iterator";
    return "'" + Method.str() +
           "' may reallocate and invalidates every iterator";
  case ContainerFamily::Unordered:
    if (Erase)
      return ErasesCurrent ? std::optional<std::string>(
                                 "'" + Method.str() +
                                 "' removes the element the loop stands on")
                           : std::nullopt;
    if (Method == "insert" || Method == "emplace" ||
        Method == "emplace_hint" || Method == "try_emplace" ||
        Method == "insert_or_assign" || Method == "operator[]" ||
        Method == "rehash" || Method == "reserve" || Method == "merge" ||
        Method == "insert_range")
      return "'" + Method.str() + "' may rehash and invalidates every iterator";
    return std::nullopt;
  case ContainerFamily::Ordered:
  case ContainerFamily::NodeList:
    if ((Erase || Method == "remove") && ErasesCurrent)
      return "'" + Method.str() + "' removes the element the loop stands on";
    if (Method == "remove_if" || Method == "unique")
      return "'" + Method.str() + "' may remove the element the loop stands on";
    return std::nullopt;
  case ContainerFamily::Adapter:
    return std::nullopt;
  }
  return std::nullopt;
}

bool insertionKeepsHandles(ContainerFamily F, llvm::StringRef Method,
                           bool AssignsElement, bool Iterator) {
  bool Insertion = llvm::StringSwitch<bool>(Method)
                       .Cases({"insert", "emplace", "emplace_hint",
                               "try_emplace", "push_back", "push_front",
                               "emplace_back", "emplace_front", "insert_range"},
                              true)
                       .Default(false) ||
                   (Method == "operator[]" && !AssignsElement);
  switch (F) {
  case ContainerFamily::Ordered:
  case ContainerFamily::NodeList:
    return Insertion;
  case ContainerFamily::Unordered:
    return Insertion && !Iterator;
  case ContainerFamily::Vector:
  case ContainerFamily::Adapter:
    return false;
  }
  return false;
}

bool leavesLoopSafely(const Expr *Call, const VarDecl *Cursor,
                      ParentMap &PM) {
  const Stmt *S = Call;
  // `it = c.erase(it)`: the loop continues from the returned iterator.
  for (const Stmt *P = PM.getParent(S); P; P = PM.getParent(P)) {
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->getOpcode() == BO_Assign && Cursor && declOf(BO->getLHS()) == Cursor)
        return true;
      break;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(P)) {
      if (OC->getOperator() == OO_Equal && Cursor &&
          declOf(OC->getArg(0)) == Cursor)
        return true;
      break;
    }
    if (!isa<Expr>(P))
      break;
  }
  // Directly followed by `break` or `return` (or inside the return).
  const Stmt *Cur = S;
  for (const Stmt *P = PM.getParent(Cur); P; Cur = P, P = PM.getParent(P)) {
    if (isa<ReturnStmt>(P))
      return true;
    if (const auto *CS = dyn_cast<CompoundStmt>(P)) {
      for (auto It = CS->body_begin(); It != CS->body_end(); ++It)
        if (*It == Cur) {
          auto Next = std::next(It);
          return Next != CS->body_end() &&
                 (isa<BreakStmt>(*Next) || isa<ReturnStmt>(*Next));
        }
      return false;
    }
    if (!isa<Expr>(P) && !isa<ExprWithCleanups>(P))
      return false;
  }
  return false;
}

} // namespace maprace
