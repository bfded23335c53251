//===- CheckOptions.h - Reading maprace options in a clang-tidy check -----===//
#ifndef MAPRACE_CHECKS_CHECKOPTIONS_H
#define MAPRACE_CHECKS_CHECKOPTIONS_H

#include "AnalysisOptions.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace maprace::tidy {

/// The options every maprace check understands (they configure the shared
/// models, so each is looked up locally and then globally).
struct OptionSpec {
  const char *Name;
  std::vector<std::string> AnalysisOptions::*List;
};
extern const OptionSpec ListOptions[];
extern const size_t NumListOptions;

/// Parses the options; on a malformed value emits a configuration error
/// through the check and returns false.
bool readAnalysisOptions(clang::tidy::ClangTidyCheck &Check,
                         const clang::tidy::ClangTidyCheck::OptionsView &View,
                         AnalysisOptions &Out);

void storeAnalysisOptions(const clang::tidy::ClangTidyCheck::OptionsView &View,
                          clang::tidy::ClangTidyOptions::OptionMap &Map,
                          const AnalysisOptions &Opts);

} // namespace maprace::tidy

#endif
