//===- ContainerModel.h - Which types are containers, what calls do -------===//
//
// A table of container class templates (std, absl, boost, LLVM, and the
// user's `Containers` option) and, per member function, whether a call reads
// the container's structure, writes it (insertion, erasure, reallocation),
// or iterates it. `operator[]` on an associative container inserts, so it is
// a write; on a sequence it only reads the structure.
//
//===----------------------------------------------------------------------===//
#ifndef MAPRACE_CONTAINERMODEL_H
#define MAPRACE_CONTAINERMODEL_H

#include "AnalysisOptions.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include <optional>

namespace maprace {

enum class ContainerFamily : unsigned char {
  Vector,    ///< vector, deque, string, small vectors: contiguous-ish
  NodeList,  ///< list, forward_list
  Ordered,   ///< map, set, multimap, multiset, btree_*
  Unordered, ///< unordered_*, flat/node hash maps, DenseMap, StringMap
  Adapter,   ///< queue, stack, priority_queue
};

struct ContainerInfo {
  ContainerFamily Family = ContainerFamily::Vector;
  /// operator[] default-constructs a missing element (map-like).
  bool SubscriptInserts = false;
};

enum class AccessKind : unsigned char {
  Read,     ///< lookup, size, begin/end, copy
  Write,    ///< insert, erase, clear, operator[] on a map, assignment, ...
  Iterate,  ///< a loop over the whole container (range-for)
};

const char *accessKindName(AccessKind K);

/// How one member function call affects its container.
struct MethodEffect {
  AccessKind Kind = AccessKind::Read;
  /// The call returns an iterator/reference into the container.
  bool ProducesHandle = false;
};

class ContainerModel {
public:
  explicit ContainerModel(const AnalysisOptions &Opts) : Opts(Opts) {}

  /// The container a type denotes, looking through references, cv and
  /// sugar (not pointers).
  std::optional<ContainerInfo> classify(clang::QualType T) const;
  std::optional<ContainerInfo> classify(const clang::CXXRecordDecl *RD) const;

  /// Effect of calling MD on a container of kind Info.
  MethodEffect methodEffect(const clang::CXXMethodDecl *MD,
                            const ContainerInfo &Info) const;

private:
  const AnalysisOptions &Opts;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *,
                         std::optional<ContainerInfo>>
      Cache;
};

} // namespace maprace

#endif
