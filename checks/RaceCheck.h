//===- RaceCheck.h - What every maprace clang-tidy check shares -----------===//
//
// The checks differ only in which findings of the shared analysis they
// report; options, the per-TU analysis and diagnostic emission live here.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CHECKS_RACECHECK_H
#define MAPRACE_CHECKS_RACECHECK_H

#include "AnalysisOptions.h"
#include "Finding.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace maprace {
class RaceDetector;
}

namespace maprace::tidy {

class RaceCheck : public clang::tidy::ClangTidyCheck {
public:
  RaceCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override;

protected:
  /// The findings this check reports.
  virtual std::vector<Finding> findings(const RaceDetector &D) const = 0;

private:
  AnalysisOptions Opts;
  bool OptionsValid = true;
  clang::ASTContext *LastContext = nullptr;
};

} // namespace maprace::tidy

#endif
