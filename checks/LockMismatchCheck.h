//===- LockMismatchCheck.h - maprace-lock-mismatch ------------------------===//
//
// Reports races where a lock is held but it is the wrong one, or held in
// the wrong mode: a write under a reader lock, or the same container
// accessed under different mutexes. See docs/checks/lock-mismatch.md.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CHECKS_LOCKMISMATCHCHECK_H
#define MAPRACE_CHECKS_LOCKMISMATCHCHECK_H

#include "RaceCheck.h"

namespace maprace::tidy {

class LockMismatchCheck : public RaceCheck {
public:
  using RaceCheck::RaceCheck;

protected:
  std::vector<Finding> findings(const RaceDetector &D) const override;
};

} // namespace maprace::tidy

#endif
