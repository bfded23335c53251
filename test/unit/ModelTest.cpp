// The container, lock and thread models on declarations from the real
// standard library headers.
#include "ContainerModel.h"
#include "LockModel.h"
#include "TestAST.h"
#include "ThreadModel.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace maprace;
using maprace::test::buildAST;
using maprace::test::findFirst;

namespace {

const char *Code = R"cpp(
#include <map>
#include <mutex>
#include <shared_mutex>
#include <thread>
#include <unordered_map>
#include <vector>
#include <deque>
#include <queue>
#include <future>
#include <pthread.h>
class SpinLock { public: void Lock(); void Unlock(); };
class Plain { public: void Acquire(); void Release(); };
std::map<int, int> m;
std::unordered_map<int, int> um;
std::vector<int> v;
std::deque<int> d;
std::queue<int> q;
std::mutex mu;
std::shared_mutex smu;
pthread_mutex_t pmu;
SpinLock spin;
Plain plain;
int notAContainer;
void use() {
  std::lock_guard<std::mutex> g(mu);
  std::shared_lock<std::shared_mutex> s(smu);
  std::unique_lock<std::mutex> u(mu, std::defer_lock);
  std::scoped_lock sl(mu);
  m.find(1); m[1] = 2; m.insert({3, 4}); m.size(); m.erase(1);
  v[0] = 1; v.push_back(2); v.reserve(10);
  q.push(1); (void)q.front();
  pthread_mutex_lock(&pmu);
  std::thread t([] {});
  t.join();
  auto f = std::async(std::launch::deferred, [] {});
}
)cpp";

class ModelTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { AST = buildAST(Code).release(); }
  static void TearDownTestSuite() { delete AST; }
  ASTContext &ctx() { return AST->getASTContext(); }
  QualType varType(const char *Name) {
    const auto *VD = findFirst<VarDecl>(ctx(), varDecl(hasName(Name)));
    return VD ? VD->getType() : QualType();
  }
  const CXXMemberCallExpr *call(const char *Object, const char *Method) {
    return findFirst<CXXMemberCallExpr>(
        ctx(), cxxMemberCallExpr(on(declRefExpr(to(varDecl(hasName(Object))))),
                                 callee(cxxMethodDecl(hasName(Method)))));
  }
  static ASTUnit *AST;
  AnalysisOptions Opts;
};
ASTUnit *ModelTest::AST = nullptr;

TEST_F(ModelTest, RecognisesStandardContainers) {
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  ContainerModel CM(Opts);
  auto M = CM.classify(varType("m"));
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Family, ContainerFamily::Ordered);
  EXPECT_TRUE(M->SubscriptInserts);
  auto UM = CM.classify(varType("um"));
  ASSERT_TRUE(UM);
  EXPECT_EQ(UM->Family, ContainerFamily::Unordered);
  auto V = CM.classify(varType("v"));
  ASSERT_TRUE(V);
  EXPECT_FALSE(V->SubscriptInserts);
  EXPECT_TRUE(CM.classify(varType("d")));
  EXPECT_EQ(CM.classify(varType("q"))->Family, ContainerFamily::Adapter);
  EXPECT_FALSE(CM.classify(varType("notAContainer")));
  EXPECT_FALSE(CM.classify(varType("mu")));
}

TEST_F(ModelTest, ClassifiesMemberCalls) {
  ContainerModel CM(Opts);
  ContainerInfo Map = *CM.classify(varType("m"));
  ContainerInfo Vec = *CM.classify(varType("v"));
  auto Kind = [&](const char *Obj, const char *Method, ContainerInfo I) {
    const CXXMemberCallExpr *C = call(Obj, Method);
    EXPECT_TRUE(C) << Obj << "." << Method;
    return C ? CM.methodEffect(C->getMethodDecl(), I).Kind : AccessKind::Read;
  };
  EXPECT_EQ(Kind("m", "find", Map), AccessKind::Read);
  EXPECT_EQ(Kind("m", "size", Map), AccessKind::Read);
  EXPECT_EQ(Kind("m", "insert", Map), AccessKind::Write);
  EXPECT_EQ(Kind("m", "erase", Map), AccessKind::Write);
  EXPECT_EQ(Kind("v", "push_back", Vec), AccessKind::Write);
  EXPECT_EQ(Kind("v", "reserve", Vec), AccessKind::Write);
  // operator[] inserts into a map but only indexes a vector.
  const auto *MapSub = findFirst<CXXOperatorCallExpr>(
      ctx(), cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                 hasArgument(0, declRefExpr(to(varDecl(hasName("m")))))));
  const auto *VecSub = findFirst<CXXOperatorCallExpr>(
      ctx(), cxxOperatorCallExpr(hasOverloadedOperatorName("[]"),
                                 hasArgument(0, declRefExpr(to(varDecl(hasName("v")))))));
  ASSERT_TRUE(MapSub && VecSub);
  EXPECT_EQ(CM.methodEffect(cast<CXXMethodDecl>(MapSub->getDirectCallee()), Map).Kind,
            AccessKind::Write);
  EXPECT_EQ(CM.methodEffect(cast<CXXMethodDecl>(VecSub->getDirectCallee()), Vec).Kind,
            AccessKind::Read);
}

TEST_F(ModelTest, ContainersOptionAddsTypes) {
  AnalysisOptions O;
  O.Containers.push_back("SpinLock");
  ContainerModel CM(O);
  EXPECT_TRUE(CM.classify(varType("spin")));
}

TEST_F(ModelTest, RecognisesMutexes) {
  LockModel LM(Opts);
  EXPECT_TRUE(LM.isMutexType(varType("mu")));
  EXPECT_TRUE(LM.isMutexType(varType("smu")));
  EXPECT_TRUE(LM.isMutexType(varType("pmu")));
  EXPECT_TRUE(LM.isMutexType(varType("spin"))) << "Lock()/Unlock() shape";
  EXPECT_FALSE(LM.isMutexType(varType("plain"))) << "Acquire/Release alone";
  EXPECT_FALSE(LM.isMutexType(varType("m")));
}

TEST_F(ModelTest, RecognisesGuards) {
  LockModel LM(Opts);
  auto G = LM.guardType(varType("g"));
  ASSERT_TRUE(G);
  EXPECT_EQ(G->Kind, GuardKind::LockGuard);
  EXPECT_EQ(G->Mode, LockMode::Exclusive);
  auto S = LM.guardType(varType("s"));
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Mode, LockMode::Shared);
  EXPECT_EQ(LM.guardType(varType("u"))->Kind, GuardKind::UniqueLock);
  EXPECT_EQ(LM.guardType(varType("sl"))->Kind, GuardKind::ScopedLock);
  EXPECT_FALSE(LM.guardType(varType("mu")));
}

TEST_F(ModelTest, ClassifiesPthreadCalls) {
  LockModel LM(Opts);
  const auto *C = findFirst<CallExpr>(
      ctx(), callExpr(callee(functionDecl(hasName("pthread_mutex_lock")))));
  ASSERT_TRUE(C);
  auto LC = LM.classifyCall(C);
  ASSERT_TRUE(LC);
  EXPECT_EQ(LC->Op, LockCall::Acquire);
  ASSERT_EQ(LC->Mutexes.size(), 1u);
  EXPECT_EQ(LC->Mutexes[0].E, C->getArg(0));
}

TEST_F(ModelTest, RecognisesThreadStartsAndJoins) {
  ThreadModel TM(Opts);
  const auto *Ctor = findFirst<CXXConstructExpr>(
      ctx(), cxxConstructExpr(hasType(cxxRecordDecl(hasName("::std::thread"))),
                              hasAncestor(functionDecl(hasName("use")))));
  ASSERT_TRUE(Ctor);
  auto S = TM.classifyStart(Ctor);
  ASSERT_TRUE(S);
  EXPECT_EQ(S->Kind, StartKind::Thread);
  auto Target = ThreadModel::resolveCallable(S->Callable, S->Args);
  ASSERT_TRUE(Target);
  EXPECT_TRUE(Target->Lambda);
  const auto *Join = call("t", "join");
  ASSERT_TRUE(Join);
  EXPECT_TRUE(ThreadModel::joinTarget(Join));
  // std::launch::deferred runs in the caller: not a thread.
  const auto *Async = findFirst<CallExpr>(
      ctx(), callExpr(callee(functionDecl(hasName("::std::async"))),
                      hasAncestor(functionDecl(hasName("use")))));
  ASSERT_TRUE(Async);
  EXPECT_FALSE(TM.classifyStart(Async));
}

} // namespace
