#include "AnalysisOptions.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace maprace {

static bool isIdentStart(char C) { return llvm::isAlpha(C) || C == '_'; }
static bool isIdentChar(char C) { return llvm::isAlnum(C) || C == '_'; }

/// "name", "ns::name", "::ns::Class::member": identifiers joined by "::".
static bool isQualifiedName(llvm::StringRef S) {
  S.consume_front("::");
  if (S.empty())
    return false;
  while (!S.empty()) {
    if (!isIdentStart(S.front()))
      return false;
    size_t I = 1;
    while (I < S.size() && isIdentChar(S[I]))
      ++I;
    S = S.drop_front(I);
    if (S.empty())
      return true;
    if (!S.consume_front("::") || S.empty())
      return false;
  }
  return true;
}

bool parseNameList(llvm::StringRef OptionName, llvm::StringRef Value,
                   std::vector<std::string> &Out, std::string &Error) {
  // Both ';' (clang-tidy's list convention) and ',' separate entries.
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Value.split(Parts, ';');
  llvm::SmallVector<llvm::StringRef, 8> All;
  for (llvm::StringRef P : Parts) {
    llvm::SmallVector<llvm::StringRef, 4> Sub;
    P.split(Sub, ',');
    All.append(Sub.begin(), Sub.end());
  }
  for (llvm::StringRef P : All) {
    P = P.trim();
    if (P.empty())
      continue;
    if (!isQualifiedName(P)) {
      Error = ("invalid entry '" + P + "' in option '" + OptionName +
               "': expected a qualified C++ name such as 'ns::Class' or "
               "'ns::Class::method', separated by ';'")
                  .str();
      return false;
    }
    Out.push_back(P.str());
  }
  return true;
}

bool parseUnsigned(llvm::StringRef OptionName, llvm::StringRef Value,
                   unsigned &Out, std::string &Error) {
  unsigned long long V = 0;
  if (Value.trim().getAsInteger(10, V) || V > 100000000ULL) {
    Error = ("invalid value '" + Value + "' for option '" + OptionName +
             "': expected a non-negative integer")
                .str();
    return false;
  }
  Out = static_cast<unsigned>(V);
  return true;
}

std::string AnalysisOptions::cacheKey() const {
  std::string K;
  auto Add = [&K](const std::vector<std::string> &L) {
    for (const std::string &S : L)
      K += S + ";";
    K += "|";
  };
  Add(Containers);
  Add(ThreadStartFunctions);
  Add(MutexTypes);
  Add(LockFunctions);
  Add(SharedLockFunctions);
  Add(UnlockFunctions);
  Add(ScopedLockTypes);
  Add(ReaderLockTypes);
  Add(LoopThreadChecks);
  Add(LoopPostFunctions);
  K += std::to_string(MaxFunctionElements) + "|" +
       std::to_string(MaxAccessPairs) + "|" + CallerLocksOut + "|" +
       CallerLocks;
  return K;
}

} // namespace maprace
