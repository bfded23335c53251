// The names a project run's two passes share: function keys stable across
// translation units, locks as text in the callee's terms and back.
#include "ProjectCallerLocks.h"
#include "TestAST.h"
#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace maprace;
using maprace::test::buildAST;
using maprace::test::findFirst;

namespace {

const char *Code = R"cpp(
#include <mutex>
#include <string>
struct Base { std::mutex base_mu; };
struct Inner { std::mutex mu; };
struct Store : Base {
  void insert(const std::string &k, int v) const;
  void withLock(Inner &in, int n);
  static void make();
  template <typename T> void generic(T t) {}
  std::mutex mu_;
  Inner inner_;
  Inner *other_;
};
template <typename T> struct Box { void put(T t) {} };
namespace { void hidden(int) {} }
static void local(int) {}
void free_fn(int *p, Store &s);
auto lambda = [](int) {};
)cpp";

class ProjectCallerLocksTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { AST = buildAST(Code).release(); }
  static void TearDownTestSuite() { delete AST; }
  const FunctionDecl *fn(const char *QN) {
    return findFirst<FunctionDecl>(AST->getASTContext(),
                                   functionDecl(hasName(QN)));
  }
  const FieldDecl *field(const char *QN) {
    return findFirst<FieldDecl>(AST->getASTContext(), fieldDecl(hasName(QN)));
  }
  static ASTUnit *AST;
};
ASTUnit *ProjectCallerLocksTest::AST = nullptr;

TEST_F(ProjectCallerLocksTest, KeysNameFunctionsOtherFilesCanCall) {
  EXPECT_EQ(crossUnitKey(fn("::Store::insert")),
            "Store::insert(const std::basic_string<char> &, int) const");
  EXPECT_EQ(crossUnitKey(fn("::free_fn")), "free_fn(int *, Store &)");
  EXPECT_EQ(crossUnitKey(fn("::Store::make")), "Store::make()");
}

TEST_F(ProjectCallerLocksTest, NoKeyForWhatOtherFilesCannotName) {
  EXPECT_EQ(crossUnitKey(fn("::Store::generic")), "");
  EXPECT_EQ(crossUnitKey(fn("::Box::put")), "");
  EXPECT_EQ(crossUnitKey(fn("hidden")), "");
  EXPECT_EQ(crossUnitKey(fn("::local")), "");
  const auto *Lambda = findFirst<CXXMethodDecl>(
      AST->getASTContext(), cxxMethodDecl(ofClass(cxxRecordDecl(isLambda()))));
  ASSERT_TRUE(Lambda);
  EXPECT_EQ(crossUnitKey(Lambda), "");
  EXPECT_EQ(crossUnitKey(fn("::std::mutex::lock")), ""); // system header
}

TEST_F(ProjectCallerLocksTest, LocksRoundTripInTheCalleesTerms) {
  const FunctionDecl *Insert = fn("::Store::insert");
  const FunctionDecl *WithLock = fn("::Store::withLock");
  ASSERT_TRUE(Insert && WithLock);
  const auto *Store = cast<CXXMethodDecl>(Insert)->getParent();
  AccessPath Own = AccessPath::thisOf(Store).withField(field("::Store::mu_"));
  AccessPath FromBase =
      AccessPath::thisOf(Store).withField(field("::Base::base_mu"));
  AccessPath Nested = AccessPath::thisOf(Store)
                          .withField(field("::Store::inner_"))
                          .withField(field("::Inner::mu"));
  AccessPath Param = AccessPath::var(WithLock->getParamDecl(0))
                         .withField(field("::Inner::mu"));
  LockSet L;
  L.add({Own, LockMode::Exclusive});
  L.add({FromBase, LockMode::Shared});
  L.add({Nested, LockMode::Exclusive});
  auto Text = locksAsText(L, Insert);
  ASSERT_EQ(Text.size(), 3u);
  EXPECT_EQ(Text[0].first, "this.base_mu");
  EXPECT_EQ(Text[0].second, LockMode::Shared);
  EXPECT_EQ(Text[1].first, "this.inner_.mu");
  EXPECT_EQ(Text[2].first, "this.mu_");
  for (const auto &[T, M] : Text) {
    std::optional<AccessPath> P = lockFromText(T, Insert);
    ASSERT_TRUE(P) << T;
    EXPECT_TRUE(L.contains(*P)) << T;
  }
  LockSet LP;
  LP.add({Param, LockMode::Exclusive});
  auto PText = locksAsText(LP, WithLock);
  ASSERT_EQ(PText.size(), 1u);
  EXPECT_EQ(PText[0].first, "param0.mu");
  EXPECT_EQ(lockFromText("param0.mu", WithLock), Param);
}

TEST_F(ProjectCallerLocksTest, CallersOwnMembersAreNamedByTheirClass) {
  const FunctionDecl *Insert = fn("::Store::insert");
  // A caller's own member held around the call (field-based paths pass it
  // through a call unchanged): named by its class, found again by name.
  AccessPath Foreign = AccessPath::thisOf(cast<CXXMethodDecl>(Insert)->getParent())
                           .withField(field("::Inner::mu"));
  LockSet L;
  L.add({Foreign, LockMode::Exclusive});
  auto Text = locksAsText(L, Insert);
  ASSERT_EQ(Text.size(), 1u);
  EXPECT_EQ(Text[0].first, "@Inner.mu");
  ClassIndex Classes(AST->getASTContext());
  auto Find = [&](llvm::StringRef QN) { return Classes.find(QN); };
  EXPECT_EQ(lockFromText("@Inner.mu", Insert, Find), Foreign);
  EXPECT_FALSE(lockFromText("@Inner.mu", Insert)); // no class look-up
  EXPECT_FALSE(lockFromText("@Missing.mu", Insert, Find));
  EXPECT_FALSE(lockFromText("@Inner.nope", Insert, Find));
}

TEST_F(ProjectCallerLocksTest, NamesThatAreNotTheCalleesDoNotResolve) {
  const FunctionDecl *Insert = fn("::Store::insert");
  const FunctionDecl *Free = fn("::free_fn");
  EXPECT_FALSE(lockFromText("this.nope", Insert));
  EXPECT_FALSE(lockFromText("this.mu_", Free)); // no `this`
  EXPECT_FALSE(lockFromText("param7.mu", Free));
  EXPECT_FALSE(lockFromText("global.mu", Insert));
  EXPECT_FALSE(lockFromText("this", Insert));
}

TEST_F(ProjectCallerLocksTest, EntryPointsSeeTheirOwnObjects) {
  EXPECT_EQ(identityBinding(fn("Store::withLock")),
            (BindingText{{"this", "this"},
                         {"param0", "param0"},
                         {"param1", "param1"}}));
  EXPECT_EQ(identityBinding(fn("Store::make")), BindingText{});
  EXPECT_EQ(identityBinding(fn("::free_fn")),
            (BindingText{{"param0", "param0"}, {"param1", "param1"}}));
}

} // namespace

namespace {

TEST(ProjectCallerLocksBinding, BindingsComposeDownACallChain) {
  // The entry point's param0 is the helper's `this`; its `this` the
  // helper's param1.
  BindingText RootToHelper = {{"param0", "this"},
                              {"this", "param1"},
                              {"this", "@Replay"}};
  // The helper calls journal_->mark(param1->inner_), a call on its own
  // object's member, and hands on a local the entry point cannot name.
  BindingText HelperToCallee = {{"this.journal_", "this"},
                                {"param1.inner_", "param0"},
                                {"param2", "param1"},
                                {"this", "@Helper"}};
  EXPECT_EQ(composeBindings(RootToHelper, HelperToCallee),
            (BindingText{{"param0.journal_", "this"},
                         {"this.inner_", "param0"},
                         {"param0", "@Helper"}}));
  // A member the entry point names by class, handed on: by its place in
  // the entry point's object.
  EXPECT_EQ(composeBindings({{"this", "@Db"}}, {{"@Db.heap_", "this"}}),
            (BindingText{{"this.heap_", "this"}}));
  // Prefixes match whole steps only.
  EXPECT_EQ(composeBindings({{"param0", "this"}}, {{"thisx", "this"}}),
            BindingText{});
  EXPECT_EQ(composeBindings({}, HelperToCallee), BindingText{});
}

TEST(ProjectCallerLocksBinding, BindingsIntersectInOrder) {
  BindingText Into = {{"param0", "this"}, {"this", "param0"}, {"a", "b"}};
  EXPECT_FALSE(intersectBindings(Into, {{"a", "b"},
                                        {"this", "param0"},
                                        {"param0", "this"}}));
  EXPECT_TRUE(intersectBindings(Into, {{"a", "b"}, {"param0", "param1"}}));
  EXPECT_EQ(Into, (BindingText{{"a", "b"}}));
}

TEST(ProjectCallerLocksBinding, LocksAreRenamedByTheLongestBinding) {
  BindingText B = {{"this.journal_", "this"}, {"param0", "param1"},
                   {"this", "@Driver"}};
  EXPECT_EQ(throughBinding("this.journal_.mu_", B), "this.mu_");
  EXPECT_EQ(throughBinding("param0.inner.mu", B), "param1.inner.mu");
  EXPECT_EQ(throughBinding("this.idle_mu_", B), "@Driver.idle_mu_");
  EXPECT_EQ(throughBinding("@ns::Db.mu_", B), "@ns::Db.mu_");
  EXPECT_FALSE(throughBinding("param2.mu", B));  // not passed on
  EXPECT_FALSE(throughBinding("param0", B));     // a whole object
  EXPECT_FALSE(throughBinding("this.journal_mu", {{"this.journal_", "this"}}));
}

/// A summary read from Text, written to a file of its own.
std::unique_ptr<CallerLocksSummary> summaryOf(llvm::StringRef Text) {
  llvm::SmallString<128> Path;
  int FD;
  EXPECT_FALSE(llvm::sys::fs::createTemporaryFile("calls", "locks", FD, Path));
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  std::string Error;
  auto S = CallerLocksSummary::load(Path, Error);
  EXPECT_EQ(Error, "");
  llvm::sys::fs::remove(Path);
  return S;
}

std::vector<std::string> names(
    const std::vector<std::pair<std::string, LockMode>> *Locks) {
  std::vector<std::string> Out;
  if (Locks)
    for (const auto &[Text, Mode] : *Locks)
      Out.push_back(Text + (Mode == LockMode::Shared ? "=s" : "=x"));
  return Out;
}

TEST(ProjectCallerLocksBinding, CallsFromEntryPointsAddTheirCallersLocks) {
  auto S = summaryOf(
      // run() is called with its journal's mutex held; it calls step() on
      // its replay_, handing it the journal; step() calls record().
      "Driver::run()\tthis.journal_.mu_=x\tthis.stats_=s\n"
      "Replay::step(Journal *)\t~via=Driver::run()\t~bind=this.replay_>this"
      "\t~bind=this.journal_>param0\t~bind=this>@Driver\n"
      "Journal::record()\t~via=Replay::step(Journal *)\t~bind=param0>this\n"
      // Also called plainly without the lock elsewhere: none is left.
      "Journal::note()\t~via=Replay::step(Journal *)\t~bind=param0>this\n"
      "Journal::note()\n"
      // From an entry point nobody records a call of: its own locks only.
      "Journal::trim()\tthis.mu_=x\t~via=compact()\t~bind=param0>this\n");
  ASSERT_TRUE(S);
  EXPECT_EQ(names(S->locksAt("Replay::step(Journal *)")),
            (std::vector<std::string>{"@Driver.stats_=s", "param0.mu_=x"}));
  // A member of a named class keeps its name, level after level.
  EXPECT_EQ(names(S->locksAt("Journal::record()")),
            (std::vector<std::string>{"@Driver.stats_=s", "this.mu_=x"}));
  EXPECT_EQ(names(S->locksAt("Journal::note()")), std::vector<std::string>{});
  EXPECT_EQ(names(S->locksAt("Journal::trim()")),
            (std::vector<std::string>{"this.mu_=x"}));
}

TEST(ProjectCallerLocksBinding, CyclesBetweenEntryPointsEnd) {
  auto S = summaryOf("A()\tthis.a=x\t~via=B()\t~bind=this>this\n"
                     "B()\tthis.b=x\t~via=A()\t~bind=this>this\n");
  ASSERT_TRUE(S);
  // Each has its own lock and what the other adds before the cycle closes.
  EXPECT_EQ(names(S->locksAt("A()")),
            (std::vector<std::string>{"this.a=x", "this.b=x"}));
  EXPECT_FALSE(names(S->locksAt("B()")).empty());
}

} // namespace
