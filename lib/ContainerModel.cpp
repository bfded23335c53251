#include "ContainerModel.h"
#include "NameUtil.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace maprace {

const char *accessKindName(AccessKind K) {
  switch (K) {
  case AccessKind::Read:
    return "read";
  case AccessKind::Write:
    return "write";
  case AccessKind::Iterate:
    return "iteration";
  }
  return "access";
}

namespace {
struct KnownContainer {
  const char *Name;
  ContainerFamily Family;
  bool SubscriptInserts;
};

// One row per class template; the family decides invalidation rules later
// (B-trees and flat maps keep elements in arrays: vector rules).
const KnownContainer KnownContainers[] = {
    // Standard sequence containers.
    {"std::vector", ContainerFamily::Vector, false},
    {"std::deque", ContainerFamily::Vector, false},
    {"std::list", ContainerFamily::NodeList, false},
    {"std::forward_list", ContainerFamily::NodeList, false},
    // Standard associative containers.
    {"std::map", ContainerFamily::Ordered, true},
    {"std::multimap", ContainerFamily::Ordered, false},
    {"std::set", ContainerFamily::Ordered, false},
    {"std::multiset", ContainerFamily::Ordered, false},
    {"std::flat_map", ContainerFamily::Vector, true},
    {"std::flat_set", ContainerFamily::Vector, false},
    {"std::flat_multimap", ContainerFamily::Vector, false},
    {"std::flat_multiset", ContainerFamily::Vector, false},
    {"std::unordered_map", ContainerFamily::Unordered, true},
    {"std::unordered_multimap", ContainerFamily::Unordered, false},
    {"std::unordered_set", ContainerFamily::Unordered, false},
    {"std::unordered_multiset", ContainerFamily::Unordered, false},
    // Standard container adaptors (work queues are the classic case).
    {"std::queue", ContainerFamily::Adapter, false},
    {"std::stack", ContainerFamily::Adapter, false},
    {"std::priority_queue", ContainerFamily::Adapter, false},
    // Abseil.
    {"absl::flat_hash_map", ContainerFamily::Unordered, true},
    {"absl::node_hash_map", ContainerFamily::Unordered, true},
    {"absl::flat_hash_set", ContainerFamily::Unordered, false},
    {"absl::node_hash_set", ContainerFamily::Unordered, false},
    {"absl::btree_map", ContainerFamily::Vector, true},
    {"absl::btree_set", ContainerFamily::Vector, false},
    {"absl::btree_multimap", ContainerFamily::Vector, false},
    {"absl::btree_multiset", ContainerFamily::Vector, false},
    {"absl::InlinedVector", ContainerFamily::Vector, false},
    // Boost.
    {"boost::unordered_map", ContainerFamily::Unordered, true},
    {"boost::unordered_set", ContainerFamily::Unordered, false},
    {"boost::unordered_flat_map", ContainerFamily::Unordered, true},
    {"boost::unordered_flat_set", ContainerFamily::Unordered, false},
    {"boost::unordered_node_map", ContainerFamily::Unordered, true},
    {"boost::unordered_node_set", ContainerFamily::Unordered, false},
    {"boost::unordered::unordered_map", ContainerFamily::Unordered, true},
    {"boost::unordered::unordered_set", ContainerFamily::Unordered, false},
    {"boost::unordered::unordered_flat_map", ContainerFamily::Unordered, true},
    {"boost::unordered::unordered_flat_set", ContainerFamily::Unordered, false},
    {"boost::unordered::unordered_node_map", ContainerFamily::Unordered, true},
    {"boost::unordered::unordered_node_set", ContainerFamily::Unordered, false},
    {"boost::container::flat_map", ContainerFamily::Vector, true},
    {"boost::container::flat_set", ContainerFamily::Vector, false},
    {"boost::container::map", ContainerFamily::Ordered, true},
    {"boost::container::vector", ContainerFamily::Vector, false},
    {"boost::container::small_vector", ContainerFamily::Vector, false},
    // LLVM.
    {"llvm::DenseMap", ContainerFamily::Unordered, true},
    {"llvm::SmallDenseMap", ContainerFamily::Unordered, true},
    {"llvm::DenseSet", ContainerFamily::Unordered, false},
    {"llvm::StringMap", ContainerFamily::Unordered, true},
    {"llvm::StringSet", ContainerFamily::Unordered, false},
    {"llvm::SmallVector", ContainerFamily::Vector, false},
    {"llvm::MapVector", ContainerFamily::Vector, true},
    // Folly.
    {"folly::F14FastMap", ContainerFamily::Unordered, true},
    {"folly::F14NodeMap", ContainerFamily::Unordered, true},
    {"folly::F14ValueMap", ContainerFamily::Unordered, true},
    {"folly::F14VectorMap", ContainerFamily::Unordered, true},
    {"folly::F14FastSet", ContainerFamily::Unordered, false},
};

/// Methods that change the container's structure.
bool isWriteMethod(llvm::StringRef N) {
  return llvm::StringSwitch<bool>(N)
      .Cases({"insert", "insert_range", "emplace", "emplace_hint",
              "emplace_back", "emplace_front"},
             true)
      .Cases({"try_emplace", "insert_or_assign", "erase", "erase_after",
              "clear", "swap", "assign", "assign_range"},
             true)
      .Cases({"push_back", "push_front", "pop_back", "pop_front", "push",
              "pop", "push_range", "append_range", "prepend_range"},
             true)
      .Cases({"resize", "reserve", "shrink_to_fit", "rehash", "merge",
              "extract", "splice", "splice_after"},
             true)
      .Cases({"remove", "remove_if", "unique", "sort", "reverse",
              "insert_after", "emplace_after", "replace"},
             true)
      // absl / LLVM / boost spellings.
      .Cases({"FindAndConstruct", "grow", "shrink_and_clear", "append",
              "pop_back_val", "erase_if", "lazy_emplace", "emplace_or_visit",
              "insert_or_visit"},
             true)
      .Default(false);
}

/// Methods that only read the structure (whatever their constness).
bool isReadMethod(llvm::StringRef N) {
  return llvm::StringSwitch<bool>(N)
      .Cases({"find", "count", "contains", "at", "size", "empty",
              "max_size", "capacity"},
             true)
      .Cases({"begin", "end", "cbegin", "cend", "rbegin", "rend", "crbegin",
              "crend", "before_begin", "cbefore_begin"},
             true)
      .Cases({"lower_bound", "upper_bound", "equal_range", "front", "back",
              "top", "data", "lookup"},
             true)
      .Cases({"bucket_count", "bucket", "bucket_size", "load_factor",
              "max_load_factor", "key_comp", "value_comp", "hash_function",
              "key_eq", "get_allocator"},
             true)
      .Default(false);
}

bool producesHandle(llvm::StringRef N) {
  return llvm::StringSwitch<bool>(N)
      .Cases({"find", "at", "begin", "end", "cbegin", "cend", "rbegin",
              "rend", "lower_bound", "upper_bound", "equal_range"},
             true)
      .Cases({"front", "back", "top", "data", "insert", "emplace",
              "try_emplace", "insert_or_assign", "emplace_hint",
              "emplace_back", "operator[]"},
             true)
      .Default(false);
}
} // namespace

std::optional<ContainerInfo>
ContainerModel::classify(const CXXRecordDecl *RD) const {
  if (!RD)
    return std::nullopt;
  RD = RD->getCanonicalDecl();
  auto It = Cache.find(RD);
  if (It != Cache.end())
    return It->second;
  std::optional<ContainerInfo> Result;
  const NamedDecl *Named = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    Named = Spec->getSpecializedTemplate();
  std::string QN = qualifiedName(Named);
  for (const KnownContainer &K : KnownContainers) {
    if (QN == K.Name) {
      Result = ContainerInfo{K.Family, K.SubscriptInserts};
      break;
    }
  }
  if (!Result && !Opts.Containers.empty() &&
      nameMatches(QN, Named->getName(), Opts.Containers)) {
    // A user container: assume map-like if it has a key_type and mapped_type.
    ContainerInfo Info;
    Info.Family = ContainerFamily::Unordered;
    Info.SubscriptInserts = false;
    for (const Decl *D : RD->decls())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
        if (TD->getName() == "mapped_type")
          Info.SubscriptInserts = true;
    Result = Info;
  }
  Cache[RD] = Result;
  return Result;
}

std::optional<ContainerInfo> ContainerModel::classify(QualType T) const {
  return classify(classOf(T));
}

MethodEffect ContainerModel::methodEffect(const CXXMethodDecl *MD,
                                          const ContainerInfo &Info) const {
  MethodEffect E;
  if (!MD)
    return E;
  if (MD->isOverloadedOperator()) {
    switch (MD->getOverloadedOperator()) {
    case OO_Subscript:
      E.Kind = Info.SubscriptInserts ? AccessKind::Write : AccessKind::Read;
      E.ProducesHandle = true;
      return E;
    case OO_Equal:
      E.Kind = AccessKind::Write;
      return E;
    default:
      // Comparisons and the like read.
      E.Kind = MD->isConst() ? AccessKind::Read : AccessKind::Write;
      return E;
    }
  }
  if (isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD)) {
    E.Kind = AccessKind::Write;
    return E;
  }
  llvm::StringRef N = MD->getName();
  E.ProducesHandle = producesHandle(N);
  if (isWriteMethod(N))
    E.Kind = AccessKind::Write;
  else if (isReadMethod(N) || MD->isConst())
    E.Kind = AccessKind::Read;
  else
    E.Kind = AccessKind::Write; // unknown non-const member: assume it mutates
  return E;
}

} // namespace maprace
