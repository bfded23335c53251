//===- OnceModel.h - One-time initialisation (call_once) --------*- C++ -*-===//
//
// `std::call_once(flag, f)` runs f once; every call_once on the same flag
// returns only after f has finished. So f's accesses happen before every
// access that follows a call_once on that flag, in any thread. This is
// what a reader/writer lock on the flag would give: f runs holding the
// flag exclusively, and the code after call_once holds it shared. The
// flag is no mutex, though: it orders, it does not guard, so a finding
// never names it (AccessRecord::Ordered).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ONCEMODEL_H
#define MAPRACE_ONCEMODEL_H

#include "AccessPath.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace maprace {

/// std::call_once, absl::call_once, boost::call_once(flag, f) and
/// pthread_once(&flag, f).
struct OnceCall {
  const clang::Expr *Flag = nullptr;
  const clang::Expr *Callable = nullptr;
};

std::optional<OnceCall> classifyOnceCall(const clang::CallExpr *CE);

/// A once flag's type: std::once_flag, absl::once_flag, boost::once_flag,
/// pthread_once_t.
bool isOnceFlagType(clang::QualType T);

/// The lock is a once flag (by the type of the declaration it names).
bool isOnceFlag(const AccessPath &Lock);

} // namespace maprace

#endif
