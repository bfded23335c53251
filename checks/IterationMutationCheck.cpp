#include "IterationMutationCheck.h"
#include "RaceDetector.h"

namespace maprace::tidy {

std::vector<Finding>
IterationMutationCheck::findings(const RaceDetector &D) const {
  return D.iterationMutations();
}

} // namespace maprace::tidy
