//===- Finding.h - A diagnostic the analysis wants to emit ----------------===//
//
// The analysis never prints (the handler pattern of ThreadSafety.cpp): it
// returns Findings, and each front end (clang-tidy check, static analyzer
// checker, tests) decides how to show them.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_FINDING_H
#define MAPRACE_FINDING_H

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace maprace {

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  enum Kind { UnguardedAccess, LockMismatch, IterationMutation } K = UnguardedAccess;
  clang::SourceLocation Loc;
  std::string Message;
  std::vector<FindingNote> Notes;
  /// Edits that provably repair the race (applied by clang-tidy -fix).
  std::vector<clang::FixItHint> Fixes;
};

} // namespace maprace

#endif
