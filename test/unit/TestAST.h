// Builds an AST from a snippet compiled against the real standard headers.
#ifndef MAPRACE_TEST_TESTAST_H
#define MAPRACE_TEST_TESTAST_H

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <memory>
#include <string>

namespace maprace::test {

inline std::unique_ptr<clang::ASTUnit> buildAST(const std::string &Code) {
  return clang::tooling::buildASTFromCodeWithArgs(
      Code, {"-std=c++20", "-resource-dir=" MAPRACE_RESOURCE_DIR}, "input.cpp",
      "clang-tool");
}

/// The first node bound to "x" by Matcher.
template <typename NodeT, typename MatcherT>
const NodeT *findFirst(clang::ASTContext &Ctx, MatcherT Matcher) {
  auto Results = clang::ast_matchers::match(Matcher.bind("x"), Ctx);
  for (const auto &R : Results)
    if (const auto *N = R.template getNodeAs<NodeT>("x"))
      return N;
  return nullptr;
}

} // namespace maprace::test

#endif
