//===- PathResolver.h - From expressions to AccessPaths -------------------===//
//
// Turns `this->cache_`, `g_map`, `p->m`, `shards_[i]`, `*ptr_`, `std::ref(m)`
// into AccessPaths, following local references and pointers back to what
// they were initialised with (`auto &m = shard.map;`), range-for variables
// to "an element of the range", and dropping variables a lambda captured by
// copy (each thread then has its own).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_PATHRESOLVER_H
#define MAPRACE_PATHRESOLVER_H

#include "AccessPath.h"
#include "InteriorPointers.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>
#include <optional>

namespace maprace {

/// Syntactic facts about the whole translation unit, gathered in one walk.
struct SyntaxIndex {
  /// Range-for loop variables and their loops.
  llvm::DenseMap<const clang::VarDecl *, const clang::CXXForRangeStmt *>
      LoopVarRange;
  /// Local pointers that are reassigned or whose address is taken: they are
  /// not followed back to their initialiser.
  llvm::DenseSet<const clang::VarDecl *> ReassignedVars;
  /// Local pointers declared without an initialiser and assigned exactly
  /// once (`std::mutex *held; ... held = lk.release();`): that value.
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> SingleAssignment;
  /// Pointer members that only point into their own object.
  InteriorPointers Interior;
};

class PathResolver {
public:
  PathResolver(const SyntaxIndex &Index, const clang::FunctionDecl *Context)
      : Index(Index), Context(Context) {}

  std::optional<AccessPath> resolve(const clang::Expr *E) const {
    return resolveImpl(E, 0);
  }

  /// VD is seen from Context through a by-copy lambda capture.
  bool isPrivateCopy(const clang::VarDecl *VD) const;
  /// `this` in Context is a lambda's copy of the object (`[*this]`).
  bool thisIsCopy() const;

  /// Resolves calls that return a reference to a known object (accessors,
  /// `static Map &instance()`): set by the function analyzer from callee
  /// summaries.
  std::function<std::optional<AccessPath>(const clang::CallExpr *)> CallPath;

  const clang::FunctionDecl *context() const { return Context; }

private:
  std::optional<AccessPath> resolveImpl(const clang::Expr *E,
                                        unsigned Depth) const;
  std::optional<AccessPath> resolveVar(const clang::VarDecl *VD,
                                       unsigned Depth) const;
  const SyntaxIndex &Index;
  const clang::FunctionDecl *Context;
  mutable llvm::DenseMap<const clang::VarDecl *, std::optional<AccessPath>>
      AliasCache;
};

/// True for the compiler's hidden range-for variables (__range1, __begin1).
bool isImplicitRangeVar(const clang::VarDecl *VD);

/// std::unique_ptr or std::shared_ptr.
bool isSmartPointer(clang::QualType T);

/// std::shared_ptr or std::weak_ptr: copies share the object.
bool isSharedPointer(clang::QualType T);

/// `nullptr`, `NULL`, `0`, `(T *)0`: a pointer argument that binds no object
/// (clang's own test, one name for the two places that ask).
bool isNullPointerConstant(const clang::Expr *E, clang::ASTContext &AST);

/// A raw pointer or a reference (or, if asked, a std smart pointer): what
/// it names may be some other object's.
bool isIndirection(clang::QualType T, bool SmartPointers);

/// Does a field step of P go through such an indirection?
bool stepsThroughIndirection(const AccessPath &P, bool SmartPointers,
                             const InteriorPointers *Interior = nullptr);

/// The part of one object that either of A and B names, labelled Part (the
/// accessor that picks it, or the local reference bound to `b ? x.a_ :
/// x.b_`): AccessPath::enclosing, provided neither path leaves the
/// object it shares with the other through a pointer or reference member
/// (`b ? pa_ : pb_` may name other objects). Nothing otherwise.
std::optional<AccessPath> pickedPart(const AccessPath &A, const AccessPath &B,
                                     const clang::ValueDecl *Part);

/// The function whose every run has its own copy of what P names: P is (a
/// member held by value of) a local object of that function, not a
/// reference or pointer, smart or not, and not static. Null otherwise.
const clang::FunctionDecl *runLocalOwner(const AccessPath &P);

} // namespace maprace

#endif
