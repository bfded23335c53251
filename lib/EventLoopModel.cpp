#include "EventLoopModel.h"
#include "NameUtil.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace maprace {

namespace {

/// A non-static member function named in BuiltIn or in the option's list.
bool memberNamed(const CXXMethodDecl *MD,
                 std::initializer_list<llvm::StringLiteral> BuiltIn,
                 const std::vector<std::string> &Option) {
  if (!MD || !MD->getIdentifier() || MD->isStatic())
    return false;
  return llvm::is_contained(BuiltIn, MD->getName()) ||
         declNameMatches(MD, Option);
}

/// Posts that say "event loop" by themselves.
bool isCorePost(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  return memberNamed(MD, {"runInLoop", "RunInLoop", "queueInLoop",
                          "QueueInLoop"},
                     Opts.LoopPostFunctions);
}

} // namespace

bool isLoopThreadCheck(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  return memberNamed(MD, {"isInLoopThread", "IsInLoopThread",
                          "assertInLoopThread", "AssertInLoopThread"},
                     Opts.LoopThreadChecks);
}

bool isLoopThreadAssert(const CXXMethodDecl *MD) {
  return MD && MD->getIdentifier() &&
         MD->getName().starts_with_insensitive("assert");
}

bool isLoopPostFunction(const CXXMethodDecl *MD, const AnalysisOptions &Opts) {
  if (isCorePost(MD, Opts))
    return true;
  // The loop's timers (`loop->runAfter(2.0, cb)`) run their callback on
  // the loop too. Those names are common elsewhere: they name no role
  // (loopThreadRole), so on a class that has no check or post of its own
  // there is no loop to post to.
  return memberNamed(MD, {"runAfter", "runEvery", "runAt", "RunAfter",
                          "RunEvery", "RunAt"},
                     {});
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
  // A role is a predicate or an assertion; a method returning a reference
  // or pointer names the part of an object an accessor picks instead.
  const auto *MD = Lock.steps().empty()
                       ? nullptr
                       : llvm::dyn_cast_or_null<CXXMethodDecl>(
                             Lock.steps().back());
  return MD && !MD->getReturnType()->isReferenceType() &&
         !MD->getReturnType()->isPointerType();
}

} // namespace maprace
