//===- LoopElementArgs.h - A loop's own element handed to a thread --------===//
//
// `for (i = 1; i < n; ++i) pool.emplace_back(work, &states[i]);` starts one
// thread per iteration and hands each the element of its own iteration:
// the threads never share it. Recognises such an argument so that the
// thread's accesses through it are taken as that thread's own, and, when
// the loop starts at the second element, the first as the spawner's own.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_LOOPELEMENTARGS_H
#define MAPRACE_LOOPELEMENTARGS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ParentMap.h"

namespace maprace {

/// Arg, passed where the thread start Site runs in exactly one loop of the
/// function, names the element that loop's iteration picks: `&v[i]`,
/// `&v.at(i)`, `v.data() + i`, `std::ref(v[i])` with `i` the counter the
/// `for` declares and steps, or `&e` / `std::ref(e)` with `e` the reference
/// a range-for binds to each element.
bool isOwnIterationElement(const clang::Expr *Arg, const clang::Stmt *Site,
                           clang::ParentMap &PM);

/// For such an Arg in a `for` whose counter starts at a constant k >= 1:
/// the container `v` whose element the iteration picks. Its elements
/// before k go to no thread of the loop; the spawner that runs one share
/// in place (`work(states.data())`) keeps the first. Null otherwise.
const clang::Expr *containerHandedFromSecond(const clang::Expr *Arg,
                                             const clang::Stmt *Site,
                                             clang::ParentMap &PM);

/// The container whose first element E names: `v.data()`, `&v[0]`,
/// `&v.at(0)`, `&v.front()`, `&*v.begin()`, or, bound to a reference,
/// `v[0]`, `v.at(0)` and `v.front()`. Null otherwise.
const clang::Expr *firstElementContainer(const clang::Expr *E);

} // namespace maprace

#endif
