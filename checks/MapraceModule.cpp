//===- MapraceModule.cpp - The maprace clang-tidy module ------------------===//
//
// Loaded with `clang-tidy-22 --load=build/lib/libmaprace.so`. Links no
// clangTidy library: clang-tidy-22 exports the symbols this needs.
//
//===----------------------------------------------------------------------===//
#include "IterationMutationCheck.h"
#include "LockMismatchCheck.h"
#include "UnguardedAccessCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace maprace::tidy {

class MapraceModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<UnguardedAccessCheck>("maprace-unguarded-access");
    Factories.registerCheck<LockMismatchCheck>("maprace-lock-mismatch");
    Factories.registerCheck<IterationMutationCheck>(
        "maprace-iteration-mutation");
  }
};

} // namespace maprace::tidy

static clang::tidy::ClangTidyModuleRegistry::Add<maprace::tidy::MapraceModule>
    X("maprace-module", "Data races on C++ containers.");
