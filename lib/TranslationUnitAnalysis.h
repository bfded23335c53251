//===- TranslationUnitAnalysis.h - Whole-TU race analysis -----------------===//
//
// The entry point of the analysis library:
//   1. index the translation unit (functions, call edges, which functions
//      touch containers, locks or threads at all: only those, and their
//      callers, are analysed);
//   2. analyse functions bottom-up, callees first, so that each call can use
//      its callee's summary (lock effects, parameter accesses, threads);
//   3. propagate contexts top-down from the roots (thread bodies, main,
//      API entry points) so that a helper inherits the locks every caller
//      holds and runs in every thread that reaches it;
//   4. produce AccessRecords: one per access and context, with the locks
//      held and the threads that may run concurrently.
// Checks ask RaceDetector (RaceDetector.h) for findings over the records.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_TRANSLATIONUNITANALYSIS_H
#define MAPRACE_TRANSLATIONUNITANALYSIS_H

#include "AnalysisContext.h"
#include "ThreadSetPool.h"
#include "llvm/ADT/DenseSet.h"
#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace maprace {

/// Where a piece of code runs.
struct ExecutionContext {
  enum Kind : unsigned char {
    Thread, ///< the body of a thread start (ThreadId)
    Main,   ///< main(), single instance, starts before any thread
    Entry,  ///< an API entry: a function nothing in this TU calls
    Private ///< a constructor/destructor (object not shared yet / anymore)
  };
  Kind K = Entry;
  const clang::FunctionDecl *Root = nullptr;
  unsigned ThreadId = 0;
};

/// One access in one context: the unit of race detection.
struct AccessRecord {
  const LocalAccess *Access = nullptr;
  const clang::FunctionDecl *Function = nullptr; ///< whose facts hold it
  unsigned Context = 0; ///< index into contexts()
  LockSet Held;         ///< all locks held, callers' included
  /// Once flags held (OnceModel.h): they exclude like locks, but are not
  /// locks a finding names.
  LockSet Ordered;
  /// Threads that may run at the same time (pooled: records share them).
  const ThreadSet *Live = nullptr;
  std::optional<unsigned> Thread; ///< the thread this access runs on
  /// Runs under an API entry point (may run concurrently with any other
  /// API entry of a thread-safe class).
  bool Api = false;
  /// A constructor/destructor touching its own object.
  bool ObjectPrivate = false;
  /// A constructor (or a member it calls on its object) touching the object
  /// under construction: no other thread has it yet, except one the
  /// constructor starts itself.
  bool UnderConstruction = false;
  /// On a local object of a function that starts no thread (`Router r;
  /// r.Add(x);`): every run of that function has its own, so no other
  /// access, on any thread, touches this one's object.
  bool LocalObject = false;
  /// On a local object of this function's run, one that starts threads
  /// (`Server svr; svr.Get(...)`): two runs have two objects.
  const clang::FunctionDecl *RunOwner = nullptr;
  /// The call that brought the function into this context, if not a root,
  /// and the locks every caller held there.
  clang::SourceLocation ViaCall;
  LockSet EntryHeld;
};

class TranslationUnitAnalysis {
public:
  TranslationUnitAnalysis(clang::ASTContext &AST, const AnalysisOptions &Opts);
  ~TranslationUnitAnalysis();

  void run();

  const AnalysisContext &context() const { return *Ctx; }
  const std::deque<AccessRecord> &records() const { return Records; }
  /// The records of one container, in record order (empty if none).
  llvm::ArrayRef<const AccessRecord *> recordsOf(const AccessPath &P) const;
  /// The records of one access (one per context it runs in).
  llvm::ArrayRef<const AccessRecord *> recordsOf(const LocalAccess *X) const;
  /// The records of one container that race detection compares pairwise:
  /// all of them, unless that is over the MaxAccessPairs budget; then the
  /// first contexts of each access only.
  llvm::ArrayRef<const AccessRecord *> comparedRecordsOf(const AccessPath &P) const;
  /// Containers whose records were thinned, with how many were compared out
  /// of how many, for a remark.
  struct ThinnedContainer {
    AccessPath Path;
    const AccessRecord *First;
    size_t Compared, Total;
  };
  const std::vector<ThinnedContainer> &thinnedContainers() const {
    return Thinned;
  }
  /// An automatic variable (a local or a parameter) of a function whose
  /// invocation starts no thread, directly or through its callees: each
  /// invocation has its own, so two threads running the function never
  /// share it. So is a local of a function that starts threads if none of
  /// them can be handed it (ThreadReachableLocals.h).
  bool isPrivatePerCall(const AccessPath &P) const;
  /// A call of F may start a thread, itself or through its callees.
  bool mayStartThreads(const clang::FunctionDecl *F) const;
  /// The containers accessed, in order of their first record.
  const std::vector<AccessPath> &accessedContainers() const {
    return Containers;
  }
  const std::vector<ExecutionContext> &contexts() const { return Contexts; }
  /// Functions the analysis skipped (budget, CFG failure), for notes.
  std::vector<const FunctionFacts *> skippedFunctions() const;
  /// True the first time only: the checks sharing this analysis report the
  /// skipped functions once between them.
  bool claimSkipReport() const { return !SkipReported.exchange(true); }
  /// Functions analysed (for statistics and tests).
  unsigned analysedFunctionCount() const { return AnalysedCount; }
  /// Does thread Tid start while Owner runs: started by Owner, or its body
  /// a lambda written in Owner (handed to a helper that starts it)?
  bool threadStartsDuringRunOf(unsigned Tid,
                               const clang::FunctionDecl *Owner) const;

  /// The analysed functions, callees first (a deterministic order).
  const std::vector<const clang::FunctionDecl *> &analysedFunctions() const {
    return Order;
  }

private:
  void indexAndAnalyse();
  void propagateContexts();
  void writeCallerLocks() const;
  void buildRecords();
  void indexRecords();
  void findThreadStarters();

  AnalysisOptions Opts;
  std::unique_ptr<AnalysisContext> Ctx;
  std::vector<ExecutionContext> Contexts;
  ThreadSetPool LiveSets; ///< the records' Live sets
  std::deque<AccessRecord> Records; ///< a deque: appending moves none
  // Indexes into Records, so that per-finding look-ups are not a scan of
  // every record (which made reporting quadratic in the size of the TU).
  std::unordered_map<AccessPath, std::vector<const AccessRecord *>,
                     AccessPathHash>
      ByPath;
  std::unordered_map<const LocalAccess *, std::vector<const AccessRecord *>>
      ByAccess;
  std::vector<AccessPath> Containers;
  std::unordered_map<AccessPath, std::vector<const AccessRecord *>,
                     AccessPathHash>
      ComparedByPath;
  std::vector<ThinnedContainer> Thinned;
  llvm::DenseSet<const clang::FunctionDecl *> ThreadStarters;
  /// Locals of thread-starting functions that a started thread may reach.
  llvm::DenseSet<const clang::VarDecl *> ThreadReachable;
  bool keptFromThreads(const clang::VarDecl *V) const;
  std::vector<const clang::FunctionDecl *> Order;
  unsigned AnalysedCount = 0;
  mutable std::atomic<bool> SkipReported{false};
  std::vector<ThreadSet> ThreadLiveAtStart;
  std::vector<bool> ThreadApiAtStart;

  struct EntryState;
  struct Impl;
  std::unique_ptr<Impl> I;
};

} // namespace maprace

#endif
