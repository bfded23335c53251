//===- ThreadModel.h - Where concurrency starts and ends ------------------===//
//
// Recognises the calls that run a callable on another thread (std::thread,
// std::jthread, std::async, pthread_create, the ThreadStartFunctions option)
// and the calls that wait for it (join, future::get/wait, pthread_join), and
// resolves the callable to the function body that will run.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_THREADMODEL_H
#define MAPRACE_THREADMODEL_H

#include "AnalysisOptions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace maprace {

enum class StartKind : unsigned char {
  Thread,  ///< std::thread / std::jthread / boost::thread construction
  Async,   ///< std::async with a policy that may launch a thread
  Pthread, ///< pthread_create(&tid, attr, fn, arg)
  Custom,  ///< a function named by ThreadStartFunctions
};

/// A call that starts a thread, before its callable is resolved.
struct ThreadStartCall {
  StartKind Kind = StartKind::Thread;
  const clang::Expr *Site = nullptr;
  const clang::Expr *Callable = nullptr;
  /// Arguments passed on to the callable (decay-copied unless wrapped in
  /// std::ref or passed as pointers).
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// For pthread_create: the pthread_t* handle argument.
  const clang::Expr *PthreadHandle = nullptr;
  /// The thread is started by a member call that stores it into a container
  /// (`threads.emplace_back(worker)`): the container is its group.
  const clang::Expr *IntoContainer = nullptr;
};

/// What will run on the thread.
struct CallableTarget {
  const clang::FunctionDecl *Body = nullptr; ///< with a definition
  const clang::LambdaExpr *Lambda = nullptr;
  /// For a member function pointer: the object expression it is called on.
  const clang::Expr *BoundObject = nullptr;
  /// Args[I] binds to parameter I + ParamOffset of Body.
  llvm::SmallVector<const clang::Expr *, 4> Args;
  bool JThreadStopToken = false;
};

class ThreadModel {
public:
  explicit ThreadModel(const AnalysisOptions &Opts) : Opts(Opts) {}

  static bool isThreadType(clang::QualType T);
  /// `std::unique_ptr<std::thread>` / `std::shared_ptr<std::thread>`: a
  /// thread handle held through a smart pointer.
  static bool isThreadPointerType(clang::QualType T);
  static bool isThreadClass(const clang::CXXRecordDecl *RD);
  static bool isFutureClass(const clang::CXXRecordDecl *RD);
  static bool isFutureType(clang::QualType T);
  static bool isJThreadType(clang::QualType T);

  std::optional<ThreadStartCall> classifyStart(const clang::Expr *E) const;

  /// The callable's body and how the remaining arguments bind to it.
  static std::optional<CallableTarget>
  resolveCallable(const clang::Expr *Callable,
                  llvm::ArrayRef<const clang::Expr *> Args);

  /// `t.join()`, `f.get()`, `f.wait()`, `pthread_join(tid, ...)`: the
  /// expression naming the joined thread handle.
  static const clang::Expr *joinTarget(const clang::CallExpr *CE);
  /// `t.detach()`.
  static bool isDetach(const clang::CallExpr *CE);
  /// `t.joinable()` / `f.valid()`: false means no thread runs behind it.
  static const clang::Expr *joinableTarget(const clang::CallExpr *CE);

  /// A callable argument that runs synchronously in the caller: a lambda or
  /// a function reference passed to an ordinary function (std::for_each,
  /// std::sort, a visitor). Returns its body.
  static const clang::FunctionDecl *syncCallableBody(const clang::Expr *Arg);

private:
  const AnalysisOptions &Opts;
};

/// Strips implicit nodes, temporaries and functional casts around an
/// expression: what the user wrote.
const clang::Expr *stripWrappers(const clang::Expr *E);

/// std::function, std::move_only_function, absl::AnyInvocable,
/// llvm::unique_function, std::packaged_task: classes that keep a callable
/// for whoever calls them later (not the non-owning `function_ref`s).
bool keepsCallableForLater(clang::QualType T);

} // namespace maprace

#endif
