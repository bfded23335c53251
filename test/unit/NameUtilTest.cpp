// Qualified names as the models compare them: inline namespaces (libstdc++'s
// std::__cxx11) left out, anonymous namespaces spelled "(anonymous)".
#include "NameUtil.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using maprace::hasQualifiedName;
using maprace::qualifiedName;
using maprace::test::buildAST;
using maprace::test::findFirst;

namespace {

const char *Code = R"cpp(
#include <string>
#include <thread>
namespace lib { inline namespace v2 { struct thread {}; } }
namespace other { namespace std { struct thread {}; } }
namespace { struct Hidden { struct Inner {}; }; }
struct Outer { struct thread {}; };
)cpp";

class NameUtilTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { AST = buildAST(Code).release(); }
  static void TearDownTestSuite() { delete AST; }
  /// The record named QN (clang's own spelling, inline namespaces included).
  const NamedDecl *record(const char *QN) {
    return findFirst<CXXRecordDecl>(AST->getASTContext(),
                                    cxxRecordDecl(hasName(QN)));
  }
  static ASTUnit *AST;
};
ASTUnit *NameUtilTest::AST = nullptr;

TEST_F(NameUtilTest, MatchesTheNameQualifiedNameSpells) {
  const NamedDecl *Thread = record("::std::thread");
  ASSERT_TRUE(Thread);
  EXPECT_TRUE(hasQualifiedName(Thread, {"std::thread"}));
  EXPECT_TRUE(hasQualifiedName(Thread, {"boost::thread", "std::thread"}));
  EXPECT_FALSE(hasQualifiedName(Thread, {"thread"}));
  EXPECT_FALSE(hasQualifiedName(Thread, {"x::std::thread"}));
  EXPECT_FALSE(hasQualifiedName(Thread, {"std::jthread"}));

  // std::__cxx11::basic_string: the inline namespace is not spelled.
  const NamedDecl *Str = record("::std::basic_string");
  ASSERT_TRUE(Str);
  EXPECT_EQ(qualifiedName(Str), "std::basic_string");
  EXPECT_TRUE(hasQualifiedName(Str, {"std::basic_string"}));
  EXPECT_FALSE(hasQualifiedName(Str, {"std::__cxx11::basic_string"}));

  const NamedDecl *Lib = record("::lib::v2::thread");
  ASSERT_TRUE(Lib);
  EXPECT_TRUE(hasQualifiedName(Lib, {"lib::thread"}));
  EXPECT_FALSE(hasQualifiedName(Lib, {"std::thread"}));

  // A namespace called std inside another is not std.
  const NamedDecl *Other = record("::other::std::thread");
  ASSERT_TRUE(Other);
  EXPECT_FALSE(hasQualifiedName(Other, {"std::thread"}));
  EXPECT_TRUE(hasQualifiedName(Other, {"other::std::thread"}));

  const NamedDecl *Member = record("::Outer::thread");
  ASSERT_TRUE(Member);
  EXPECT_TRUE(hasQualifiedName(Member, {"Outer::thread"}));
  EXPECT_FALSE(hasQualifiedName(Member, {"std::thread"}));

  const NamedDecl *Inner = findFirst<CXXRecordDecl>(
      AST->getASTContext(), cxxRecordDecl(hasName("Inner")));
  ASSERT_TRUE(Inner);
  EXPECT_EQ(qualifiedName(Inner), "(anonymous)::Hidden::Inner");
  EXPECT_TRUE(hasQualifiedName(Inner, {"(anonymous)::Hidden::Inner"}));
  EXPECT_FALSE(hasQualifiedName(Inner, {"Hidden::Inner"}));
}

} // namespace
