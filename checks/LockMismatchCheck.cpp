#include "LockMismatchCheck.h"
#include "RaceDetector.h"

namespace maprace::tidy {

std::vector<Finding> LockMismatchCheck::findings(const RaceDetector &D) const {
  return D.lockMismatches();
}

} // namespace maprace::tidy
