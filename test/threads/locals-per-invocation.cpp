// RUN: %maprace %s -- -std=c++20 | %check %s
// A function run on several threads at once gives each run its own locals
// and parameters: they are shared only with threads that run (or are
// started) inside that same invocation. Silent on locals of a thread body
// started twice, on a local a helper fills through a reference, and on a
// local a synchronous callback captures by reference; the same code on a
// global container, or on a local the function shares with a thread it
// starts itself, races.
#include <functional>
#include <string>
#include <thread>
#include <vector>

// A global written by a function two threads run.
namespace global_bad {
std::vector<int> seen;
void record(int v) { seen.push_back(v); }
// CHECK: locals-per-invocation.cpp:[[@LINE-1]]:22: warning: data race on 'seen' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
void run() {
  std::thread a(record, 1);
  std::thread b(record, 2);
  a.join();
  b.join();
}
} // namespace global_bad

// The same function on a local: one vector per run.
namespace local_ok {
void record(int v) {
  std::vector<int> seen;
  seen.push_back(v);
}
void run() {
  std::thread a(record, 1);
  std::thread b(record, 2);
  a.join();
  b.join();
}
} // namespace local_ok

// Each run passes its own local to a helper that clears and fills it.
namespace by_reference_ok {
void split(const std::string &s, std::vector<std::string> &out) {
  out.clear();
  std::string cur;
  for (char c : s) {
    if (c == ',') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
}
size_t fields(const std::string &line) {
  std::vector<std::string> parts;
  split(line, parts);
  return parts.size();
}
void run() {
  std::thread a([] { fields("a,b"); });
  std::thread b([] { fields("c,d,e"); });
  a.join();
  b.join();
}
} // namespace by_reference_ok

// The helper fills a global instead: the two runs share it.
namespace by_reference_global_bad {
std::vector<std::string> parts;
void split(const std::string &s, std::vector<std::string> &out) {
  out.push_back(s);
// CHECK: locals-per-invocation.cpp:[[@LINE-1]]:3: warning: data race on 'parts' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
}
void fields(const std::string &line) { split(line, parts); }
void run() {
  std::thread a([] { fields("a"); });
  std::thread b([] { fields("b"); });
  a.join();
  b.join();
}
} // namespace by_reference_global_bad

// A callback run synchronously fills the caller's local.
namespace sync_callback_ok {
void each_word(const std::string &s, const std::function<void(char)> &f) {
  for (char c : s)
    f(c);
}
size_t letters(const std::string &s) {
  std::vector<char> out;
  each_word(s, [&](char c) { out.push_back(c); });
  return out.size();
}
void run() {
  std::thread a([] { letters("ab"); });
  std::thread b([] { letters("cd"); });
  a.join();
  b.join();
}
} // namespace sync_callback_ok

// A run that shares its local with a thread it starts itself races with it.
namespace shared_with_own_thread_bad {
void work() {
  std::vector<int> v;
  std::thread t([&] { v.push_back(1); });
  v.push_back(2);
// CHECK: locals-per-invocation.cpp:[[@LINE-1]]:3: warning: data race on 'v' (std::vector<int>): write ('push_back') with no lock held; the conflicting write in a lambda in 'work' holds no lock either [maprace-unguarded-access]
  t.join();
}
void run() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
} // namespace shared_with_own_thread_bad
