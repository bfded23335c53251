// RUN: python3 -c "S = ['  acc += ' + str(i) + ';' if i %% 10 else '  { std::lock_guard<std::mutex> l(mu); acc += g.count(' + str(i) + '); }' for i in range(3000)]; H = ['#include <map>', '#include <mutex>', '#include <thread>', 'std::map<int, int> g;', 'std::mutex mu;', 'void writer() { std::lock_guard<std::mutex> l(mu); g[1] = 1; }']; B = ['int huge_bad() {', '  std::thread t(writer);', '  int acc = 0;'] + S + ['  acc += g.count(1);', '  t.join();', '  return acc;', '}']; K = ['int huge_ok() {', '  std::thread t(writer);', '  int acc = 0;'] + S + ['  { std::lock_guard<std::mutex> l(mu); acc += g.count(1); }', '  t.join();', '  return acc;', '}']; print(*(H + B + K), sep=chr(10))" > %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A huge generated function: 3000 statements, 300 of them locked blocks
// reading the map (about half the default MaxFunctionElements budget). It is
// analysed in full and fast: the single unguarded read after the 3000
// statements is found (huge_bad), the locked twin (huge_ok) is silent, and
// the release note points at the end of the last locked block.
//
// Layout of %t.cpp: lines 1-6 header, huge_bad at lines 7-3013 (its
// unguarded read on line 3010), huge_ok from line 3014.
//
// CHECK: huge-function.cpp.tmp.cpp:3010:10: warning: data race on 'g' (std::map<int, int>): read ('count') without holding 'mu'; the conflicting write in 'writer' holds it [maprace-unguarded-access]
// CHECK-NEXT: huge-function.cpp.tmp.cpp:6:52: note: conflicting write ('operator[]' inserts missing keys) in 'writer', holding 'mu'
// CHECK-NEXT: huge-function.cpp.tmp.cpp:8:15: note: the conflicting write runs on the thread started here
// CHECK-NEXT: huge-function.cpp.tmp.cpp:3000:62: note: 'mu' is released here, before the access
// CHECK-NEXT: huge-function.cpp.tmp.cpp:4:20: note: 'g' is declared here
