//===- AnalysisContext.h - State shared by one translation unit's analysis ===//
#ifndef MAPRACE_ANALYSISCONTEXT_H
#define MAPRACE_ANALYSISCONTEXT_H

#include "AnalysisOptions.h"
#include "ContainerModel.h"
#include "FunctionFacts.h"
#include "LockModel.h"
#include "PathResolver.h"
#include "ThreadModel.h"
#include "VirtualDispatch.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <memory>
#include <vector>

namespace maprace {

struct AnalysisContext {
  AnalysisContext(clang::ASTContext &AST, const AnalysisOptions &Opts)
      : AST(AST), Opts(Opts), Containers(Opts), Locks(Opts), Threads(Opts) {}

  clang::ASTContext &AST;
  const AnalysisOptions &Opts;
  ContainerModel Containers;
  LockModel Locks;
  ThreadModel Threads;
  SyntaxIndex Index;

  /// Functions with bodies that the analysis covers (user code, not
  /// dependent templates).
  llvm::DenseSet<const clang::FunctionDecl *> Analysable;
  /// Facts of analysed functions (summaries for their callers).
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionFacts>>
      Facts;
  /// Every thread start in the translation unit, by id.
  std::vector<ThreadStartInfo> ThreadTable;
  /// The mutex members each class locks somewhere. A class that locks one
  /// of its own is meant to be used from several threads, so any two of its
  /// entry points may run at once (RaceDetector; a mutex it borrows from its
  /// callers does not count, CallersLocks.h).
  llvm::DenseMap<const clang::CXXRecordDecl *, std::vector<AccessPath>>
      LockedMutexes;
  /// The mutexes code asserts are held (`mu->AssertHeld()`), in order.
  std::vector<AccessPath> AssertedMutexes;

  /// Where virtual calls may go: the overriding definitions in this TU.
  OverriderIndex Overriders;

  bool isAnalysable(const clang::FunctionDecl *FD) const {
    return FD && Analysable.count(FD->getDefinition() ? FD->getDefinition()
                                                      : FD);
  }
  const FunctionFacts *factsOf(const clang::FunctionDecl *FD) const {
    if (!FD)
      return nullptr;
    if (const clang::FunctionDecl *Def = FD->getDefinition())
      FD = Def;
    auto It = Facts.find(FD);
    return It == Facts.end() ? nullptr : It->second.get();
  }
};

} // namespace maprace

#endif
