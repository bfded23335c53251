//===- EntryLockInference.h - Locks an entry point's callers hold ---------===//
//
// A function nothing in the translation unit calls is an entry point, and
// is analysed as if called with no lock held. Many are in fact internal
// helpers called from other translation units with a lock held, and code
// bases say so by convention:
//   * the `...Locked` name suffix (`PutLocked`, `evict_locked`);
//   * a comment above the declaration: `// REQUIRES: mutex_ is held`
//     (LevelDB, RocksDB, Chromium style), `// Caller must hold mu_.`
// Those locks are assumed held at entry. Comments that negate
// ("REQUIRES: mutex_ not held") assume nothing.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ENTRYLOCKINFERENCE_H
#define MAPRACE_ENTRYLOCKINFERENCE_H

#include "AnalysisContext.h"
#include "LockSet.h"

namespace maprace {

LockSet inferEntryLocks(const AnalysisContext &Ctx,
                        const clang::FunctionDecl *FD);

/// The `//` comment lines right above D's declaration (or any of its
/// redeclarations), joined with newlines.
std::string commentAbove(const clang::Decl *D);

} // namespace maprace

#endif
