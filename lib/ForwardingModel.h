//===- ForwardingModel.h - Where a forwarded argument ends up ---*- C++ -*-===//
//
// `std::make_unique<T>(c)` takes `c` by forwarding reference (`Args&&`),
// which for an lvalue is a non-const reference; what happens to `c` is
// decided by T's constructor, several calls down (make_shared goes through
// seven). This follows `std::forward(p)` / `std::move(p)` / `p` from a
// template's parameter into the functions and constructors that receive it,
// in the instantiated bodies, and returns the parameter types at the end of
// the chain.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_FORWARDINGMODEL_H
#define MAPRACE_FORWARDINGMODEL_H

#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace maprace {

/// A parameter that finally receives a forwarded argument: its type, and the
/// function and index it belongs to (Fn is null for a scalar constructed
/// by `new U(std::forward<A>(a))`, which receives it by value).
struct ForwardedReceiver {
  clang::QualType Type;
  const clang::FunctionDecl *Fn = nullptr;
  unsigned Index = 0;
};

/// The parameters that finally receive argument I of Callee, when Callee
/// is a template instantiation whose parameter I is a forwarding reference
/// and every use of it in the body hands it on unchanged to another call.
/// std::nullopt when that is not known (no body, the parameter used
/// otherwise, too deep): the caller keeps Callee's own parameter type.
std::optional<llvm::SmallVector<ForwardedReceiver, 2>>
forwardedReceivers(const clang::FunctionDecl *Callee, unsigned I);

} // namespace maprace

#endif
