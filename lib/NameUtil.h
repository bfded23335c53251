//===- NameUtil.h - Qualified names of declarations and types -------------===//
//
// The models recognise library types and functions by qualified name. These
// helpers spell names the way users write them: inline namespaces such as
// libstdc++'s std::__cxx11 are skipped, so `std::list` matches.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_NAMEUTIL_H
#define MAPRACE_NAMEUTIL_H

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include <string>

namespace maprace {

/// "std::map" for std::map<K, V>, "std::list" for std::__cxx11::list<T>.
std::string qualifiedName(const clang::NamedDecl *D);

/// qualifiedName(D) is one of Names. Spells the qualified name only when
/// D's own name is the last component of one of them: the models ask this
/// of every class and callee they meet, and most match nothing.
bool hasQualifiedName(const clang::NamedDecl *D,
                      llvm::ArrayRef<llvm::StringRef> Names);

/// The class behind a type, looking through references, cv-qualifiers and
/// sugar (typedefs, `auto`). Null for non-class types. Pointers are not
/// looked through: callers decide what a pointer means.
const clang::CXXRecordDecl *classOf(clang::QualType T);

/// Like classOf, but a pointer (or smart pointer is not handled) is looked
/// through once: `Map *` gives `Map`.
const clang::CXXRecordDecl *classOfPointee(clang::QualType T);

/// True if D is declared in namespace std (or a namespace nested in it).
bool isInStd(const clang::Decl *D);

/// True if D is in a system header (the standard library, third-party
/// headers included with -isystem).
bool isInSystemHeader(const clang::Decl *D);

/// A short human name for a function: "Cache::Put", "worker", "lambda".
std::string functionDisplayName(const clang::FunctionDecl *FD);

/// True if the name matches one of the qualified names in List. An entry
/// without "::" matches the unqualified name; an entry with a leading "::"
/// must match from the global namespace.
bool nameMatches(llvm::StringRef Qualified, llvm::StringRef Unqualified,
                 llvm::ArrayRef<std::string> List);

/// nameMatches(qualifiedName(D), D's name, List), with the qualified name
/// spelled only when an entry ends in D's name.
bool declNameMatches(const clang::NamedDecl *D,
                     llvm::ArrayRef<std::string> List);

} // namespace maprace

#endif
