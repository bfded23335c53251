#include "AnalysisCache.h"
#include <map>
#include <mutex>
#include <string>

namespace maprace {

namespace {
/// An analysis and its detector, released together.
struct Entry {
  explicit Entry(std::shared_ptr<const TranslationUnitAnalysis> A)
      : Analysis(std::move(A)), Races(*Analysis) {}
  std::shared_ptr<const TranslationUnitAnalysis> Analysis;
  RaceDetector Races;
};
struct Cache {
  std::mutex M;
  std::map<std::pair<const clang::ASTContext *, std::string>,
           std::shared_ptr<const Entry>>
      Entries;
};
Cache &cache() {
  static Cache C;
  return C;
}
std::shared_ptr<const Entry> entryFor(clang::ASTContext &AST,
                                      const AnalysisOptions &Opts) {
  Cache &C = cache();
  std::lock_guard<std::mutex> Lock(C.M);
  auto Key = std::make_pair(&AST, Opts.cacheKey());
  auto It = C.Entries.find(Key);
  if (It != C.Entries.end())
    return It->second;
  auto A = std::make_shared<TranslationUnitAnalysis>(AST, Opts);
  A->run();
  auto E = std::make_shared<const Entry>(std::move(A));
  C.Entries[Key] = E;
  return E;
}
} // namespace

std::shared_ptr<const RaceDetector>
raceDetectorFor(clang::ASTContext &AST, const AnalysisOptions &Opts) {
  std::shared_ptr<const Entry> E = entryFor(AST, Opts);
  return std::shared_ptr<const RaceDetector>(E, &E->Races);
}

void releaseAnalysis(clang::ASTContext &AST) {
  Cache &C = cache();
  std::lock_guard<std::mutex> Lock(C.M);
  for (auto It = C.Entries.begin(); It != C.Entries.end();)
    if (It->first.first == &AST)
      It = C.Entries.erase(It);
    else
      ++It;
}

} // namespace maprace
