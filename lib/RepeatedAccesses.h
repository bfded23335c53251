//===- RepeatedAccesses.h - One copy of an access lifted from several calls -===//
//
// A helper called at several places of one function, with the same locks
// held and the same threads running, brings the same accesses each time:
// `req.get_header_value("A"); ... req.get_header_value("B");` lifts the
// header map's reads twice. For race detection they are one access; the
// copies only multiply the records (and every caller's copies of them).
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_REPEATEDACCESSES_H
#define MAPRACE_REPEATEDACCESSES_H

#include "FunctionFacts.h"

namespace maprace {

/// Drops each access lifted from a call (non-empty CallChain) that equals
/// an earlier one in everything but the call that brought it, keeping the
/// first. Indices into Accesses (loop starts, escaped handles) are
/// renumbered. Run it after the loop facts, which look at each call site.
void dropRepeatedLiftedAccesses(FunctionFacts &F);

} // namespace maprace

#endif
