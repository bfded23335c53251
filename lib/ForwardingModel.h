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

/// The types of the parameters that finally receive argument I of Callee,
/// when Callee is a template instantiation whose parameter I is a
/// forwarding reference and every use of it in the body hands it on
/// unchanged to another call. std::nullopt when that is not known (no body,
/// the parameter used otherwise, too deep): the caller keeps Callee's own
/// parameter type.
std::optional<llvm::SmallVector<clang::QualType, 2>>
forwardedParamTypes(const clang::FunctionDecl *Callee, unsigned I);

} // namespace maprace

#endif
