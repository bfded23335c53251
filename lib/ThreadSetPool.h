//===- ThreadSetPool.h - One copy of each distinct thread set -------------===//
//
// Access records carry the set of threads that may run beside them. In code
// with hundreds of thread starts these sets hold hundreds of ids and
// hundreds of thousands of records share a few thousand distinct sets, so
// records point into this pool instead of owning a copy: equal sets are one
// object, compared and hashed by address.
//
//===----------------------------------------------------------------------===//

#ifndef MAPRACE_THREADSETPOOL_H
#define MAPRACE_THREADSETPOOL_H

#include "LockSet.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"
#include <deque>

namespace maprace {

class ThreadSetPool {
public:
  ThreadSetPool() { Sets.emplace_back(); }

  /// The pooled set equal to S (added if new). Stable for the pool's life.
  const ThreadSet *intern(ThreadSet S) {
    if (S.empty())
      return &Sets.front();
    size_t H = llvm::hash_combine_range(S.begin(), S.end());
    auto &Bucket = ByHash[H];
    for (const ThreadSet *Known : Bucket)
      if (Known->sameAs(S))
        return Known;
    Sets.push_back(std::move(S));
    Bucket.push_back(&Sets.back());
    return &Sets.back();
  }
  const ThreadSet *empty() const { return &Sets.front(); }
  size_t size() const { return Sets.size(); }

private:
  std::deque<ThreadSet> Sets; ///< a deque: growing it moves no element
  llvm::DenseMap<size_t, llvm::SmallVector<const ThreadSet *, 1>> ByHash;
};

} // namespace maprace

#endif
