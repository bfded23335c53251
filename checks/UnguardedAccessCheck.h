//===- UnguardedAccessCheck.h - maprace-unguarded-access ------------------===//
//
// Reports a container access that races with another access while holding
// no lock at all. See docs/checks/unguarded-access.md.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CHECKS_UNGUARDEDACCESSCHECK_H
#define MAPRACE_CHECKS_UNGUARDEDACCESSCHECK_H

#include "RaceCheck.h"

namespace maprace::tidy {

class UnguardedAccessCheck : public RaceCheck {
public:
  using RaceCheck::RaceCheck;

protected:
  std::vector<Finding> findings(const RaceDetector &D) const override;
};

} // namespace maprace::tidy

#endif
