#include "CheckOptions.h"
#include "ProjectCallerLocks.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include <cstdlib>

namespace maprace::tidy {

const OptionSpec ListOptions[] = {
    {"Containers", &AnalysisOptions::Containers},
    {"ThreadStartFunctions", &AnalysisOptions::ThreadStartFunctions},
    {"MutexTypes", &AnalysisOptions::MutexTypes},
    {"LockFunctions", &AnalysisOptions::LockFunctions},
    {"SharedLockFunctions", &AnalysisOptions::SharedLockFunctions},
    {"UnlockFunctions", &AnalysisOptions::UnlockFunctions},
    {"ScopedLockTypes", &AnalysisOptions::ScopedLockTypes},
    {"ReaderLockTypes", &AnalysisOptions::ReaderLockTypes},
    {"LoopThreadChecks", &AnalysisOptions::LoopThreadChecks},
    {"LoopPostFunctions", &AnalysisOptions::LoopPostFunctions},
};
const size_t NumListOptions = sizeof(ListOptions) / sizeof(ListOptions[0]);

bool readAnalysisOptions(clang::tidy::ClangTidyCheck &Check,
                         const clang::tidy::ClangTidyCheck::OptionsView &View,
                         AnalysisOptions &Out) {
  bool OK = true;
  std::string Error;
  for (const OptionSpec &O : llvm::ArrayRef(ListOptions, NumListOptions)) {
    llvm::StringRef V = View.getLocalOrGlobal(O.Name, "");
    if (!parseNameList(O.Name, V, Out.*(O.List), Error)) {
      Check.configurationDiag("%0") << Error;
      OK = false;
    }
  }
  for (auto [Name, Field] : {std::pair{"MaxFunctionElements",
                                        &AnalysisOptions::MaxFunctionElements},
                              std::pair{"MaxAccessPairs",
                                        &AnalysisOptions::MaxAccessPairs}}) {
    llvm::StringRef Budget = View.getLocalOrGlobal(Name, "");
    if (!Budget.empty() && !parseUnsigned(Name, Budget, Out.*Field, Error)) {
      Check.configurationDiag("%0") << Error;
      OK = false;
    }
  }
  // The two passes of a project run (ProjectCallerLocks.h). The driver
  // sets them through the environment, so that a project's own
  // .clang-tidy stays in force.
  auto FromEnv = [](const char *Var) -> std::string {
    const char *V = std::getenv(Var);
    return V ? V : "";
  };
  Out.CallerLocksOut =
      View.getLocalOrGlobal("CallerLocksOut",
                            FromEnv("MAPRACE_CALLER_LOCKS_OUT"));
  Out.CallerLocks =
      View.getLocalOrGlobal("CallerLocks", FromEnv("MAPRACE_CALLER_LOCKS"));
  if (!Out.CallerLocksOut.empty())
    if (std::error_code EC =
            llvm::sys::fs::create_directories(Out.CallerLocksOut)) {
      Check.configurationDiag("CallerLocksOut: cannot create '%0': %1")
          << Out.CallerLocksOut << EC.message();
      Out.CallerLocksOut.clear();
      OK = false;
    }
  if (!Out.CallerLocks.empty()) {
    if (!CallerLocksSummary::cached(Out.CallerLocks, Error)) {
      Check.configurationDiag("CallerLocks: %0") << Error;
      Out.CallerLocks.clear();
      OK = false;
    }
  }
  return OK;
}

void storeAnalysisOptions(const clang::tidy::ClangTidyCheck::OptionsView &View,
                          clang::tidy::ClangTidyOptions::OptionMap &Map,
                          const AnalysisOptions &Opts) {
  for (const OptionSpec &O : llvm::ArrayRef(ListOptions, NumListOptions))
    View.store(Map, O.Name, llvm::join(Opts.*(O.List), ";"));
  View.store(Map, "MaxFunctionElements", Opts.MaxFunctionElements);
  View.store(Map, "MaxAccessPairs", Opts.MaxAccessPairs);
  View.store(Map, "CallerLocksOut", Opts.CallerLocksOut);
  View.store(Map, "CallerLocks", Opts.CallerLocks);
}

} // namespace maprace::tidy
