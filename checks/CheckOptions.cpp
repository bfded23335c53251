#include "CheckOptions.h"
#include "llvm/ADT/StringExtras.h"

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
  return OK;
}

void storeAnalysisOptions(const clang::tidy::ClangTidyCheck::OptionsView &View,
                          clang::tidy::ClangTidyOptions::OptionMap &Map,
                          const AnalysisOptions &Opts) {
  for (const OptionSpec &O : llvm::ArrayRef(ListOptions, NumListOptions))
    View.store(Map, O.Name, llvm::join(Opts.*(O.List), ";"));
  View.store(Map, "MaxFunctionElements", Opts.MaxFunctionElements);
  View.store(Map, "MaxAccessPairs", Opts.MaxAccessPairs);
}

} // namespace maprace::tidy
