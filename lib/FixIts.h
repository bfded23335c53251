//===- FixIts.h - Repairs that are provably right -------------------------===//
//
// maprace offers an edit only where it cannot change what the program
// means beyond removing the race:
//   * a `std::shared_lock<M>` guarding a write becomes `std::unique_lock<M>`
//     (same constructors, same members, exclusive instead of shared);
//   * an unguarded access in a function that takes no lock at all, where
//     every other access holds one std mutex, gets a `std::lock_guard` on
//     that mutex at the start of its smallest enclosing block.
// The callers check the analysis-side conditions (no double lock, no lock
// order change); these functions check the source-side ones.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_FIXITS_H
#define MAPRACE_FIXITS_H

#include "AccessPath.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>

namespace maprace {

/// `std::shared_lock<M> lk(mu)` -> `std::unique_lock<M> lk(mu)`, if the
/// guard is only ever used through its own member functions.
std::optional<clang::FixItHint> upgradeSharedLock(const clang::VarDecl *Guard,
                                                  clang::ASTContext &AST);

/// `std::lock_guard<T> lock(mu_);` inserted before the first statement of
/// the smallest block enclosing Access, in FD; `std::shared_lock<T>` when
/// ReadOnly (FD only reads containers) and T is a reader/writer mutex.
std::optional<clang::FixItHint> insertLockGuard(const clang::Expr *Access,
                                                const clang::FunctionDecl *FD,
                                                const AccessPath &Mutex,
                                                bool ReadOnly,
                                                clang::ASTContext &AST);

} // namespace maprace

#endif
