// RUN: python3 -c "D = ['  std::map<int, int> m' + str(i) + ';' for i in range(200)]; W = ['  m' + str(i) + '[' + str(i) + '] = ' + str(i) + ';' for i in range(200)]; H = ['#include <map>', '#include <thread>']; B = ['int many_bad() {'] + D + W + ['  std::thread t([&] { m150[1] = 1; m7.clear(); });', '  int n = m150.size() + m151.size();', '  t.join();', '  return n;', '}']; K = ['int many_ok() {'] + D + W + ['  std::thread t([&] { m150[1] = 1; m7.clear(); });', '  int n = m151.size();', '  t.join();', '  return n + m150.size();', '}']; print(*(H + B + K), sep=chr(10))" > %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A generated function with 200 local maps, all written before a thread
// starts; the thread (a lambda capturing everything by reference) writes
// m150 and clears m7. Only m150, read by the spawner while the thread runs,
// races (many_bad); many_ok reads m151 (never touched by the thread) while
// it runs and m150 after the join.
//
// Layout of %t.cpp: lines 1-2 header, many_bad at lines 3-408 (locals on
// lines 4-203, writes on 204-403, thread start on 404, the reads on 405),
// many_ok from line 409.
//
// CHECK: many-locals.cpp.tmp.cpp:404:23: warning: data race on 'm150' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'many_bad' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: many-locals.cpp.tmp.cpp:405:11: note: conflicting read ('size') in 'many_bad', with no lock held
// CHECK-NEXT: many-locals.cpp.tmp.cpp:404:15: note: this write runs on the thread started here
// CHECK-NEXT: many-locals.cpp.tmp.cpp:154:22: note: 'm150' is declared here
