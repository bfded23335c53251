#include "ThreadModel.h"
#include "ExprUtil.h"
#include "NameUtil.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace maprace {

/// std::function, absl::AnyInvocable, llvm::unique_function...: classes
/// that hold a callable built from their one constructor argument.
static bool isCallableWrapper(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef N = RD->getName();
  return N == "function" || N == "move_only_function" ||
         N == "copyable_function" || N == "function_ref" ||
         N == "AnyInvocable" || N == "FunctionRef" ||
         N == "unique_function" || N == "packaged_task";
}

bool keepsCallableForLater(QualType T) {
  const CXXRecordDecl *RD = classOf(T);
  return isCallableWrapper(T) && RD->getName() != "function_ref" &&
         RD->getName() != "FunctionRef";
}

const Expr *stripWrappers(const Expr *E) {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    const Expr *Prev = E;
    E = stripTemporaries(E);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // Copy/move of a closure, or a std::function built from a lambda:
      // look at the source.
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          (CE->getConstructor()->isCopyOrMoveConstructor() ||
           isCallableWrapper(CE->getType())))
        E = CE->getArg(0);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      // A captureless lambda converted to a function pointer.
      if (isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) &&
          MC->getRecordDecl() && MC->getRecordDecl()->isLambda())
        E = MC->getImplicitObjectArgument();
    }
    if (E == Prev)
      break;
  }
  return E;
}

/// The class, or the template it was made from: `std::future` for
/// std::future<int>.
static const NamedDecl *classOrTemplate(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD))
    return Spec->getSpecializedTemplate();
  return RD;
}

static bool isThreadName(const CXXRecordDecl *RD) {
  return hasQualifiedName(classOrTemplate(RD),
                          {"std::thread", "std::jthread", "boost::thread"});
}

static bool isFutureName(const CXXRecordDecl *RD) {
  return hasQualifiedName(classOrTemplate(RD),
                          {"std::future", "std::shared_future"});
}

bool ThreadModel::isThreadClass(const CXXRecordDecl *RD) {
  return isThreadName(RD);
}

bool ThreadModel::isFutureClass(const CXXRecordDecl *RD) {
  return isFutureName(RD);
}

bool ThreadModel::isThreadType(QualType T) { return isThreadName(classOf(T)); }

bool ThreadModel::isThreadPointerType(QualType T) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(classOf(T));
  if (!Spec)
    return false;
  if (!hasQualifiedName(classOrTemplate(Spec),
                        {"std::unique_ptr", "std::shared_ptr"}))
    return false;
  const TemplateArgumentList &TA = Spec->getTemplateArgs();
  return TA.size() >= 1 && TA[0].getKind() == TemplateArgument::Type &&
         isThreadType(TA[0].getAsType());
}

bool ThreadModel::isJThreadType(QualType T) {
  return hasQualifiedName(classOrTemplate(classOf(T)), {"std::jthread"});
}

bool ThreadModel::isFutureType(QualType T) {
  return isFutureName(classOf(T));
}

/// std::launch::deferred runs the callable in the caller, at get()/wait().
static bool isDeferredOnly(const Expr *Policy) {
  const auto *DRE = dyn_cast<DeclRefExpr>(Policy->IgnoreParenImpCasts());
  return DRE && DRE->getDecl()->getName() == "deferred";
}

static bool isLaunchPolicy(const Expr *E) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (const auto *ET = T->getAs<EnumType>())
    return ET->getDecl()->getName() == "launch";
  return false;
}

static bool looksCallable(const Expr *E) {
  E = stripWrappers(E);
  if (isa<LambdaExpr>(E))
    return true;
  QualType T = E->getType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isMemberFunctionPointerType())
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (isa<FunctionDecl>(DRE->getDecl()))
      return true;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    if (UO->getOpcode() == UO_AddrOf)
      return looksCallable(UO->getSubExpr());
  if (const CXXRecordDecl *RD = classOf(T))
    if (RD->hasDefinition() && (RD->isLambda() || [&] {
          for (const CXXMethodDecl *MD : RD->methods())
            if (MD->getOverloadedOperator() == OO_Call)
              return true;
          return false;
        }()))
      return true;
  return false;
}

/// A std::thread built from the call's arguments (`worker, args...`), as
/// `emplace_back` and `std::make_unique<std::thread>` do.
static ThreadStartCall threadBuiltFromArgs(const CallExpr *Call) {
  ThreadStartCall S;
  S.Kind = StartKind::Thread;
  S.Site = Call;
  S.Callable = Call->getArg(0);
  for (unsigned I = 1; I < Call->getNumArgs(); ++I)
    S.Args.push_back(Call->getArg(I));
  return S;
}

std::optional<ThreadStartCall>
ThreadModel::classifyStart(const Expr *E) const {
  if (!E)
    return std::nullopt;
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() == 0 || !isThreadType(CE->getType()))
      return std::nullopt;
    const Expr *First = CE->getArg(0);
    if (isThreadType(First->getType()))
      return std::nullopt; // move construction
    ThreadStartCall S;
    S.Kind = StartKind::Thread;
    S.Site = CE;
    S.Callable = First;
    for (unsigned I = 1; I < CE->getNumArgs(); ++I)
      S.Args.push_back(CE->getArg(I));
    return S;
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  llvm::StringRef N = FD->getName();

  // threads.emplace_back(worker, args...) builds a std::thread in place.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    if ((N == "emplace_back" || N == "emplace" || N == "emplace_front") &&
        Call->getNumArgs() >= 1 && !isThreadType(Call->getArg(0)->getType())) {
      const CXXRecordDecl *Cont = classOf(MC->getImplicitObjectArgument()
                                              ->getType());
      if (const auto *Spec =
              dyn_cast_or_null<ClassTemplateSpecializationDecl>(Cont)) {
        const TemplateArgumentList &TA = Spec->getTemplateArgs();
        if (TA.size() >= 1 && TA[0].getKind() == TemplateArgument::Type &&
            isThreadType(TA[0].getAsType()) &&
            looksCallable(Call->getArg(0))) {
          ThreadStartCall S = threadBuiltFromArgs(Call);
          S.IntoContainer = MC->getImplicitObjectArgument();
          return S;
        }
      }
    }
  }

  // std::make_unique<std::thread>(worker, args...): the thread is built in
  // the library's body, out of sight; the call is the start.
  if ((N == "make_unique" || N == "make_shared") && isInStd(FD) &&
      Call->getNumArgs() >= 1 && isThreadPointerType(Call->getType()) &&
      !isThreadType(Call->getArg(0)->getType()) &&
      looksCallable(Call->getArg(0)))
    return threadBuiltFromArgs(Call);

  if (hasQualifiedName(FD, {"std::async"}) && Call->getNumArgs() >= 1) {
    unsigned First = 0;
    if (isLaunchPolicy(Call->getArg(0))) {
      if (isDeferredOnly(Call->getArg(0)))
        return std::nullopt;
      First = 1;
    }
    if (First >= Call->getNumArgs())
      return std::nullopt;
    ThreadStartCall S;
    S.Kind = StartKind::Async;
    S.Site = Call;
    S.Callable = Call->getArg(First);
    for (unsigned I = First + 1; I < Call->getNumArgs(); ++I)
      S.Args.push_back(Call->getArg(I));
    return S;
  }
  if (N == "pthread_create" && Call->getNumArgs() == 4) {
    ThreadStartCall S;
    S.Kind = StartKind::Pthread;
    S.Site = Call;
    S.PthreadHandle = Call->getArg(0);
    S.Callable = Call->getArg(2);
    S.Args.push_back(Call->getArg(3));
    return S;
  }
  if (!Opts.ThreadStartFunctions.empty() &&
      declNameMatches(FD, Opts.ThreadStartFunctions)) {
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      if (!looksCallable(Call->getArg(I)))
        continue;
      ThreadStartCall S;
      S.Kind = StartKind::Custom;
      S.Site = Call;
      S.Callable = Call->getArg(I);
      for (unsigned J = I + 1; J < Call->getNumArgs(); ++J)
        S.Args.push_back(Call->getArg(J));
      return S;
    }
  }
  return std::nullopt;
}

/// `auto fn = [&] {...};` -- the lambda a local variable was initialised
/// with.
static const LambdaExpr *lambdaOfVar(const VarDecl *VD) {
  if (!VD || !VD->hasInit() || VD->hasGlobalStorage())
    return nullptr;
  return dyn_cast<LambdaExpr>(stripWrappers(VD->getInit()));
}

std::optional<CallableTarget>
ThreadModel::resolveCallable(const Expr *Callable,
                             llvm::ArrayRef<const Expr *> Args) {
  if (!Callable)
    return std::nullopt;
  const Expr *C = stripWrappers(Callable);
  CallableTarget T;
  T.Args.assign(Args.begin(), Args.end());

  // std::bind(f, args...): f with the bound arguments.
  if (const auto *Call = dyn_cast<CallExpr>(C)) {
    const FunctionDecl *FD = Call->getDirectCallee();
    if (FD && FD->getIdentifier() && FD->getName() == "bind" && isInStd(FD) &&
        Call->getNumArgs() >= 1) {
      llvm::SmallVector<const Expr *, 4> Bound;
      for (unsigned I = 1; I < Call->getNumArgs(); ++I)
        Bound.push_back(Call->getArg(I));
      return resolveCallable(Call->getArg(0), Bound);
    }
  }

  if (const auto *LE = dyn_cast<LambdaExpr>(C)) {
    T.Lambda = LE;
    T.Body = LE->getCallOperator();
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(C)) {
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      T.Body = FD;
    } else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
      if (const LambdaExpr *LE = lambdaOfVar(VD)) {
        T.Lambda = LE;
        T.Body = LE->getCallOperator();
      }
    }
  } else if (const auto *UO = dyn_cast<UnaryOperator>(C)) {
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
          T.Body = FD;
          if (isa<CXXMethodDecl>(FD) && !cast<CXXMethodDecl>(FD)->isStatic()) {
            if (T.Args.empty())
              return std::nullopt;
            T.BoundObject = T.Args.front();
            T.Args.erase(T.Args.begin());
          }
        }
  }
  if (!T.Body)
    return std::nullopt;
  if (const FunctionDecl *Def = T.Body->getDefinition())
    T.Body = Def;
  // A std::jthread callable may take a std::stop_token first.
  if (T.Body->getNumParams() == T.Args.size() + 1 &&
      T.Body->getNumParams() >= 1) {
    if (const CXXRecordDecl *RD = classOf(T.Body->getParamDecl(0)->getType()))
      if (RD->getName() == "stop_token")
        T.JThreadStopToken = true;
  }
  return T;
}

/// A thread, or (`ptr->join()`) a pointer or smart pointer's target.
static bool isThreadObject(const Expr *Obj) {
  QualType T = Obj->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return ThreadModel::isThreadType(T);
}

const Expr *ThreadModel::joinTarget(const CallExpr *CE) {
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier())
    return nullptr;
  llvm::StringRef N = FD->getName();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE)) {
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (!Obj)
      return nullptr;
    // future::wait() is a member of libstdc++'s base __basic_future.
    Obj = Obj->IgnoreParenImpCasts();
    if (N == "join" && isThreadObject(Obj))
      return Obj;
    if ((N == "get" || N == "wait") && isFutureType(Obj->getType()))
      return Obj;
    return nullptr;
  }
  if (N == "pthread_join" && CE->getNumArgs() >= 1)
    return CE->getArg(0);
  return nullptr;
}

bool ThreadModel::isDetach(const CallExpr *CE) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(CE);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  return MC && FD && FD->getIdentifier() && FD->getName() == "detach" &&
         isThreadObject(MC->getImplicitObjectArgument());
}

const Expr *ThreadModel::joinableTarget(const CallExpr *CE) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(CE);
  const FunctionDecl *FD = CE ? CE->getDirectCallee() : nullptr;
  if (!MC || !FD || !FD->getIdentifier())
    return nullptr;
  const Expr *Obj = MC->getImplicitObjectArgument()->IgnoreParenImpCasts();
  if ((FD->getName() == "joinable" && isThreadType(Obj->getType())) ||
      (FD->getName() == "valid" && isFutureType(Obj->getType())))
    return Obj;
  return nullptr;
}

const FunctionDecl *ThreadModel::syncCallableBody(const Expr *Arg) {
  const Expr *C = stripWrappers(Arg);
  if (const auto *LE = dyn_cast<LambdaExpr>(C))
    return LE->getCallOperator();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(C))
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
      return FD;
  if (const auto *UO = dyn_cast<UnaryOperator>(C))
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts()))
        if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
          if (!isa<CXXMethodDecl>(FD))
            return FD;
  return nullptr;
}

} // namespace maprace
