#include "EntryLockInference.h"
#include "NameUtil.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace maprace {

namespace {

/// Mutex members of FD's class (and its bases), as `this`-rooted paths.
void classMutexes(const AnalysisContext &Ctx, const CXXRecordDecl *RD,
                  const CXXRecordDecl *ThisClass,
                  llvm::SmallVectorImpl<std::pair<std::string, AccessPath>> &Out,
                  int Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return;
  RD = RD->getDefinition();
  for (const FieldDecl *F : RD->fields()) {
    QualType T = F->getType();
    if (Ctx.Locks.isMutexType(T) ||
        (T->isPointerType() && Ctx.Locks.isMutexType(T->getPointeeType())))
      Out.push_back({F->getNameAsString(),
                     AccessPath::thisOf(ThisClass).withField(F)});
  }
  for (const CXXBaseSpecifier &B : RD->bases())
    classMutexes(Ctx, B.getType()->getAsCXXRecordDecl(), ThisClass, Out,
                 Depth + 1);
}

bool hasLockedSuffix(llvm::StringRef N) {
  if (N.ends_with_insensitive("unlocked") || N.starts_with_insensitive("is") ||
      N.starts_with_insensitive("assert"))
    return false;
  return N.ends_with("Locked") || N.ends_with("_locked") ||
         N.ends_with("LOCKED");
}

bool containsWord(llvm::StringRef Text, llvm::StringRef Word) {
  size_t Pos = 0;
  while ((Pos = Text.find(Word, Pos)) != llvm::StringRef::npos) {
    bool StartOK = Pos == 0 || !(llvm::isAlnum(Text[Pos - 1]) ||
                                 Text[Pos - 1] == '_');
    size_t End = Pos + Word.size();
    bool EndOK = End >= Text.size() ||
                 !(llvm::isAlnum(Text[End]) || Text[End] == '_');
    if (StartOK && EndOK)
      return true;
    Pos = End;
  }
  return false;
}

} // namespace

std::string commentAbove(const Decl *D) {
  std::string All;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  for (const Decl *R : D->redecls()) {
    SourceLocation Loc = SM.getExpansionLoc(R->getBeginLoc());
    if (Loc.isInvalid())
      continue;
    FileID FID = SM.getFileID(Loc);
    bool Invalid = false;
    llvm::StringRef Buf = SM.getBufferData(FID, &Invalid);
    if (Invalid)
      continue;
    unsigned Offset = SM.getFileOffset(Loc);
    // Start of the declaration's line.
    size_t LineStart = Buf.rfind('\n', Offset == 0 ? 0 : Offset - 1);
    LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
    llvm::SmallVector<llvm::StringRef, 8> Lines;
    size_t End = LineStart;
    for (int N = 0; N < 24 && End > 0; ++N) {
      size_t PrevEnd = End - 1; // the '\n' ending the previous line
      size_t PrevStart = Buf.rfind('\n', PrevEnd == 0 ? 0 : PrevEnd - 1);
      PrevStart = PrevStart == llvm::StringRef::npos || PrevEnd == 0
                      ? 0
                      : PrevStart + 1;
      llvm::StringRef Line = Buf.slice(PrevStart, PrevEnd).trim();
      if (!Line.starts_with("//") && !Line.starts_with("*") &&
          !Line.starts_with("/*"))
        break;
      Lines.push_back(Line);
      End = PrevStart;
    }
    for (auto It = Lines.rbegin(); It != Lines.rend(); ++It)
      All += It->str() + "\n";
  }
  return All;
}

LockSet inferEntryLocks(const AnalysisContext &Ctx, const FunctionDecl *FD) {
  LockSet Out;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || MD->isStatic() || MD->getParent()->isLambda())
    return Out;
  llvm::SmallVector<std::pair<std::string, AccessPath>, 4> Mutexes;
  classMutexes(Ctx, MD->getParent(), MD->getParent(), Mutexes);
  if (Mutexes.empty())
    return Out;
  auto AddAll = [&] {
    for (const auto &[Name, P] : Mutexes)
      Out.add({P, LockMode::Exclusive, FD->getLocation(), true});
  };
  if (FD->getIdentifier() && hasLockedSuffix(FD->getName())) {
    AddAll();
    return Out;
  }
  std::string Comment = commentAbove(FD);
  if (Comment.empty())
    return Out;
  llvm::StringRef C(Comment);
  std::string Lower = C.lower();
  llvm::StringRef L(Lower);
  bool Says = L.contains("requires") || L.contains("must be held") ||
              L.contains("must hold") || L.contains("caller holds") ||
              L.contains("caller must") || L.contains("lock held") ||
              L.contains("mutex held") || L.contains("is held") ||
              L.contains("while holding") || L.contains("with the lock") ||
              L.contains("locks_required") || L.contains("called with");
  bool Negated = L.contains("not held") || L.contains("not be held") ||
                 L.contains("no lock") || L.contains("without lock") ||
                 L.contains("not locked") || L.contains("lock-free") ||
                 L.contains("must not hold") || L.contains("without holding") ||
                 L.contains("excludes") || L.contains("unlocked") ||
                 L.contains("requires: !") || L.contains("requires(!");
  if (!Says || Negated)
    return Out;
  for (const auto &[Name, P] : Mutexes)
    if (containsWord(C, Name))
      Out.add({P, LockMode::Exclusive, FD->getLocation(), true});
  if (Out.empty() && (L.contains("lock") || L.contains("mutex")))
    AddAll();
  return Out;
}

} // namespace maprace
