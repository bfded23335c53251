//===- ProjectCallerLocks.h - Locks held at calls from other files --------===//
//
// One translation unit sees only its own calls: a function nothing here
// calls is an entry point, analysed as if called with no lock held, even
// when every call in the project is made under a lock in another file
// (`db_->InsertRecovered(...)` after `db_->mutex()->AssertHeld()`).
//
// A project run in two passes fixes that. The first writes, per unit, the
// locks held at every call it makes, in the callee's terms (`this.mutex_`,
// `param0.mu`), intersected over the calls to one function. The second
// reads them all and starts an entry point with the locks held at every
// call recorded for it in any file. A function with no recorded call keeps
// no lock; one call made without the lock leaves none.
//
// Calls to functions defined in a header come from the analysis's
// CallSites; calls to functions whose body is in another file are gathered
// while recording (FunctionFacts::OutOfUnitCalls), and recorded with no
// lock where the analysis did not look.
//
// A call made by a function that is itself an entry point of its unit, or
// by a function such an entry point calls, also runs under whatever the
// entry point's callers hold, which its unit cannot see. Such a call is
// recorded with the entry point's key and how the callee sees the entry
// point's objects (`this.journal_` is the callee's `this`; bindings are
// composed down the chain of calls); the second pass adds the entry
// point's own recorded locks, seen through that binding, level after
// level.
// Functions are named by qualified name and parameter types; templates,
// lambdas, functions with internal linkage and system headers are left out.
// Only locks named by fields from `this` or a parameter, or a member of
// the caller's own object held around the call (named by its class), are
// carried.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_PROJECTCALLERLOCKS_H
#define MAPRACE_PROJECTCALLERLOCKS_H

#include "CallBinding.h"
#include "LockSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maprace {

/// The name of FD that other translation units use too; empty if FD is not
/// callable from another unit or its name is not stable across units.
std::string crossUnitKey(const clang::FunctionDecl *FD);

/// The locks of L that can be named in FD's terms, as text.
std::vector<std::pair<std::string, LockMode>>
locksAsText(const LockSet &L, const clang::FunctionDecl *FD);

/// P in FD's terms as text (`this`, `this.db_`, `param1.mu`, `@ns::Db.mu_`
/// for a member of a class other than FD's); empty if it cannot be named.
std::string pathAsText(const AccessPath &P, const clang::FunctionDecl *FD);

/// The name other units know RD by (qualified); empty for a class whose
/// name is not the same everywhere (a template's, a local or unnamed one).
std::string ownerName(const clang::CXXRecordDecl *RD);

/// How a callee sees its caller's objects: pairs (the caller's path as
/// text, the callee's root: `this` or `paramN`).
using BindingText = std::vector<std::pair<std::string, std::string>>;

/// How B's callee sees the objects of Caller, a call's caller: its
/// object and reference parameters as text in the caller's terms, and the
/// rest of the caller's own object as its class (`this>@ns::Db`).
BindingText bindingAsText(const clang::FunctionDecl *Caller,
                          const CallBinding &B);

/// How an entry point sees its own objects: `this` and every parameter,
/// each bound to itself (where composing bindings down a call chain
/// starts).
BindingText identityBinding(const clang::FunctionDecl *Root);

/// How the callee of a call made by F sees the objects of Root, an entry
/// point that reaches F: RootToF (how F sees Root's objects) followed by
/// FToCallee (bindingAsText of the call). A path of F that none of Root's
/// objects leads to is left out.
BindingText composeBindings(const BindingText &RootToF,
                            const BindingText &FToCallee);

/// Keeps the pairs of Into also in Other (in Into's order); true if Into
/// changed.
bool intersectBindings(BindingText &Into, const BindingText &Other);

/// A lock named in the caller's terms, named in the callee's through B;
/// nullopt if the callee cannot name it. A member of a named class
/// (`@ns::Db.mu_`) keeps its name.
std::optional<std::string> throughBinding(llvm::StringRef Lock,
                                          const BindingText &B);

/// The lock named by Text in FD's terms, if FD has it. A lock of some
/// class's member (`@ns::Db.mu_`: the caller's own, held around the call)
/// needs that class, found by FindClass in this translation unit.
std::optional<AccessPath> lockFromText(
    llvm::StringRef Text, const clang::FunctionDecl *FD,
    llvm::function_ref<const clang::CXXRecordDecl *(llvm::StringRef)>
        FindClass = nullptr);

/// The classes defined in a translation unit, by qualified name (built on
/// the first look-up).
class ClassIndex {
public:
  explicit ClassIndex(clang::ASTContext &AST) : AST(AST) {}
  const clang::CXXRecordDecl *find(llvm::StringRef QualifiedName);

private:
  clang::ASTContext &AST;
  bool Built = false;
  llvm::StringMap<const clang::CXXRecordDecl *> Classes;
};

/// The calls of one unit: function key -> locks held at all of them (per
/// calling entry point and binding, for calls made from one).
class CallerLocksWriter {
public:
  /// Via: the key of the calling entry point whose callers' locks also
  /// hold at the call, and Binding how the callee sees its objects.
  void addCall(const std::string &Key,
               std::vector<std::pair<std::string, LockMode>> Locks,
               const std::string &Via = {}, const BindingText &Binding = {});
  /// Writes a file of its own into Dir; false (and Error) on failure.
  bool writeInto(llvm::StringRef Dir, llvm::StringRef MainFile,
                 std::string &Error) const;

private:
  /// Keyed by the record's line without its locks.
  llvm::StringMap<std::vector<std::pair<std::string, LockMode>>> Calls;
  std::vector<std::string> Order;
};

/// Every unit's calls, read back: the locks held at every recorded call.
class CallerLocksSummary {
public:
  /// Reads a file, or every file in a directory.
  static std::unique_ptr<CallerLocksSummary> load(llvm::StringRef Path,
                                                  std::string &Error);
  /// load(), once per path and process.
  static const CallerLocksSummary *cached(llvm::StringRef Path,
                                          std::string &Error);
  /// Null if no call of Key was recorded.
  const std::vector<std::pair<std::string, LockMode>> *
  locksAt(llvm::StringRef Key) const;
  /// The locks held at every recorded call that may run FD: calls naming
  /// FD, and virtual calls naming a method FD overrides (a call through
  /// the base is recorded for the base's method). Nullopt if none.
  std::optional<std::vector<std::pair<std::string, LockMode>>>
  locksAtCallsOf(const clang::FunctionDecl *FD) const;

private:
  using Locks = std::vector<std::pair<std::string, LockMode>>;
  /// Calls made from an entry point of another unit: their own locks, and
  /// those of the calls of Via seen through Binding.
  struct ViaRecord {
    Locks Own;
    std::string Via;
    BindingText Binding;
  };
  bool readFile(llvm::StringRef Path, std::string &Error);
  /// Reads the records in Text (read from Path).
  bool readText(llvm::StringRef Text, llvm::StringRef Path, std::string &Error);
  /// Writes Calls, resolved, to Path (best effort).
  void writeMerged(llvm::StringRef Path, llvm::StringRef Header) const;
  /// Folds the records made from entry points into Calls.
  void resolveVia();
  const Locks *resolved(llvm::StringRef Key, llvm::StringSet<> &Active);
  llvm::StringMap<Locks> Calls;
  llvm::StringMap<std::vector<ViaRecord>> ViaCalls;
  llvm::StringMap<Locks> Resolved;
};

} // namespace maprace

#endif
