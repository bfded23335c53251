// Merging lock and thread sets in place: the result, and whether it says
// something changed (context propagation re-runs a callee only then).
#include "LockSet.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace maprace;
using maprace::test::buildAST;
using maprace::test::findFirst;

namespace {

HeldLock held(const VarDecl *VD, LockMode Mode, unsigned Depth = 1) {
  HeldLock L;
  L.Path = AccessPath::global(VD);
  L.Mode = Mode;
  L.Depth = Depth;
  return L;
}

TEST(LockSet, IntersectKeepsCommonLocksAndSaysWhetherItChanged) {
  auto AST = buildAST("int a, b, c;");
  auto Var = [&](const char *N) {
    return findFirst<VarDecl>(AST->getASTContext(), varDecl(hasName(N)));
  };
  const VarDecl *A = Var("a"), *B = Var("b"), *C = Var("c");
  ASSERT_TRUE(A && B && C);

  LockSet S, Same;
  S.add(held(A, LockMode::Exclusive));
  S.add(held(B, LockMode::Exclusive));
  Same = S;
  EXPECT_FALSE(S.intersect(Same));
  EXPECT_EQ(S.size(), 2u);

  // A lock the other set lacks is dropped; the order of the rest is kept.
  LockSet OnlyB;
  OnlyB.add(held(B, LockMode::Exclusive));
  OnlyB.add(held(C, LockMode::Exclusive));
  LockSet T = S;
  EXPECT_TRUE(T.intersect(OnlyB));
  ASSERT_EQ(T.size(), 1u);
  EXPECT_TRUE(T.find(AccessPath::global(B)));
  EXPECT_FALSE(T.find(AccessPath::global(A)));

  // Held in both modes: kept shared, a change once, then none.
  LockSet Shared;
  Shared.add(held(A, LockMode::Shared));
  Shared.add(held(B, LockMode::Exclusive));
  LockSet U = S;
  EXPECT_TRUE(U.intersect(Shared));
  EXPECT_EQ(U.find(AccessPath::global(A))->Mode, LockMode::Shared);
  EXPECT_FALSE(U.intersect(S));
  EXPECT_EQ(U.find(AccessPath::global(A))->Mode, LockMode::Shared);

  // The smaller depth is kept.
  LockSet Twice;
  Twice.add(held(A, LockMode::Exclusive, 2));
  Twice.add(held(B, LockMode::Exclusive));
  EXPECT_TRUE(Twice.intersect(S));
  EXPECT_EQ(Twice.find(AccessPath::global(A))->Depth, 1u);
}

TEST(ThreadSet, UniteSaysWhetherAnyThreadWasNew) {
  ThreadSet S;
  EXPECT_FALSE(S.unite(ThreadSet()));
  ThreadSet One;
  One.add(3);
  EXPECT_TRUE(S.unite(One));
  ThreadSet Two;
  Two.add(1);
  Two.add(3);
  EXPECT_TRUE(S.unite(Two));
  EXPECT_TRUE(S.includes(Two));
  EXPECT_EQ(std::vector<unsigned>(S.begin(), S.end()),
            (std::vector<unsigned>{1, 3}));
  EXPECT_FALSE(S.unite(One));
  EXPECT_FALSE(S.unite(Two));
  EXPECT_FALSE(One.includes(Two));
}

} // namespace
