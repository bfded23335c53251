#include "AnalysisCache.h"
#include <map>
#include <mutex>
#include <string>

namespace maprace {

namespace {
struct Cache {
  std::mutex M;
  std::map<std::pair<const clang::ASTContext *, std::string>,
           std::shared_ptr<const TranslationUnitAnalysis>>
      Entries;
};
Cache &cache() {
  static Cache C;
  return C;
}
} // namespace

std::shared_ptr<const TranslationUnitAnalysis>
analysisFor(clang::ASTContext &AST, const AnalysisOptions &Opts) {
  Cache &C = cache();
  std::lock_guard<std::mutex> Lock(C.M);
  auto Key = std::make_pair(&AST, Opts.cacheKey());
  auto It = C.Entries.find(Key);
  if (It != C.Entries.end())
    return It->second;
  auto A = std::make_shared<TranslationUnitAnalysis>(AST, Opts);
  A->run();
  C.Entries[Key] = A;
  return A;
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
