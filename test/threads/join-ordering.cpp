// RUN: %maprace %s -- -std=c++20 | %check %s
// Accesses in the spawning function before a thread starts or after it is
// joined (join(), a join loop over a vector of threads, future::get(), the
// end of a discarded std::async temporary's statement, a std::jthread
// leaving scope) are not concurrent with it; accesses in between are.
#include <future>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

using Map = std::map<int, int>;

// A write between the start and the join.
namespace between_start_and_join_bad {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  m[2] = 2;
  // CHECK: join-ordering.cpp:[[@LINE-1]]:3: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
  // CHECK: join-ordering.cpp:[[@LINE-3]]:23: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', with no lock held
  // CHECK: join-ordering.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  t.join();
  return m.size();
}
} // namespace between_start_and_join_bad

// Writes only before the start and after the join.
namespace before_start_after_join_ok {
int run() {
  Map m;
  m[0] = 0;
  std::thread t([&] { m[1] = 1; });
  t.join();
  m[2] = 2;
  return m.size();
}
} // namespace before_start_after_join_ok

// A read before the loop that joins the threads.
namespace join_loop_bad {
int run() {
  Map m;
  std::mutex mu;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    });
  int n = m.size();
  // CHECK: join-ordering.cpp:[[@LINE-1]]:11: warning: data race on 'm' (Map): read ('size') without holding 'mu'; the conflicting write in a lambda in 'run' holds it [maprace-unguarded-access]
  // CHECK: join-ordering.cpp:[[@LINE-4]]:7: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', holding 'mu'
  // CHECK: join-ordering.cpp:[[@LINE-7]]:5: note: the conflicting write runs on the thread started here
  for (auto &t : ts)
    t.join();
  return n;
}
} // namespace join_loop_bad

// The read after `for (auto& t : threads) t.join();`.
namespace join_loop_ok {
int run() {
  Map m;
  std::mutex mu;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    });
  for (auto &t : ts)
    t.join();
  return m.size();
}
} // namespace join_loop_ok

// The read after an index loop joining the threads.
namespace join_index_loop_ok {
int run() {
  Map m;
  std::mutex mu;
  std::vector<std::thread> ts;
  for (int i = 0; i < 4; ++i)
    ts.emplace_back([&, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    });
  for (size_t i = 0; i < ts.size(); ++i)
    ts[i].join();
  return m.size();
}
} // namespace join_index_loop_ok

// A read before future::get().
namespace future_get_bad {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] {
    m[1] = 1;
    // CHECK: join-ordering.cpp:[[@LINE-1]]:5: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
    // CHECK: join-ordering.cpp:[[@LINE+4]]:11: note: conflicting read ('size') in 'run', with no lock held
    // CHECK: join-ordering.cpp:[[@LINE-4]]:12: note: this write runs on the thread started here
    return 0;
  });
  int n = m.size();
  return n + f.get();
}
} // namespace future_get_bad

// The read after future::get().
namespace future_get_ok {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] {
    m[1] = 1;
    return 0;
  });
  int r = f.get();
  return r + m.size();
}
} // namespace future_get_ok

// A vector of futures, each waited for with get() in a loop.
namespace future_vector_ok {
int run() {
  Map m;
  std::mutex mu;
  std::vector<std::future<void>> fs;
  for (int i = 0; i < 4; ++i)
    fs.push_back(std::async(std::launch::async, [&, i] {
      std::lock_guard<std::mutex> l(mu);
      m[i] = i;
    }));
  for (auto &f : fs)
    f.get();
  return m.size();
}
} // namespace future_vector_ok

// A stored future is only waited for when it is destroyed, after the read.
namespace stored_async_bad {
int run() {
  Map m;
  auto f = std::async(std::launch::async, [&] { m[1] = 1; });
  return m.size();
  // CHECK: join-ordering.cpp:[[@LINE-2]]:49: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
}
} // namespace stored_async_bad

// A discarded std::async temporary blocks at the end of its statement.
namespace discarded_async_ok {
int run() {
  Map m;
  std::async(std::launch::async, [&] { m[1] = 1; });
  return m.size();
}
} // namespace discarded_async_ok

// A read inside the std::jthread's scope.
namespace jthread_scope_bad {
int run() {
  Map m;
  {
    std::jthread t([&] { m[1] = 1; });
    // CHECK: join-ordering.cpp:[[@LINE-1]]:26: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'run' holds no lock either [maprace-unguarded-access]
    (void)m.size();
  }
  return m.size();
}
} // namespace jthread_scope_bad

// The read after the std::jthread left scope (its destructor joins).
namespace jthread_scope_ok {
int run() {
  Map m;
  {
    std::jthread t([&] { m[1] = 1; });
  }
  return m.size();
}
} // namespace jthread_scope_ok

// A vector of std::jthread joined when the vector leaves scope.
namespace jthread_vector_ok {
int run() {
  Map m;
  std::mutex mu;
  {
    std::vector<std::jthread> ts;
    for (int i = 0; i < 4; ++i)
      ts.emplace_back([&, i] {
        std::lock_guard<std::mutex> l(mu);
        m[i] = i;
      });
  }
  return m.size();
}
} // namespace jthread_vector_ok

// A thread moved into another handle, which is joined.
namespace moved_handle_ok {
int run() {
  Map m;
  std::thread t([&] { m[1] = 1; });
  std::thread t2 = std::move(t);
  t2.join();
  return m.size();
}
} // namespace moved_handle_ok
