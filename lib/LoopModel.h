//===- LoopModel.h - Loops over containers and what invalidates them ------===//
//
// Recognises the three shapes of a loop over a container -- a range-for, an
// iterator loop `for (auto it = c.begin(); it != c.end(); ++it)`, and an
// algorithm over `c.begin(), c.end()` -- and, per container family, which
// mutations made by the loop body invalidate the loop's own iterator:
//
//   vector, deque, string   any insertion or erasure, resize, reserve, clear
//   unordered_*             insertion (rehash), erase of the current element
//   map, set, list          erase of the current element, clear
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_LOOPMODEL_H
#define MAPRACE_LOOPMODEL_H

#include "ContainerModel.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include <optional>
#include <string>

namespace maprace {

struct LoopShape {
  const clang::Stmt *Loop = nullptr;
  const clang::Stmt *Body = nullptr;
  /// The container expression iterated over.
  const clang::Expr *Container = nullptr;
  /// The range-for variable, or the iterator variable.
  const clang::VarDecl *Cursor = nullptr;
  /// The `c.begin()` call starting an iterator loop or an algorithm, and
  /// the `c.end()` it runs to.
  const clang::Expr *BeginCall = nullptr;
  const clang::Expr *EndCall = nullptr;
  /// The range argument of a std::ranges algorithm.
  const clang::Expr *RangeArg = nullptr;
  clang::SourceLocation Loc;
};

std::optional<LoopShape> matchRangeFor(const clang::CXXForRangeStmt *S);
std::optional<LoopShape> matchIteratorLoop(const clang::ForStmt *S);
std::optional<LoopShape> matchAlgorithm(const clang::CallExpr *CE);

/// "any_of" for std::any_of and for std::ranges::any_of (a call of the
/// function object `__any_of_fn`); empty outside namespace std.
std::string algorithmName(const clang::FunctionDecl *FD);
/// Does the algorithm modify the range it walks?
bool algorithmMutatesRange(llvm::StringRef Name);

/// Does E mention V anywhere (its bindings included)?
bool mentions(const clang::Expr *E, const clang::VarDecl *V);

/// Is E the element the cursor V stands on: `x`, `kv`, `kv.first`, `*it`,
/// `it->first`, `it` -- not `kv.first + 1`, not `it++` (already moved on)?
bool isCursorElement(const clang::Expr *E, const clang::VarDecl *V);

/// Why calling Method on a container of family F invalidates a loop over
/// it, or nothing if it does not. ErasesCurrent: the call erases the element
/// the loop stands on.
std::optional<std::string> invalidation(ContainerFamily F,
                                        llvm::StringRef Method,
                                        bool ErasesCurrent);

/// Does a write `Method` to a container of family F leave every handle
/// into it valid and every element as it was: an insertion into a
/// node-based container (std::map, std::list) moves no element, and one
/// into a hash map keeps references and pointers (a rehash invalidates only
/// its iterators). `m[k]` counts only when its result is just read
/// (AssignsElement false): `m[k] = v` may write the very element a handle
/// stands on. Any other write, and every write to a contiguous container,
/// may invalidate a handle.
bool insertionKeepsHandles(ContainerFamily F, llvm::StringRef Method,
                           bool AssignsElement, bool Iterator);

/// The mutating call is safe for the loop: `it = c.erase(it)`, or it is
/// directly followed by `break`/`return` (the loop does not go on).
bool leavesLoopSafely(const clang::Expr *Call, const clang::VarDecl *Cursor,
                      clang::ParentMap &PM);

} // namespace maprace

#endif
