//===- FunctionAnalyzer.h - Flow-sensitive lockset over one CFG -----------===//
//
// Walks a function's clang::CFG (implicit and temporary destructors
// included, so RAII guards release where C++ says they do) and computes, at
// every container access and call:
//   * the locks acquired in this function that are held on every path
//     (must-analysis, intersection at joins, like ThreadSafety.cpp),
//   * the caller's locks released on the way (`unlock()` in a helper),
//   * the threads started here that may still run (may-analysis, union),
//   * the thread groups joined on every path.
// Branches on try_lock()/owns_lock() acquire on the success edge only; a
// loop that joins every element of a container of threads joins the whole
// group on its exit edge.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_FUNCTIONANALYZER_H
#define MAPRACE_FUNCTIONANALYZER_H

#include "AnalysisContext.h"
#include <memory>

namespace maprace {

/// Analyses FD; callee summaries must already be in Ctx.Facts (callees are
/// analysed first; recursion sees an empty summary).
std::unique_ptr<FunctionFacts> analyzeFunction(AnalysisContext &Ctx,
                                               const clang::FunctionDecl *FD);

} // namespace maprace

#endif
