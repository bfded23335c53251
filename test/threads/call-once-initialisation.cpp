// RUN: %maprace %s -- -std=c++17 | %check %s
// std::call_once runs its callable once, and every return from call_once
// on the same flag happens after it: what the callable writes is safe to
// read after call_once, on any thread. The flag acts as a reader/writer
// lock held exclusively by the callable and shared after call_once; it
// orders accesses but guards nothing, so no finding names it.
#include <map>
#include <mutex>
#include <pthread.h>
#include <string>
#include <vector>

namespace lazily_filled_table {
class Registry {
public:
  int Get(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    auto it = table_.find(k);
    return it == table_.end() ? 0 : it->second;
  }
  // Reads without waiting for the initialisation: it may run while Load
  // writes.
  int Peek(const std::string &k) { return table_.count(k); }

private:
  void Load() { table_["a"] = 1; }
// CHECK: call-once-initialisation.cpp:[[@LINE-1]]:17: warning: data race on 'table_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'Registry::Peek' holds no lock either [maprace-unguarded-access]
  std::once_flag once_;
  std::map<std::string, int> table_;
};
} // namespace lazily_filled_table

namespace every_reader_waits {
class Registry {
public:
  int Get(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    auto it = table_.find(k);
    return it == table_.end() ? 0 : it->second;
  }
  bool Has(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    return table_.count(k) != 0;
  }

private:
  void Load() { table_["a"] = 1; }
  std::once_flag once_;
  std::map<std::string, int> table_;
};
} // namespace every_reader_waits

// After call_once the table is shared by every thread: writing it then
// needs a lock, and the finding names the mutex, not the flag.
namespace written_after_initialisation {
class Registry {
public:
  void Set(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    table_[k] = 2;
// CHECK: call-once-initialisation.cpp:[[@LINE-1]]:5: warning: data race on 'table_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) with no lock held, and 'Registry::Set' may run on several threads at once [maprace-unguarded-access]
  }
  void Note(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    std::lock_guard<std::mutex> l(mu_);
    seen_[k]++;
  }
  void Forget(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    seen_.erase(k);
// CHECK: call-once-initialisation.cpp:[[@LINE-1]]:5: warning: data race on 'seen_' (std::map<std::string, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Registry::Note' holds it [maprace-unguarded-access]
  }

private:
  void Load() { table_["a"] = 1; }
  std::once_flag once_;
  std::mutex mu_;
  std::map<std::string, int> table_, seen_;
};
} // namespace written_after_initialisation

namespace written_after_initialisation_under_lock {
class Registry {
public:
  void Set(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    std::lock_guard<std::mutex> l(mu_);
    table_[k] = 2;
  }
  int Get(const std::string &k) {
    std::call_once(once_, [this] { Load(); });
    std::lock_guard<std::mutex> l(mu_);
    return table_.count(k);
  }

private:
  void Load() { table_["a"] = 1; }
  std::once_flag once_;
  std::mutex mu_;
  std::map<std::string, int> table_;
};
} // namespace written_after_initialisation_under_lock

// A member function as the callable: `call_once(flag, &C::Init, this)`.
namespace member_function_callable {
class Index {
public:
  int Get(int k) {
    std::call_once(once_, &Index::Init, this);
    return table_.count(k);
  }

private:
  void Init() { table_[1] = 1; }
  std::once_flag once_;
  std::map<int, int> table_;
};
} // namespace member_function_callable

// The initialiser also called directly, outside call_once: that run is
// not ordered before the readers.
namespace initialiser_also_called_directly {
class Index {
public:
  int Get(int k) {
    std::call_once(once_, &Index::Init, this);
    return table_.count(k);
  }
  void Reload() { Init(); }

private:
  void Init() { table_[1] = 1; }
// CHECK: call-once-initialisation.cpp:[[@LINE-1]]:17: warning: data race on 'table_' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held, and 'Index::Init' may run on several threads at once [maprace-unguarded-access]
  std::once_flag once_;
  std::map<int, int> table_;
};
} // namespace initialiser_also_called_directly

// pthread_once with a function pointer, on a global table.
static pthread_once_t names_once = PTHREAD_ONCE_INIT;
static std::map<int, int> names;
static void init_names() { names[1] = 1; }
// CHECK: call-once-initialisation.cpp:[[@LINE-1]]:28: warning: data race on 'names' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'name_of_unchecked' holds no lock either [maprace-unguarded-access]
int name_of(int k) {
  pthread_once(&names_once, init_names);
  return names.count(k);
}
int name_of_unchecked(int k) { return names.count(k); }
void *worker(void *) {
  name_of(1);
  name_of_unchecked(2);
  return nullptr;
}
void start() {
  pthread_t t;
  pthread_create(&t, nullptr, worker, nullptr);
  name_of(3);
}

static pthread_once_t codes_once = PTHREAD_ONCE_INIT;
static std::map<int, int> codes;
static void init_codes() { codes[1] = 1; }
int code_of(int k) {
  pthread_once(&codes_once, init_codes);
  return codes.count(k);
}
void *code_worker(void *) { return reinterpret_cast<void *>(code_of(1)); }
void start_codes() {
  pthread_t t;
  pthread_create(&t, nullptr, code_worker, nullptr);
  code_of(3);
}

// A function's static flag guarding a one-time registration: the objects
// the registration builds (temporaries, each with its own list) are not
// shared, and the flag does not make their class one meant to be shared.
namespace static_flag_registers_builders {
class Pattern {
public:
  explicit Pattern(const std::string &n) { parts_.push_back(n); }
  Pattern &Suffix(const std::string &s) {
    parts_.push_back(s);
    return *this;
  }
  Pattern &Number(const std::string &s) {
    parts_.push_back(s + "#");
    return *this;
  }

private:
  std::vector<std::string> parts_;
};
void Add(const Pattern &) {}
void RegisterAll() {
  Add(Pattern("a").Number(":"));
  Add(Pattern("b").Number("."));
}
int Create() {
  static std::once_flag once;
  std::call_once(once, [] { RegisterAll(); });
  return 0;
}
} // namespace static_flag_registers_builders
