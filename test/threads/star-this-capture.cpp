// RUN: %maprace %s -- -std=c++20 | %check %s
// A lambda capturing `*this` by copy gets its own copy of the object: its
// member accesses are not the spawner's.
#include <map>
#include <thread>

using Map = std::map<int, int>;

// [this]: the thread writes the spawner's object.
namespace this_capture_bad {
struct W {
  Map m;
  int run() {
    std::thread t([this] { m[1] = 1; });
    // CHECK: :[[@LINE-1]]:28: warning: data race on 'm' (Map): write ('operator[]' inserts missing keys) with no lock held; the conflicting read in 'W::run' holds no lock either [maprace-unguarded-access]
    int n = m.size();
    t.join();
    return n;
  }
};
} // namespace this_capture_bad

// [*this]: the thread writes its own copy of the object.
namespace star_this_capture_ok {
struct W {
  Map m;
  int run() {
    std::thread t([*this]() mutable { m[1] = 1; });
    int n = m.size();
    t.join();
    return n;
  }
};
} // namespace star_this_capture_ok
