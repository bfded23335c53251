//===- AccessPath.h - Identity of containers and mutexes ------------------===//
//
// An AccessPath names an object the analysis cares about (a container, a
// mutex, a thread handle) the way ThreadSafety.cpp's til::SExpr names a
// capability: a root plus a chain of fields.
//
//   this->cache_         This  . cache_
//   g_registry.mu        Global(g_registry) . mu
//   shards_[i].map       This  . shards_ . [] . map   ([] = any element)
//   (*p).m, p->m         Var(p) . m                   (pointers look through)
//   p->pick(b)->m        Var(p) . pick() . m          (an accessor returning
//                                                      one of p's members)
//   o.m, o = b ? p->x : p->y   Var(p) . o . m         (a local reference
//                                                      picking one of them)
//
// `this`-rooted paths are field-based: every instance of a class shares one
// identity (RacerD makes the same abstraction), which is what lets accesses
// in different member functions meet.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ACCESSPATH_H
#define MAPRACE_ACCESSPATH_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <optional>
#include <string>

namespace maprace {

enum class RootKind : unsigned char {
  Global, ///< namespace-scope, static member or function-local static
  This,   ///< the implicit object of a member function (field-based)
  Var,    ///< a local variable or a parameter
};

class AccessPath {
public:
  AccessPath() = default;
  static AccessPath global(const clang::VarDecl *VD) {
    return AccessPath(RootKind::Global, VD);
  }
  static AccessPath var(const clang::VarDecl *VD) {
    return AccessPath(RootKind::Var, VD);
  }
  static AccessPath thisOf(const clang::CXXRecordDecl *RD) {
    return AccessPath(RootKind::This, RD);
  }

  RootKind kind() const { return Kind; }
  const clang::Decl *root() const { return Root; }
  /// Each step is a FieldDecl, or null for "any element" ([]), or a
  /// member function (a loop-thread role, or the accessor that picks a
  /// part), or a local reference that picks one (`auto &o = b ? a_ : b_;`).
  llvm::ArrayRef<const clang::ValueDecl *> steps() const { return Steps; }

  AccessPath withField(const clang::ValueDecl *F) const {
    AccessPath P = *this;
    P.Steps.push_back(F);
    return P;
  }
  AccessPath withElement() const { return withField(nullptr); }
  /// Appends the steps of Suffix (whose root is ignored).
  AccessPath withSteps(llvm::ArrayRef<const clang::ValueDecl *> Suffix) const {
    AccessPath P = *this;
    P.Steps.append(Suffix.begin(), Suffix.end());
    return P;
  }

  /// The parameter this path is rooted at, if any.
  const clang::ParmVarDecl *param() const {
    return Kind == RootKind::Var ? llvm::dyn_cast<clang::ParmVarDecl>(Root)
                                 : nullptr;
  }
  const clang::VarDecl *var() const {
    return Kind == RootKind::This ? nullptr
                                  : llvm::cast<clang::VarDecl>(Root);
  }
  /// For paths whose last step is a field or whose root is a variable: the
  /// declaration a user would call "the container".
  const clang::NamedDecl *leafDecl() const;

  bool isPrefixOf(const AccessPath &Other) const;

  /// The object two paths both lie in: A itself when they are equal, else
  /// their common prefix followed by Part, what picks one of them
  /// (`b ? &first_ : &second_` in accessor `Outputs(b)` is `Outputs()` of
  /// *this). Nothing when their roots differ.
  static std::optional<AccessPath> enclosing(const AccessPath &A,
                                             const AccessPath &B,
                                             const clang::ValueDecl *Part);
  /// Steps of this path past the first N.
  llvm::ArrayRef<const clang::ValueDecl *> stepsFrom(size_t N) const {
    return llvm::ArrayRef<const clang::ValueDecl *>(Steps).drop_front(
        std::min(N, Steps.size()));
  }

  /// "cache_", "g_registry.mu", "shards_[].map".
  std::string display() const;
  /// The same with the class of a member of `this`: "Cache::mu_".
  std::string qualifiedDisplay() const;

  bool operator==(const AccessPath &O) const;
  bool operator!=(const AccessPath &O) const { return !(*this == O); }
  size_t hash() const;

private:
  AccessPath(RootKind K, const clang::Decl *R) : Kind(K), Root(R) {}
  RootKind Kind = RootKind::Global;
  const clang::Decl *Root = nullptr;
  llvm::SmallVector<const clang::ValueDecl *, 2> Steps;
};

struct AccessPathHash {
  size_t operator()(const AccessPath &P) const { return P.hash(); }
};

} // namespace maprace

#endif
