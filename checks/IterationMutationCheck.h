//===- IterationMutationCheck.h - maprace-iteration-mutation --------------===//
//
// Reports loops over a container that can change under them: another thread
// writes it while the loop does not hold, for its whole duration, a lock
// the write holds; or the loop's own body invalidates its iterator.
// See docs/checks/iteration-mutation.md.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CHECKS_ITERATIONMUTATIONCHECK_H
#define MAPRACE_CHECKS_ITERATIONMUTATIONCHECK_H

#include "RaceCheck.h"

namespace maprace::tidy {

class IterationMutationCheck : public RaceCheck {
public:
  using RaceCheck::RaceCheck;

protected:
  std::vector<Finding> findings(const RaceDetector &D) const override;
};

} // namespace maprace::tidy

#endif
