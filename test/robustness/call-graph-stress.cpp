// RUN: python3 -c "N = 300; H = ['#include <map>', '#include <mutex>', '#include <thread>', 'std::map<int, int> g, h;', 'std::mutex mu;']; D = ['void f' + str(i) + '(std::map<int, int> &m, int n);' for i in range(N)]; F = ['void f' + str(i) + '(std::map<int, int> &m, int n) { if (n > 0) f' + str((i + 1) %% N) + '(m, n - 1);' + (' m[n] = n;' if i == N - 1 else '') + ' }' for i in range(N)]; C = ['void c' + str(N) + '() { std::lock_guard<std::mutex> l(mu); h.erase(0); }'] + ['void c' + str(i) + '() { c' + str(i + 1) + '(); }' for i in reversed(range(N))]; R = ['int run_bad() {', '  std::thread t([] { f0(g, 1000); });', '  int n = g.size();', '  t.join();', '  return n;', '}', 'int run_ok() {', '  std::thread t([] { c0(); });', '  int n;', '  {', '    std::lock_guard<std::mutex> l(mu);', '    n = h.size();', '  }', '  t.join();', '  return n;', '}']; print(*(H + D + F + C + R), sep=chr(10))" > %t.cpp
// RUN: %maprace %t.cpp -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// A generated call graph: a cycle of 300 functions f0 -> f1 -> ... -> f299
// -> f0 passing the map by reference (the write is in f299), entered from a
// thread body at f0, and a 300-deep call chain c0 -> ... -> c300 ending in a
// locked erase of another map, h. The analysis terminates quickly, carries f299's write
// through the whole cycle to the thread (run_bad races with the spawner's
// read), and the lock at the bottom of the chain is seen (run_ok is silent).
//
// Layout of %t.cpp: lines 1-5 header, declarations 6-305, the cycle 306-605
// (f299 on line 605), the chain 606-906 (c300 first, c0 last), run_bad from line 907.
//
// CHECK: call-graph-stress.cpp.tmp.cpp:605:{{[0-9]+}}: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run_bad' holds no lock either [maprace-unguarded-access]
// CHECK-NEXT: call-graph-stress.cpp.tmp.cpp:909:11: note: conflicting read ('size') in 'run_bad', with no lock held
// CHECK-NEXT: call-graph-stress.cpp.tmp.cpp:908:15: note: this write runs on the thread started here
// CHECK-NEXT: call-graph-stress.cpp.tmp.cpp:908:22: note: 'g' is reached through this call
// CHECK-NEXT: call-graph-stress.cpp.tmp.cpp:4:20: note: 'g' is declared here
