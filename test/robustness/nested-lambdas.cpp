// RUN: %maprace %s -- -std=c++20 | sed '/^ *[0-9]* |/d' | %check %s
// Lambdas nested ten deep. A lambda that does not go to a thread runs where
// it is created, so the innermost write of a ten-level nest created inside a
// thread body runs on that thread (and under the locks held there); a thread
// started ten immediately-invoked lambdas deep is still seen.
#include <map>
#include <mutex>
#include <thread>

// Ten named lambdas created and called inside a thread body; the innermost
// writes the global without the lock the spawner's read holds.
namespace ten_levels_on_thread_bad {
std::map<int, int> g;
std::mutex mu;
int run() {
  std::thread t([] {
    auto l1 = [] {
      auto l2 = [] {
        auto l3 = [] {
          auto l4 = [] {
            auto l5 = [] {
              auto l6 = [] {
                auto l7 = [] {
                  auto l8 = [] {
                    auto l9 = [] {
                      auto l10 = [] { g[10] = 1; };
                      // CHECK: nested-lambdas.cpp:[[@LINE-1]]:39: warning: data race on 'g' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu'; the conflicting read in 'run' holds it [maprace-unguarded-access]
                      // CHECK-NEXT: nested-lambdas.cpp:[[@LINE+26]]:9: note: conflicting read ('size') in 'run', holding 'mu'
                      // CHECK-NEXT: nested-lambdas.cpp:[[@LINE-13]]:15: note: this write runs on the thread started here
                      // CHECK-NEXT: nested-lambdas.cpp:[[@LINE-17]]:20: note: 'g' is declared here
                      l10();
                    };
                    l9();
                  };
                  l8();
                };
                l7();
              };
              l6();
            };
            l5();
          };
          l4();
        };
        l3();
      };
      l2();
    };
    l1();
  });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace ten_levels_on_thread_bad

// Same nest, the thread body holds the lock while it creates and calls it.
namespace ten_levels_on_thread_ok {
std::map<int, int> g;
std::mutex mu;
int run() {
  std::thread t([] {
    std::lock_guard<std::mutex> guard(mu);
    auto l1 = [] {
      auto l2 = [] {
        auto l3 = [] {
          auto l4 = [] {
            auto l5 = [] {
              auto l6 = [] {
                auto l7 = [] {
                  auto l8 = [] {
                    auto l9 = [] {
                      auto l10 = [] { g[10] = 1; };
                      l10();
                    };
                    l9();
                  };
                  l8();
                };
                l7();
              };
              l6();
            };
            l5();
          };
          l4();
        };
        l3();
      };
      l2();
    };
    l1();
  });
  int n;
  {
    std::lock_guard<std::mutex> l(mu);
    n = g.size();
  }
  t.join();
  return n;
}
} // namespace ten_levels_on_thread_ok

// A thread started inside ten immediately invoked lambdas races with the
// innermost lambda's own erase of a local captured by reference all the way.
namespace thread_ten_levels_deep_bad {
int run() {
  std::map<int, int> m;
  [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] {
    std::thread t([&] { m[1] = 1; });
    m.erase(2);
    // CHECK: nested-lambdas.cpp:[[@LINE-1]]:5: warning: data race on 'm' (std::map<int, int>): write ('erase') with no lock held; the conflicting write in a lambda in 'run' holds no lock either [maprace-unguarded-access]
    // CHECK-NEXT: nested-lambdas.cpp:[[@LINE-3]]:25: note: conflicting write ('operator[]' inserts missing keys) in a lambda in 'run', with no lock held
    // CHECK-NEXT: nested-lambdas.cpp:[[@LINE-4]]:17: note: the conflicting write runs on the thread started here
    // CHECK-NEXT: nested-lambdas.cpp:[[@LINE-7]]:22: note: 'm' is declared here
    t.join();
  }(); }(); }(); }(); }(); }(); }(); }(); }(); }();
  return m.size();
}
} // namespace thread_ten_levels_deep_bad

// Same, the erase comes after the join.
namespace thread_ten_levels_deep_ok {
int run() {
  std::map<int, int> m;
  [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] { [&] {
    std::thread t([&] { m[1] = 1; });
    t.join();
    m.erase(2);
  }(); }(); }(); }(); }(); }(); }(); }(); }(); }();
  return m.size();
}
} // namespace thread_ten_levels_deep_ok
