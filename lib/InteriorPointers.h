//===- InteriorPointers.h - Pointer members into their own object ---------===//
//
// A pointer member that only ever points at another member of its own
// object (`Outputs *current_ = &main_;`, later `current_ = &other_;`)
// selects a part of the object; it does not lead to another object. An
// object private to one run (a thread's own loop element, a local) keeps
// the parts reached through it private, where any other pointer member
// might lead to shared state.
//
// Decided from what the translation unit shows: every value stored into
// the member (in-class initialiser, constructor initialisers, assignments
// through `this`) is the address of a member of `this`, a null pointer, or
// a choice between those; its address is never taken, nor is it moved by
// arithmetic, nor copied by an implicit copy or move of its class that is
// used. A store written in another file is not seen (a known limit).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_INTERIORPOINTERS_H
#define MAPRACE_INTERIORPOINTERS_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseSet.h"

namespace maprace {

class InteriorPointers {
public:
  /// Value is stored into F; OnThis: through the object's own `this`.
  void noteStore(const clang::FieldDecl *F, const clang::Expr *Value,
                 bool OnThis);
  /// F's address is taken, or F is moved by arithmetic.
  void noteEscape(const clang::FieldDecl *F) { Tainted.insert(F); }

  bool isInterior(const clang::FieldDecl *F) const;

private:
  llvm::DenseSet<const clang::FieldDecl *> Clean, Tainted;
};

/// A pointer member (not a smart pointer) of some class.
const clang::FieldDecl *pointerField(const clang::Expr *E);

} // namespace maprace

#endif
