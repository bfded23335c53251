// The whole analysis on small programs: access records, locksets, threads.
#include "EntryLockInference.h"
#include "LoopElementArgs.h"
#include "RaceDetector.h"
#include "TestAST.h"
#include "TranslationUnitAnalysis.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace maprace;
using maprace::test::buildAST;
using maprace::test::findFirst;

namespace {

struct Analysed {
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<TranslationUnitAnalysis> TU;
  AnalysisOptions Opts;
};

std::unique_ptr<Analysed> analyse(const std::string &Code) {
  auto A = std::make_unique<Analysed>();
  A->AST = buildAST(Code);
  EXPECT_FALSE(A->AST->getDiagnostics().hasErrorOccurred());
  A->TU = std::make_unique<TranslationUnitAnalysis>(A->AST->getASTContext(),
                                                    A->Opts);
  A->TU->run();
  return A;
}

/// The records of accesses on the given source line.
std::vector<const AccessRecord *> onLine(const Analysed &A, unsigned Line) {
  std::vector<const AccessRecord *> Out;
  const SourceManager &SM = A.AST->getSourceManager();
  for (const AccessRecord &R : A.TU->records())
    if (SM.getSpellingLineNumber(R.Access->Loc) == Line)
      Out.push_back(&R);
  return Out;
}

TEST(Analysis, LockGuardScopeIsTheLockset) {
  auto A = analyse(R"cpp(#include <map>
#include <mutex>
struct C {
  std::mutex mu_;
  std::map<int, int> m_;
  void f() {
    { std::lock_guard<std::mutex> g(mu_); m_[1] = 2; }
    m_.size();
  }
};
)cpp");
  auto In = onLine(*A, 7), Out = onLine(*A, 8);
  ASSERT_EQ(In.size(), 1u);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(In[0]->Held.size(), 1u);
  EXPECT_EQ(In[0]->Access->Kind, AccessKind::Write);
  EXPECT_TRUE(Out[0]->Held.empty());
  EXPECT_EQ(Out[0]->Access->Kind, AccessKind::Read);
}

TEST(Analysis, JoinEndsConcurrency) {
  auto A = analyse(R"cpp(#include <map>
#include <thread>
std::map<int, int> g;
int main() {
  g[0] = 1;
  std::thread t([] { g[1] = 2; });
  g.size();
  t.join();
  return g.size();
}
)cpp");
  ASSERT_EQ(A->TU->context().ThreadTable.size(), 1u);
  auto Before = onLine(*A, 5), During = onLine(*A, 7), After = onLine(*A, 9);
  ASSERT_EQ(Before.size(), 1u);
  ASSERT_EQ(During.size(), 1u);
  ASSERT_EQ(After.size(), 1u);
  EXPECT_TRUE(Before[0]->Live->empty());
  EXPECT_TRUE(During[0]->Live->contains(0));
  EXPECT_TRUE(After[0]->Live->empty());
  auto Body = onLine(*A, 6);
  ASSERT_EQ(Body.size(), 1u);
  ASSERT_TRUE(Body[0]->Thread.has_value());
  EXPECT_EQ(*Body[0]->Thread, 0u);
  // One race: the thread's write against the read between start and join.
  RaceDetector D(*A->TU);
  auto F = D.unguardedAccesses();
  ASSERT_EQ(F.size(), 1u);
  EXPECT_EQ(A->AST->getSourceManager().getSpellingLineNumber(F[0].Loc), 6u);
}

TEST(Analysis, LockedHelperInheritsTheCallersLock) {
  auto A = analyse(R"cpp(#include <map>
#include <mutex>
class C {
 public:
  void Put(int k) { std::lock_guard<std::mutex> g(mu_); PutLocked(k); }
  int Get(int k) { std::lock_guard<std::mutex> g(mu_); return m_.count(k); }
 private:
  void PutLocked(int k) { m_[k] = 1; }
  std::mutex mu_;
  std::map<int, int> m_;
};
)cpp");
  auto Helper = onLine(*A, 8);
  ASSERT_FALSE(Helper.empty());
  for (const AccessRecord *R : Helper)
    EXPECT_EQ(R->Held.size(), 1u);
  EXPECT_TRUE(RaceDetector(*A->TU).unguardedAccesses().empty());
}

TEST(Analysis, RepeatedCallsOfAHelperLiftItsAccessOnce) {
  auto A = analyse(R"cpp(#include <map>
#include <mutex>
std::mutex mu;
void put(std::map<int, int> &m, int k) { m[k] = 1; }
void f(std::map<int, int> &m) {
  put(m, 1);
  put(m, 2);
  { std::lock_guard<std::mutex> l(mu); put(m, 3); }
  put(m, 4);
}
)cpp");
  const auto *F = findFirst<FunctionDecl>(A->AST->getASTContext(),
                                          functionDecl(hasName("f")));
  ASSERT_NE(F, nullptr);
  const FunctionFacts *FF = A->TU->context().factsOf(F);
  ASSERT_NE(FF, nullptr);
  // Calls 1 and 2 bring the same write; call 3 holds 'mu'; call 4 comes
  // after 'mu' was released (a note the first two do not have).
  ASSERT_EQ(FF->Accesses.size(), 3u);
  EXPECT_TRUE(FF->Accesses[0].State.Acquired.empty());
  EXPECT_EQ(FF->Accesses[1].State.Acquired.size(), 1u);
  EXPECT_TRUE(FF->Accesses[2].State.Acquired.empty());
  const SourceManager &SM = A->AST->getSourceManager();
  EXPECT_EQ(SM.getSpellingLineNumber(FF->Accesses[0].CallChain.front()), 6u);
  EXPECT_EQ(SM.getSpellingLineNumber(FF->Accesses[1].CallChain.front()), 8u);
  EXPECT_EQ(SM.getSpellingLineNumber(FF->Accesses[2].CallChain.front()), 9u);
}

TEST(Analysis, CommentAndNameConventionsGiveEntryLocks) {
  auto A = buildAST(R"cpp(#include <mutex>
class C {
 public:
  // REQUIRES: mu_ is held.
  void A();
  // REQUIRES: mu_ not held.
  void B();
  void EvictLocked();
  void Unlocked();
 private:
  std::mutex mu_;
  std::mutex other_;
};
)cpp");
  AnalysisOptions Opts;
  AnalysisContext Ctx(A->getASTContext(), Opts);
  auto Method = [&](const char *N) {
    return findFirst<CXXMethodDecl>(A->getASTContext(),
                                    cxxMethodDecl(hasName(N)));
  };
  LockSet LA = inferEntryLocks(Ctx, Method("A"));
  ASSERT_EQ(LA.size(), 1u);
  EXPECT_EQ(LA.begin()->Path.display(), "mu_");
  EXPECT_TRUE(inferEntryLocks(Ctx, Method("B")).empty());
  EXPECT_EQ(inferEntryLocks(Ctx, Method("EvictLocked")).size(), 2u);
  EXPECT_TRUE(inferEntryLocks(Ctx, Method("Unlocked")).empty());
}

TEST(Analysis, PickedMembersArePartsOfTheirObject) {
  auto A = analyse(R"cpp(#include <vector>
struct Out { std::vector<int> files_; void Add(int f) { files_.push_back(f); } };
struct Part {
  Out *Outputs(bool b) { if (b) return &x_; return &y_; }
  Out *Linked(bool b) { return b ? px_ : py_; }
  Out x_, y_;
  Out *px_, *py_;
};
void viaAccessor(Part *p, bool b) { p->Outputs(b)->Add(1); }
void viaLocal(Part *p, bool b) { Out &o = b ? p->x_ : p->y_; o.Add(2); }
void viaPointers(Part *p, bool b) { p->Linked(b)->Add(3); }
)cpp");
  auto PathsIn = [&](const char *Name) {
    const auto *F = findFirst<FunctionDecl>(A->AST->getASTContext(),
                                            functionDecl(hasName(Name)));
    std::vector<std::string> Out;
    if (const FunctionFacts *FF = F ? A->TU->context().factsOf(F) : nullptr)
      for (const LocalAccess &L : FF->Accesses)
        Out.push_back(L.Path.display());
    return Out;
  };
  // The accessor and the local each name a part of *p.
  EXPECT_EQ(PathsIn("viaAccessor"),
            std::vector<std::string>{"p.Outputs().files_"});
  EXPECT_EQ(PathsIn("viaLocal"), std::vector<std::string>{"p.o.files_"});
  // Pointer members may lead to other objects: `Linked` names no part of
  // *this, so nothing is lifted onto p.
  auto Returned = [&](const char *Name) -> std::string {
    const auto *F = findFirst<FunctionDecl>(A->AST->getASTContext(),
                                            functionDecl(hasName(Name)));
    const FunctionFacts *FF = F ? A->TU->context().factsOf(F) : nullptr;
    return FF && FF->Summary.ReturnedPath ? FF->Summary.ReturnedPath->display()
                                          : "";
  };
  EXPECT_EQ(Returned("Outputs"), "Outputs()");
  EXPECT_EQ(Returned("Linked"), "");
  EXPECT_TRUE(PathsIn("viaPointers").empty());
}

TEST(Analysis, FirstElementAndLoopsFromTheSecond) {
  auto AST = buildAST(R"cpp(#include <thread>
#include <vector>
struct P { int n; };
void work(P *p);
void fill(P &p);
void first(std::vector<P> &v) {
  work(v.data()); work(&v[0]); fill(v.front()); work(&*v.begin());
  fill(v[0]); work(&v.at(0));
}
void notFirst(std::vector<P> &v) {
  work(&v[1]); fill(v.back()); work(v.data() + 1);
}
void fromOne(std::vector<P> &v) {
  for (size_t i = 1; i < v.size(); ++i) std::thread(work, &v[i]).detach();
}
void fromZero(std::vector<P> &v) {
  for (size_t i = 0; i < v.size(); ++i) std::thread(work, &v[i]).detach();
}
)cpp");
  ASTContext &Ctx = AST->getASTContext();
  auto ArgsIn = [&](const char *Fn) {
    std::vector<const Expr *> Out;
    for (const auto &R :
         match(callExpr(callee(functionDecl(hasAnyName("work", "fill"))),
                        hasAncestor(functionDecl(hasName(Fn))))
                   .bind("c"),
               Ctx))
      Out.push_back(R.getNodeAs<CallExpr>("c")->getArg(0));
    return Out;
  };
  auto NamesV = [](const Expr *E) {
    const auto *DR = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts())
                       : nullptr;
    return DR && DR->getDecl()->getName() == "v";
  };
  std::vector<const Expr *> First = ArgsIn("first");
  ASSERT_EQ(First.size(), 6u);
  for (const Expr *E : First)
    EXPECT_TRUE(NamesV(firstElementContainer(E)));
  std::vector<const Expr *> Other = ArgsIn("notFirst");
  ASSERT_EQ(Other.size(), 3u);
  for (const Expr *E : Other)
    EXPECT_EQ(firstElementContainer(E), nullptr);
  // The thread start's argument: the container when the loop starts at 1.
  auto HandedFromSecond = [&](const char *Fn) {
    const auto *F = findFirst<FunctionDecl>(Ctx, functionDecl(hasName(Fn)));
    const auto *Start = findFirst<CXXConstructExpr>(
        Ctx, cxxConstructExpr(hasType(cxxRecordDecl(hasName("thread"))),
                              hasAncestor(functionDecl(hasName(Fn)))));
    if (!F || !Start || Start->getNumArgs() < 2)
      return static_cast<const Expr *>(nullptr);
    ParentMap PM(F->getBody());
    return containerHandedFromSecond(Start->getArg(1), Start, PM);
  };
  EXPECT_TRUE(NamesV(HandedFromSecond("fromOne")));
  EXPECT_EQ(HandedFromSecond("fromZero"), nullptr);
}

} // namespace
