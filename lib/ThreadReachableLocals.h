//===- ThreadReachableLocals.h - Locals a started thread can reach -*- C++ -*-===//
//
// A local variable belongs to one run of its function: two threads running
// the function have one each. What can make it shared with another thread
// is a thread started during that run (by the function or by a callee) that
// is handed the variable. For functions that start threads, this finds the
// locals such a thread may be handed; the others stay private to the run
// (`Request req; ... ws::WebSocket ws(strm, req);` when the socket copies
// the request and only then starts its thread).
//
// A local is handed to a thread when it is mentioned (by name, by address,
// in a lambda) in a thread start, or in the object or arguments of a call
// or construction whose callee may start a thread (`w.Start()`) -- or when
// it went into another local that is: the initializer of that local
// mentions it (`auto f = [&] {...};`, `Reader r(v);`), or a member call on
// that local is given it (`svr.Get(path, [&] { body = ...; })`, then `svr`
// goes to the thread). A constructor parameter taken by const reference and
// only copied into a member (`req_(req)`) hands nothing on.
//
// Not followed: a function storing one argument into another, and, as for
// functions that start no thread, a local published into a member or a
// global that some thread reads later (maprace cannot name the local on
// that thread's side either).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_THREADREACHABLELOCALS_H
#define MAPRACE_THREADREACHABLELOCALS_H

#include "AnalysisContext.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace maprace {

/// The locals of the given functions that a thread started during their
/// run may be handed. Only the bodies of functions for which
/// MayStartThreads holds are read (the lambdas inside them included).
llvm::DenseSet<const clang::VarDecl *> threadReachableLocals(
    const AnalysisContext &Ctx,
    llvm::ArrayRef<const clang::FunctionDecl *> Functions,
    llvm::function_ref<bool(const clang::FunctionDecl *)> MayStartThreads);

} // namespace maprace

#endif
