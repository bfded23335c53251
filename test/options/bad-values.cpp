// RUN: %maprace %s -- -std=c++20 2>&1 | %check %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: '0', maprace-unguarded-access.MutexTypes: ';;, ;'}}" -- -std=c++20 2>&1 | %check %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ThreadStartFunctions: 'foo bar'}}" -- -std=c++20 2>&1 | %check --check-prefix=TSF %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 'abc'}}" -- -std=c++20 2>&1 | %check --check-prefix=MFE %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: '-1'}}" -- -std=c++20 2>&1 | %check --check-prefix=NEG %s
// RUN: %maprace %s -config="{CheckOptions: {MaxAccessPairs: 'many'}}" -- -std=c++20 2>&1 | %check --check-prefix=PAIRS %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.Containers: '::'}}" -- -std=c++20 2>&1 | %check --check-prefix=CONT %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.LockFunctions: 'ok::Name;bad name;a::'}}" -- -std=c++20 2>&1 | %check --check-prefix=FIRST %s
// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ScopedLockTypes: 'std::lock_guard<int>'}}" -- -std=c++20 2>&1 | %check --check-prefix=TPL %s
// RUN: %maprace %s -config="{CheckOptions: {ThreadStartFunctions: 'foo bar', maprace-unguarded-access.MaxFunctionElements: 'abc', maprace-unguarded-access.Containers: '::'}}" -- -std=c++20 2>&1 | %check --check-prefix=ALL %s
// RUN: %not %maprace %s --warnings-as-errors='*' -config="{CheckOptions: {maprace-unguarded-access.MaxFunctionElements: 'abc'}}" -- -std=c++20 2>&1 | %check --check-prefix=WERR %s
//
// Malformed option values: each gives one configuration diagnostic naming
// the option, the offending entry and the expected form, never a crash.
// clang-tidy exits 0 as for any warning (1 under --warnings-as-errors, where
// the diagnostic becomes an error). A list option reports its first bad
// entry. The check then runs with no analysis at all: the race below, found
// with the default or valid options (first two RUN lines: '0' means no size
// limit, empty list entries are ignored), is not reported.
#include <map>
#include <thread>

// TSF: warning: invalid entry 'foo bar' in option 'ThreadStartFunctions': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// MFE: warning: invalid value 'abc' for option 'MaxFunctionElements': expected a non-negative integer [clang-tidy-config]
// NEG: warning: invalid value '-1' for option 'MaxFunctionElements': expected a non-negative integer [clang-tidy-config]
// PAIRS: warning: invalid value 'many' for option 'MaxAccessPairs': expected a non-negative integer [clang-tidy-config]
// CONT: warning: invalid entry '::' in option 'Containers': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// FIRST: warning: invalid entry 'bad name' in option 'LockFunctions': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// TPL: warning: invalid entry 'std::lock_guard<int>' in option 'ScopedLockTypes': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// ALL: warning: invalid entry '::' in option 'Containers': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// ALL-NEXT: warning: invalid entry 'foo bar' in option 'ThreadStartFunctions': expected a qualified C++ name such as 'ns::Class' or 'ns::Class::method', separated by ';' [clang-tidy-config]
// ALL-NEXT: warning: invalid value 'abc' for option 'MaxFunctionElements': expected a non-negative integer [clang-tidy-config]
// WERR: error: invalid value 'abc' for option 'MaxFunctionElements': expected a non-negative integer [clang-tidy-config,-warnings-as-errors]

// A thread writes a global map the spawner reads, no lock anywhere.
namespace race_bad {
std::map<int, int> g;
void writer() { g[1] = 2; }
// CHECK: bad-values.cpp:[[@LINE-1]]:17: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]

int run() {
  std::thread t(writer);
  int n = g.size();
  t.join();
  return n;
}
} // namespace race_bad
