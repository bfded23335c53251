#include "ProjectCallerLocks.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>
#include <map>
#include <mutex>

using namespace clang;

namespace maprace {

namespace {

/// Inside a lambda, a class template or one of its specializations: names
/// there are not the same in every unit.
bool inTemplateOrLambda(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (const auto *R = dyn_cast<CXXRecordDecl>(DC))
      if (R->isLambda() || isa<ClassTemplateSpecializationDecl>(R) ||
          R->getDescribedClassTemplate() || R->isDependentContext())
        return true;
  return false;
}

bool isTemplateRelated(const FunctionDecl *FD) {
  return FD->isTemplated() || FD->isTemplateInstantiation() ||
         FD->getPrimaryTemplate() || inTemplateOrLambda(FD->getDeclContext());
}

bool isTemplateRelated(const CXXRecordDecl *RD) {
  return inTemplateOrLambda(RD);
}

/// The class a field step leads to (pointers and references looked through,
/// as paths do).
const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

const FieldDecl *findField(const CXXRecordDecl *RD, llvm::StringRef Name,
                           int Depth = 0) {
  if (!RD || Depth > 8)
    return nullptr;
  for (const FieldDecl *F : RD->fields())
    if (F->getIdentifier() && F->getName() == Name)
      return F;
  for (const CXXBaseSpecifier &B : RD->bases())
    if (const FieldDecl *F = findField(recordOf(B.getType()), Name, Depth + 1))
      return F;
  return nullptr;
}

/// Keeps the locks of Into also in Other; a lock held in two modes is kept
/// shared.
void intersectInto(std::vector<std::pair<std::string, LockMode>> &Into,
                   const std::vector<std::pair<std::string, LockMode>> &Other) {
  std::vector<std::pair<std::string, LockMode>> Kept;
  for (auto &[Text, Mode] : Into)
    for (const auto &[OText, OMode] : Other)
      if (Text == OText) {
        Kept.push_back({Text, Mode == OMode ? Mode : LockMode::Shared});
        break;
      }
  Into = std::move(Kept);
}

/// The fields of a record's locks: `\tPATH=x` or `\tPATH=s` each.
std::string locksAsFields(
    const std::vector<std::pair<std::string, LockMode>> &Locks) {
  std::string Out;
  for (const auto &[Lock, Mode] : Locks)
    Out += "\t" + Lock + (Mode == LockMode::Shared ? "=s" : "=x");
  return Out;
}

} // namespace

std::string crossUnitKey(const FunctionDecl *FD) {
  if (!FD || !FD->getDeclName() || !FD->isExternallyVisible() ||
      isTemplateRelated(FD))
    return {};
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(FD->getLocation()))
    return {};
  std::string Key = FD->getQualifiedNameAsString() + "(";
  PrintingPolicy PP(FD->getASTContext().getLangOpts());
  PP.FullyQualifiedName = true;
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    if (I)
      Key += ", ";
    Key += FD->getParamDecl(I)->getType().getCanonicalType().getAsString(PP);
  }
  Key += ")";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isConst())
      Key += " const";
  // Tabs and newlines separate the file's fields.
  if (Key.find_first_of("\t\n") != std::string::npos)
    return {};
  return Key;
}

std::string ownerName(const CXXRecordDecl *RD) {
  if (!RD || !RD->getIdentifier() || isTemplateRelated(RD) ||
      !RD->isExternallyVisible())
    return {};
  return RD->getQualifiedNameAsString();
}

std::string pathAsText(const AccessPath &P, const FunctionDecl *FD) {
  std::string Text;
  if (P.kind() == RootKind::This) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (P.steps().empty())
      return MD && !MD->isStatic() ? "this" : "";
    const auto *First = dyn_cast_or_null<FieldDecl>(P.steps()[0]);
    if (!First || !First->getIdentifier())
      return {};
    if (MD && findField(MD->getParent()->getDefinition(), First->getName()) ==
                  First) {
      Text = "this";
    } else {
      // A member of another object reached from `this` (paths are
      // field-based: a caller's members pass through a call unchanged):
      // named by its class.
      std::string Owner =
          ownerName(dyn_cast<CXXRecordDecl>(First->getParent()));
      if (Owner.empty())
        return {};
      Text = "@" + Owner;
    }
  } else if (const ParmVarDecl *PV = P.param()) {
    unsigned Index = PV->getFunctionScopeIndex();
    if (Index >= FD->getNumParams())
      return {};
    Text = "param" + std::to_string(Index);
  } else {
    return {}; // globals and locals: not carried
  }
  for (const ValueDecl *S : P.steps()) {
    if (!S)
      Text += ".[]";
    else if (isa<FieldDecl>(S) && S->getIdentifier())
      Text += "." + S->getName().str();
    else
      return {};
  }
  return Text;
}

std::vector<std::pair<std::string, LockMode>>
locksAsText(const LockSet &L, const FunctionDecl *FD) {
  std::vector<std::pair<std::string, LockMode>> Out;
  for (const HeldLock &H : L) {
    if (H.Path.steps().empty())
      continue; // a lock is a member, not an object passed whole
    std::string Text = pathAsText(H.Path, FD);
    if (!Text.empty())
      Out.push_back({Text, H.Mode});
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

BindingText bindingAsText(const FunctionDecl *Caller, const CallBinding &B) {
  BindingText Binding;
  auto Bind = [&](const std::optional<AccessPath> &P, std::string To) {
    if (P)
      if (std::string From = pathAsText(*P, Caller); !From.empty())
        Binding.push_back({From, std::move(To)});
  };
  Bind(B.Object, "this");
  for (size_t K = 0; K < B.Args.size(); ++K)
    Bind(B.Args[K], "param" + std::to_string(K));
  if (llvm::none_of(Binding, [](const auto &R) { return R.first == "this"; }))
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Caller))
      if (!MD->isStatic())
        if (std::string Self = ownerName(MD->getParent()); !Self.empty())
          Binding.push_back({"this", "@" + Self});
  return Binding;
}

BindingText identityBinding(const FunctionDecl *Root) {
  BindingText B;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Root))
    if (!MD->isStatic())
      B.push_back({"this", "this"});
  for (unsigned K = 0; K < Root->getNumParams(); ++K)
    B.push_back({"param" + std::to_string(K), "param" + std::to_string(K)});
  return B;
}

BindingText composeBindings(const BindingText &RootToF,
                            const BindingText &FToCallee) {
  BindingText Out;
  for (const auto &[FPath, CalleeRoot] : FToCallee) {
    // The root's object F's path lies in (`this.journal_` in `this`), the
    // deepest one if several do.
    const std::pair<std::string, std::string> *Best = nullptr;
    for (const auto &R : RootToF) {
      llvm::StringRef To = R.second;
      if (llvm::StringRef(FPath).starts_with(To) &&
          (FPath.size() == To.size() || FPath[To.size()] == '.') &&
          (!Best || To.size() > Best->second.size()))
        Best = &R;
    }
    if (!Best)
      continue;
    std::string From = Best->first + FPath.substr(Best->second.size());
    if (llvm::none_of(Out, [&](const auto &P) {
          return P.first == From && P.second == CalleeRoot;
        }))
      Out.push_back({std::move(From), CalleeRoot});
  }
  return Out;
}

bool intersectBindings(BindingText &Into, const BindingText &Other) {
  size_t Before = Into.size();
  llvm::erase_if(Into,
                 [&](const auto &P) { return !llvm::is_contained(Other, P); });
  return Into.size() != Before;
}

std::optional<std::string> throughBinding(llvm::StringRef Lock,
                                          const BindingText &B) {
  const std::pair<std::string, std::string> *Best = nullptr;
  for (const auto &R : B) {
    llvm::StringRef From = R.first;
    if (Lock.starts_with(From) && Lock.size() > From.size() &&
        Lock[From.size()] == '.' && (!Best || From.size() > Best->first.size()))
      Best = &R;
  }
  if (Best)
    return Best->second + Lock.substr(Best->first.size()).str();
  if (Lock.starts_with("@"))
    return Lock.str();
  return std::nullopt;
}

std::optional<AccessPath>
lockFromText(llvm::StringRef Text, const FunctionDecl *FD,
             llvm::function_ref<const CXXRecordDecl *(llvm::StringRef)>
                 FindClass) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, '.');
  if (Parts.size() < 2)
    return std::nullopt;
  std::optional<AccessPath> P;
  const CXXRecordDecl *RD = nullptr;
  if (Parts[0] == "this") {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!MD || MD->isStatic())
      return std::nullopt;
    P = AccessPath::thisOf(MD->getParent());
    RD = MD->getParent()->getDefinition();
  } else if (Parts[0].consume_front("@")) {
    RD = FindClass ? FindClass(Parts[0]) : nullptr;
    if (!RD)
      return std::nullopt; // not in this translation unit
    P = AccessPath::thisOf(RD);
  } else if (Parts[0].consume_front("param")) {
    unsigned Index;
    if (Parts[0].getAsInteger(10, Index) || Index >= FD->getNumParams())
      return std::nullopt;
    const ParmVarDecl *PV = FD->getParamDecl(Index);
    P = AccessPath::var(PV);
    RD = recordOf(PV->getType());
  } else {
    return std::nullopt;
  }
  for (llvm::StringRef Step : llvm::ArrayRef(Parts).drop_front()) {
    if (Step == "[]") {
      P = P->withElement();
      RD = nullptr;
      continue;
    }
    const FieldDecl *F = findField(RD, Step);
    if (!F)
      return std::nullopt;
    P = P->withField(F);
    RD = recordOf(F->getType());
  }
  return P;
}

const CXXRecordDecl *ClassIndex::find(llvm::StringRef QualifiedName) {
  if (!Built) {
    Built = true;
    // Namespaces and classes only: no function bodies.
    llvm::SmallVector<const DeclContext *, 32> Work{AST.getTranslationUnitDecl()};
    while (!Work.empty()) {
      const DeclContext *DC = Work.pop_back_val();
      for (const Decl *D : DC->decls()) {
        if (const auto *NS = dyn_cast<NamespaceDecl>(D)) {
          Work.push_back(NS);
        } else if (const auto *LS = dyn_cast<LinkageSpecDecl>(D)) {
          Work.push_back(LS);
        } else if (const auto *RD = dyn_cast<CXXRecordDecl>(D)) {
          if (!RD->isThisDeclarationADefinition() || !RD->getIdentifier() ||
              isTemplateRelated(RD))
            continue;
          Classes.try_emplace(RD->getQualifiedNameAsString(), RD);
          Work.push_back(RD);
        }
      }
    }
  }
  auto It = Classes.find(QualifiedName);
  return It == Classes.end() ? nullptr : It->second;
}

void CallerLocksWriter::addCall(
    const std::string &Key,
    std::vector<std::pair<std::string, LockMode>> Locks,
    const std::string &Via, const BindingText &Binding) {
  // The line's other fields after a newline, which no field holds.
  std::string Group = Key + "\n";
  if (!Via.empty()) {
    Group += "\t~via=" + Via;
    for (const auto &[From, To] : Binding)
      Group += "\t~bind=" + From + ">" + To;
  }
  auto [It, New] = Calls.try_emplace(Group, std::move(Locks));
  if (New)
    Order.push_back(Group);
  else
    intersectInto(It->second, Locks);
}

bool CallerLocksWriter::writeInto(llvm::StringRef Dir, llvm::StringRef MainFile,
                                  std::string &Error) const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    Error = "cannot create '" + Dir.str() + "': " + EC.message();
    return false;
  }
  std::string Text;
  for (const std::string &Group : Order) {
    auto [Key, Via] = llvm::StringRef(Group).split('\n');
    Text += Key;
    Text += locksAsFields(Calls.find(Group)->second);
    Text += Via;
    Text += "\n";
  }
  // One file per unit (and process), written whole then renamed, so that
  // units analysed in parallel never interleave.
  llvm::SmallString<256> Path(Dir);
  llvm::sys::path::append(
      Path, llvm::utohexstr(llvm::xxh3_64bits(MainFile)) + "-" +
                std::to_string(llvm::sys::Process::getProcessId()) + ".locks");
  std::string Tmp = (Path + ".tmp").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (EC) {
      Error = "cannot write '" + Tmp + "': " + EC.message();
      return false;
    }
    OS << Text;
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Error = "cannot write '" + Path.str().str() + "': " + EC.message();
    return false;
  }
  return true;
}

std::unique_ptr<CallerLocksSummary>
CallerLocksSummary::load(llvm::StringRef Path, std::string &Error) {
  auto S = std::make_unique<CallerLocksSummary>();
  if (!llvm::sys::fs::is_directory(Path)) {
    if (!S->readFile(Path, Error))
      return nullptr;
    S->resolveVia();
    return S;
  }
  std::vector<std::string> Files;
  llvm::sys::TimePoint<> Newest;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Path, EC), End; It != End && !EC;
       It.increment(EC)) {
    if (!llvm::StringRef(It->path()).ends_with(".locks"))
      continue;
    Files.push_back(It->path());
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(It->path(), St))
      Newest = std::max(Newest, St.getLastModificationTime());
  }
  if (EC) {
    Error = "cannot read '" + Path.str() + "': " + EC.message();
    return nullptr;
  }
  // Every unit of the second pass reads the same records: the first to
  // read them leaves them merged and resolved, one line per function, for
  // the others (kept while no record is newer and none is added or gone).
  llvm::SmallString<256> Merged(Path);
  llvm::sys::path::append(Merged, "merged.summary");
  std::string Header = "#records " + std::to_string(Files.size());
  {
    llvm::sys::fs::file_status St;
    if (!llvm::sys::fs::status(Merged, St) &&
        St.getLastModificationTime() >= Newest)
      if (auto Buffer = llvm::MemoryBuffer::getFile(Merged))
        if ((*Buffer)->getBuffer().split('\n').first == Header) {
          std::string Ignored;
          auto M = std::make_unique<CallerLocksSummary>();
          if (M->readText((*Buffer)->getBuffer(), Merged, Ignored))
            return M;
        }
  }
  std::sort(Files.begin(), Files.end());
  for (const std::string &F : Files)
    if (!S->readFile(F, Error))
      return nullptr;
  S->resolveVia();
  S->writeMerged(Merged, Header);
  return S;
}

void CallerLocksSummary::writeMerged(llvm::StringRef Path,
                                     llvm::StringRef Header) const {
  std::vector<llvm::StringRef> Keys;
  for (const auto &E : Calls)
    Keys.push_back(E.getKey());
  std::sort(Keys.begin(), Keys.end());
  std::string Tmp = (Path + "." +
                     std::to_string(llvm::sys::Process::getProcessId()) +
                     ".tmp")
                        .str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Tmp, EC);
    if (EC)
      return; // a directory we cannot write: each unit merges for itself
    OS << Header << "\n";
    for (llvm::StringRef Key : Keys)
      OS << Key << locksAsFields(Calls.find(Key)->second) << "\n";
  }
  if (llvm::sys::fs::rename(Tmp, Path))
    llvm::sys::fs::remove(Tmp);
}

bool CallerLocksSummary::readFile(llvm::StringRef Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer) {
    Error = "cannot read '" + Path.str() + "': " + Buffer.getError().message();
    return false;
  }
  return readText((*Buffer)->getBuffer(), Path, Error);
}

bool CallerLocksSummary::readText(llvm::StringRef Text, llvm::StringRef Path,
                                  std::string &Error) {
  llvm::SmallVector<llvm::StringRef, 8> Lines, Fields;
  Text.split(Lines, '\n', -1, /*KeepEmpty=*/false);
  unsigned LineNo = 0;
  for (llvm::StringRef Line : Lines) {
    ++LineNo;
    if (Line.starts_with("#"))
      continue;
    Fields.clear();
    Line.split(Fields, '\t');
    std::vector<std::pair<std::string, LockMode>> Locks;
    std::string Via;
    BindingText Binding;
    for (llvm::StringRef F : llvm::ArrayRef(Fields).drop_front()) {
      if (F.consume_front("~via=")) {
        Via = F.str();
        continue;
      }
      if (F.consume_front("~bind=")) {
        auto [From, To] = F.split('>');
        if (From.empty() || To.empty()) {
          Error = Path.str() + ":" + std::to_string(LineNo) +
                  ": not a binding ('" + F.str() + "'; expected FROM>TO)";
          return false;
        }
        Binding.push_back({From.str(), To.str()});
        continue;
      }
      auto [Lock, Mode] = F.rsplit('=');
      if (Lock.empty() || (Mode != "x" && Mode != "s")) {
        Error = Path.str() + ":" + std::to_string(LineNo) +
                ": not a lock ('" + F.str() + "'; expected PATH=x or PATH=s)";
        return false;
      }
      Locks.push_back(
          {Lock.str(), Mode == "s" ? LockMode::Shared : LockMode::Exclusive});
    }
    if (!Via.empty()) {
      ViaCalls[Fields[0]].push_back({std::move(Locks), Via, Binding});
      continue;
    }
    auto [It, New] = Calls.try_emplace(Fields[0], std::move(Locks));
    if (!New)
      intersectInto(It->second, Locks);
  }
  return true;
}

void CallerLocksSummary::resolveVia() {
  if (ViaCalls.empty())
    return;
  std::vector<std::string> Keys;
  for (const auto &E : Calls)
    Keys.push_back(E.getKey().str());
  for (const auto &E : ViaCalls)
    if (!Calls.count(E.getKey()))
      Keys.push_back(E.getKey().str());
  std::sort(Keys.begin(), Keys.end()); // one order, whatever the hashing
  for (const std::string &K : Keys) {
    llvm::StringSet<> Active;
    resolved(K, Active);
  }
  Calls = std::move(Resolved);
  ViaCalls.clear();
  Resolved.clear();
}

const CallerLocksSummary::Locks *
CallerLocksSummary::resolved(llvm::StringRef Key, llvm::StringSet<> &Active) {
  if (auto It = Resolved.find(Key); It != Resolved.end())
    return &It->second;
  auto Plain = Calls.find(Key);
  auto Via = ViaCalls.find(Key);
  if (Plain == Calls.end() && Via == ViaCalls.end())
    return nullptr;
  // A cycle of calls between entry points: the locks of its outer callers
  // are not known, so none are added.
  if (!Active.insert(Key).second)
    return nullptr;
  std::optional<Locks> Out;
  if (Plain != Calls.end())
    Out = Plain->second;
  if (Via != ViaCalls.end()) {
    for (const ViaRecord &R : Via->second) {
      Locks L = R.Own;
      if (const Locks *Up = resolved(R.Via, Active))
        for (const auto &[Text, Mode] : *Up)
          if (std::optional<std::string> T = throughBinding(Text, R.Binding)) {
            auto Same = llvm::find_if(
                L, [&](const auto &H) { return H.first == *T; });
            if (Same == L.end())
              L.push_back({*T, Mode});
            else if (Mode == LockMode::Exclusive)
              Same->second = LockMode::Exclusive;
          }
      std::sort(L.begin(), L.end());
      if (!Out)
        Out = std::move(L);
      else
        intersectInto(*Out, L);
    }
  }
  Active.erase(Key);
  return &(Resolved[Key] = std::move(*Out));
}

const CallerLocksSummary *CallerLocksSummary::cached(llvm::StringRef Path,
                                                     std::string &Error) {
  // Read once per process: every check of every unit asks for the same one.
  static std::mutex M;
  static std::map<std::string, std::unique_ptr<CallerLocksSummary>> Loaded;
  static std::map<std::string, std::string> Failed;
  std::lock_guard<std::mutex> G(M);
  std::string Key = Path.str();
  if (auto It = Loaded.find(Key); It != Loaded.end())
    return It->second.get();
  if (auto It = Failed.find(Key); It != Failed.end()) {
    Error = It->second;
    return nullptr;
  }
  std::unique_ptr<CallerLocksSummary> S = load(Path, Error);
  if (!S) {
    Failed[Key] = Error;
    return nullptr;
  }
  return (Loaded[Key] = std::move(S)).get();
}

const std::vector<std::pair<std::string, LockMode>> *
CallerLocksSummary::locksAt(llvm::StringRef Key) const {
  auto It = Calls.find(Key);
  return It == Calls.end() ? nullptr : &It->second;
}

std::optional<std::vector<std::pair<std::string, LockMode>>>
CallerLocksSummary::locksAtCallsOf(const FunctionDecl *FD) const {
  std::optional<std::vector<std::pair<std::string, LockMode>>> Out;
  llvm::SmallVector<const FunctionDecl *, 4> Work{FD};
  llvm::SmallPtrSet<const FunctionDecl *, 4> Seen;
  while (!Work.empty()) {
    const FunctionDecl *F = Work.pop_back_val();
    if (!Seen.insert(F->getCanonicalDecl()).second)
      continue;
    if (const auto *Locks = locksAt(crossUnitKey(F))) {
      if (!Out)
        Out = *Locks;
      else
        intersectInto(*Out, *Locks);
    }
    if (const auto *MD = dyn_cast<CXXMethodDecl>(F))
      for (const CXXMethodDecl *O : MD->overridden_methods())
        Work.push_back(O);
  }
  return Out;
}

} // namespace maprace
