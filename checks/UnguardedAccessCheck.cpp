#include "UnguardedAccessCheck.h"
#include "RaceDetector.h"

namespace maprace::tidy {

std::vector<Finding>
UnguardedAccessCheck::findings(const RaceDetector &D) const {
  return D.unguardedAccesses();
}

} // namespace maprace::tidy
