//===- ReadOnlyViews.h - Constructors that keep a pointer to const -*- C++ -*-===//
//
// `CompactionIterator(..., std::vector<Seq>* snapshots, ...)` takes a
// non-const pointer, but its class keeps it as `const std::vector<Seq>*`:
// the object only reads through it. When the constructor's body is in
// another file, the call site sees only the parameter type, and passing a
// container by non-const pointer counts as a write. This looks at the
// constructor's class instead: if it has a member that views the argument's
// type through const (`const C*`, `const C&`) and no member through which
// it could write one (`C*`, `C&`, a std smart pointer to `C`), the constructor
// is taken to keep a read-only view and the argument is read.
//
// What the constructor's body itself does before storing the pointer is
// not seen (a known limit: a constructor sorting the vector it is handed
// and then keeping a pointer to const).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_READONLYVIEWS_H
#define MAPRACE_READONLYVIEWS_H

#include "clang/AST/DeclCXX.h"

namespace maprace {

/// Is Fn a constructor, whose body this translation unit does not hold,
/// that keeps its parameter Index (a non-const `C*` or `C&`) only as a read-only
/// view, judged by the members of its class?
bool constructorKeepsReadOnlyView(const clang::FunctionDecl *Fn,
                                  unsigned Index);

} // namespace maprace

#endif
