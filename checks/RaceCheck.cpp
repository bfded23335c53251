#include "RaceCheck.h"
#include "NameUtil.h"
#include "AnalysisCache.h"
#include "CheckOptions.h"
#include "RaceDetector.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace maprace::tidy {

RaceCheck::RaceCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  OptionsValid = readAnalysisOptions(*this, Options, Opts);
}

void RaceCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Map) {
  storeAnalysisOptions(Options, Map, Opts);
}

void RaceCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis is whole-translation-unit: match once.
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void RaceCheck::check(const MatchFinder::MatchResult &Result) {
  if (!OptionsValid || !Result.Context)
    return;
  // Code that does not compile has an incomplete AST: clang already reports
  // the errors, and a race report on top of them would be noise.
  if (Result.Context->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  LastContext = Result.Context;
  std::shared_ptr<const RaceDetector> Races =
      raceDetectorFor(*Result.Context, Opts);
  const TranslationUnitAnalysis *A = &Races->analysis();
  for (const Finding &F : findings(*Races)) {
    {
      DiagnosticBuilder D = diag(F.Loc, "%0");
      D << F.Message;
      for (const FixItHint &Fix : F.Fixes)
        D << Fix;
    }
    for (const FindingNote &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
  // A budget cut the analysis short: say so, where, so that silence is not
  // taken for a clean bill.
  if (!A->claimSkipReport())
    return;
  for (const FunctionFacts *FF : A->skippedFunctions())
    if (FF->FD && FF->FD->hasBody())
      diag(FF->FD->getLocation(),
           "maprace did not analyse '%0': %1; its container accesses are "
           "not checked (raise MaxFunctionElements to analyse it)",
           DiagnosticIDs::Remark)
          << functionDisplayName(FF->FD) << FF->SkipReason;
  // One remark for all thinned containers, naming the largest.
  const auto &Thinned = A->thinnedContainers();
  if (!Thinned.empty()) {
    const auto *Largest = &Thinned.front();
    for (const auto &T : Thinned)
      if (T.Total > Largest->Total)
        Largest = &T;
    diag(Thinned.front().First->Access->Loc,
         "maprace compared only part of the records (an access in one "
         "calling context) of %0 container%s0, over the budget of %1 pairs "
         "each (the largest: '%2', %3 of %4 records); some races on %select{"
         "it|them}5 may be missed (raise MaxAccessPairs to compare all)",
         DiagnosticIDs::Remark)
        << static_cast<unsigned>(Thinned.size())
        << A->context().Opts.MaxAccessPairs << Largest->Path.display()
        << static_cast<unsigned>(Largest->Compared)
        << static_cast<unsigned>(Largest->Total)
        << (Thinned.size() > 1 ? 1 : 0);
  }
}

void RaceCheck::onEndOfTranslationUnit() {
  if (LastContext)
    releaseAnalysis(*LastContext);
  LastContext = nullptr;
}

} // namespace maprace::tidy
