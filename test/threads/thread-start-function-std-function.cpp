// RUN: %maprace %s -config="{CheckOptions: {maprace-unguarded-access.ThreadStartFunctions: 'ThreadPool::Submit;ThreadPool::SubmitPtr'}}" -- -std=c++20 | %check %s
// An executor named by ThreadStartFunctions whose parameter is a
// std::function<void()> (or a plain function pointer receiving a
// captureless lambda): the callable is found through the converting
// construction around the lambda.
#include <functional>
#include <map>
#include <mutex>

class ThreadPool {
public:
  void Submit(std::function<void()> task);
  void SubmitPtr(void (*task)());
};

// The submitted lambda writes a local the submitter reads.
namespace submit_std_function_bad {
int run(ThreadPool &pool) {
  std::map<int, int> m;
  pool.Submit([&] { m[1] = 1; });
  // CHECK: :[[@LINE-1]]:21: warning: data race on 'm' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: :[[@LINE+2]]:10: note: conflicting read ('size') in 'run', with no lock held
  // CHECK: :[[@LINE-3]]:3: note: this write runs on the thread started here
  return m.size();
}
} // namespace submit_std_function_bad

// Same, both sides under one mutex.
namespace submit_std_function_ok {
int run(ThreadPool &pool) {
  std::map<int, int> m;
  std::mutex mu;
  pool.Submit([&] {
    std::lock_guard<std::mutex> l(mu);
    m[1] = 1;
  });
  std::lock_guard<std::mutex> l(mu);
  return m.size();
}
} // namespace submit_std_function_ok

// A captureless lambda converted to the executor's function pointer.
namespace submit_lambda_to_pointer_bad {
std::map<int, int> g;
int run(ThreadPool &pool) {
  pool.SubmitPtr([] { g[1] = 1; });
  // CHECK: :[[@LINE-1]]:23: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
  return g.size();
}
} // namespace submit_lambda_to_pointer_bad
