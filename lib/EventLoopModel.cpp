#include "EventLoopModel.h"
#include "NameUtil.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace maprace {

bool isLoopThreadCheck(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  if (!MD || !MD->getIdentifier() || MD->isStatic())
    return false;
  bool BuiltIn = llvm::StringSwitch<bool>(MD->getName())
                     .Cases({"isInLoopThread", "IsInLoopThread",
                             "assertInLoopThread", "AssertInLoopThread"},
                            true)
                     .Default(false);
  return BuiltIn || declNameMatches(MD, Opts.LoopThreadChecks);
}

bool isLoopThreadAssert(const CXXMethodDecl *MD) {
  return MD && MD->getIdentifier() &&
         MD->getName().starts_with_insensitive("assert");
}

namespace {

/// Posts that say "event loop" by themselves.
bool isCorePost(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  if (!MD || !MD->getIdentifier() || MD->isStatic())
    return false;
  bool BuiltIn = llvm::StringSwitch<bool>(MD->getName())
                     .Cases({"runInLoop", "RunInLoop", "queueInLoop",
                             "QueueInLoop"},
                            true)
                     .Default(false);
  return BuiltIn || declNameMatches(MD, Opts.LoopPostFunctions);
}

} // namespace

bool isLoopPostFunction(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  if (isCorePost(MD, Opts))
    return true;
  if (!MD || !MD->getIdentifier() || MD->isStatic())
    return false;
  // The loop's timers (`loop->runAfter(2.0, cb)`) run their callback on
  // the loop too; those names are common elsewhere, so only on a class
  // that is an event loop by its other members.
  bool Timer = llvm::StringSwitch<bool>(MD->getName())
                   .Cases({"runAfter", "runEvery", "runAt", "RunAfter",
                           "RunEvery", "RunAt"},
                          true)
                   .Default(false);
  return Timer && loopThreadRole(MD->getParent(), Opts);
}

const CXXMethodDecl *loopThreadRole(const CXXRecordDecl *RD,
                                    const AnalysisOptions &Opts) {
  if (!RD || !RD->hasDefinition())
    return nullptr;
  RD = RD->getDefinition();
  for (const CXXMethodDecl *MD : RD->methods())
    if (isLoopThreadCheck(MD, Opts) || isCorePost(MD, Opts))
      return MD->getCanonicalDecl();
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const CXXMethodDecl *MD =
            loopThreadRole(B.getType()->getAsCXXRecordDecl(), Opts))
      return MD;
  return nullptr;
}

bool isLoopThreadRole(const AccessPath &Lock) {
  return !Lock.steps().empty() &&
         llvm::isa_and_nonnull<CXXMethodDecl>(Lock.steps().back());
}

} // namespace maprace
