//===- UnguardedAccessCheck.h - maprace-unguarded-access ------------------===//
//
// Reports a container access that races with another access while holding
// none of the locks that guard it. See docs/checks/unguarded-access.md.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CHECKS_UNGUARDEDACCESSCHECK_H
#define MAPRACE_CHECKS_UNGUARDEDACCESSCHECK_H

#include "AnalysisOptions.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace maprace::tidy {

class UnguardedAccessCheck : public clang::tidy::ClangTidyCheck {
public:
  UnguardedAccessCheck(llvm::StringRef Name,
                       clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override;

private:
  AnalysisOptions Opts;
  bool OptionsValid = true;
  clang::ASTContext *LastContext = nullptr;
};

} // namespace maprace::tidy

#endif
