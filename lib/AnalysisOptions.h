//===- AnalysisOptions.h - User configuration of the models ---------------===//
//
// Everything a user can name to teach maprace about their code base: extra
// container types, executors that start threads, project mutex wrappers and
// lock holders that cannot be recognised by shape (their bodies live in
// another translation unit). The front ends (clang-tidy checks, the static
// analyzer checker) parse their own option strings into this struct.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_ANALYSISOPTIONS_H
#define MAPRACE_ANALYSISOPTIONS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace maprace {

struct AnalysisOptions {
  /// Class templates treated as containers, e.g. "my::ConcurrentSafeMap".
  std::vector<std::string> Containers;
  /// Functions whose callable argument runs on another thread, e.g.
  /// "ThreadPool::Submit", "boost::asio::post".
  std::vector<std::string> ThreadStartFunctions;
  /// Classes used as mutexes: lock()/unlock()-style members acquire them.
  std::vector<std::string> MutexTypes;
  /// Functions that acquire/release the mutex they are called on (member
  /// functions) or their first argument (free functions).
  std::vector<std::string> LockFunctions;
  std::vector<std::string> SharedLockFunctions;
  std::vector<std::string> UnlockFunctions;
  /// RAII holders whose constructor locks its first argument exclusively
  /// (or in shared mode) and whose destructor unlocks it.
  std::vector<std::string> ScopedLockTypes;
  std::vector<std::string> ReaderLockTypes;
  /// Event loops (EventLoopModel.h), beyond the built-in names: member
  /// functions telling or asserting that the caller runs on the object's
  /// loop thread, and member functions whose callable argument runs there.
  std::vector<std::string> LoopThreadChecks;
  std::vector<std::string> LoopPostFunctions;
  /// Functions larger than this many CFG elements are skipped (0: no limit).
  unsigned MaxFunctionElements = 20000;
  /// Races are found by comparing the records (an access in one context) of
  /// each container pairwise. A container with more pairs than this has its
  /// records thinned to the first few contexts of each access (0: no limit).
  unsigned MaxAccessPairs = 10000000;
  /// A project run in two passes (ProjectCallerLocks.h): the directory the
  /// first pass writes each unit's calls into, and the file or directory
  /// the second reads them from.
  std::string CallerLocksOut;
  std::string CallerLocks;

  /// A stable key of every field, to cache one analysis per configuration.
  std::string cacheKey() const;
};

/// Parses a ';'- or ','-separated list of qualified C++ names. On a malformed
/// entry, returns false and sets Error to a sentence naming the option and
/// the entry.
bool parseNameList(llvm::StringRef OptionName, llvm::StringRef Value,
                   std::vector<std::string> &Out, std::string &Error);

/// Parses a non-negative integer option.
bool parseUnsigned(llvm::StringRef OptionName, llvm::StringRef Value,
                   unsigned &Out, std::string &Error);

} // namespace maprace

#endif
