//===- AnalysisCache.h - One analysis per translation unit ----------------===//
//
// Every maprace check needs the same whole-TU analysis and the same racing
// pairs; the first check to ask computes them and the others reuse them. Front ends call release() when
// the translation unit ends (clang-tidy: onEndOfTranslationUnit).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ANALYSISCACHE_H
#define MAPRACE_ANALYSISCACHE_H

#include "RaceDetector.h"
#include "TranslationUnitAnalysis.h"
#include <memory>

namespace maprace {

/// The analysis of AST and its race detector, computed by the first check
/// to ask and shared by the others (the detector keeps the analysis alive).
std::shared_ptr<const RaceDetector>
raceDetectorFor(clang::ASTContext &AST, const AnalysisOptions &Opts);

void releaseAnalysis(clang::ASTContext &AST);

} // namespace maprace

#endif
