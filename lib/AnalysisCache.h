//===- AnalysisCache.h - One analysis per translation unit ----------------===//
//
// Every maprace check needs the same whole-TU analysis; the first check to
// ask computes it and the others reuse it. Front ends call release() when
// the translation unit ends (clang-tidy: onEndOfTranslationUnit).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ANALYSISCACHE_H
#define MAPRACE_ANALYSISCACHE_H

#include "TranslationUnitAnalysis.h"
#include <memory>

namespace maprace {

std::shared_ptr<const TranslationUnitAnalysis>
analysisFor(clang::ASTContext &AST, const AnalysisOptions &Opts);

void releaseAnalysis(clang::ASTContext &AST);

} // namespace maprace

#endif
