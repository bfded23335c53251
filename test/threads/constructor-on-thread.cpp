// RUN: %maprace %s -- -std=c++20 | %check %s
// A constructor run on a thread fills an object no other thread has yet:
// silent whether the object is a local, made by `new T(...)` in a factory
// template, or filled through a synchronous callback. A constructor that
// starts a thread sharing its object, or that writes a global, races.
#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace own_members_ok {
class Path {
public:
  explicit Path(const std::string &s) {
    std::string cur;
    for (char c : s) {
      if (c == '/') {
        parts_.push_back(cur);
        cur.clear();
      } else {
        cur += c;
      }
    }
    parts_.push_back(cur);
  }
  explicit Path(const std::vector<std::string> &all) {
    std::for_each(all.begin(), all.end(),
                  [this](const std::string &p) { parts_.push_back(p); });
  }
  size_t size() const { return parts_.size(); }

private:
  std::vector<std::string> parts_;
};
template <class T, class... Args> std::unique_ptr<T> create(Args &&...args) {
  return std::unique_ptr<T>(new T(std::forward<Args>(args)...));
}
size_t local(const std::string &s) {
  Path p(s);
  return p.size();
}
size_t made(const std::string &s) { return create<Path>(s)->size(); }
size_t listed(const std::vector<std::string> &v) {
  Path p(v);
  return p.size();
}
void run() {
  std::vector<std::string> v{"a"};
  std::thread a([] { local("/a"); });
  std::thread b([] { local("/b"); });
  std::thread c([] { made("/c"); });
  std::thread d([] { made("/d"); });
  std::thread e([&v] { listed(v); });
  std::thread f([&v] { listed(v); });
  a.join(); b.join(); c.join(); d.join(); e.join(); f.join();
}
} // namespace own_members_ok

// The constructor hands its object to a thread, then keeps writing.
namespace starts_own_thread_bad {
class Worker {
public:
  Worker() {
    t_ = std::thread([this] { seen_ = log_.size(); });
    log_.push_back(2);
// CHECK: constructor-on-thread.cpp:[[@LINE-1]]:5: warning: data race on 'log_' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in a lambda in 'Worker::Worker' holds no lock either [maprace-unguarded-access]
  }
  ~Worker() { t_.join(); }

private:
  std::vector<int> log_;
  size_t seen_ = 0;
  std::thread t_;
};
void run() {
  std::thread a([] { Worker w; });
  a.join();
}
} // namespace starts_own_thread_bad

// A constructor that writes a global, not its own object.
namespace global_from_constructor_bad {
std::vector<int> registry;
class Entry {
public:
  explicit Entry(int id) { registry.push_back(id); }
// CHECK: constructor-on-thread.cpp:[[@LINE-1]]:28: warning: data race on 'registry' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
};
void run() {
  std::thread a([] { Entry e(1); });
  std::thread b([] { Entry e(2); });
  a.join();
  b.join();
}
} // namespace global_from_constructor_bad

// Another class's constructor starts the thread (a fixture starting its
// server) and then builds a route: the list of routes races with the
// server thread; the route's own parts, filled before it is published, do
// not.
namespace other_constructor_starts_thread_bad {
// A factory template of the project's own (not std::make_unique).
template <class T, class... Args> std::unique_ptr<T> make(Args &&...args) {
  return std::unique_ptr<T>(new T(std::forward<Args>(args)...));
}
class Matcher {
public:
  explicit Matcher(const std::string &p) {
    for (char c : p)
      parts_.push_back(std::string(1, c));
  }
  bool Match(const std::string &s) const { return parts_.size() == s.size(); }

private:
  std::vector<std::string> parts_;
};
class Server {
public:
  void Route(const std::string &p) {
    routes_.push_back(make<Matcher>(p));
// CHECK: constructor-on-thread.cpp:[[@LINE-1]]:5: warning: data race on 'routes_' (std::vector<std::unique_ptr<Matcher>>): write ('push_back') with no lock held; the conflicting iteration in 'Server::Listen' holds no lock either [maprace-unguarded-access]
  }
  void Listen() {
    for (auto &r : routes_)
// CHECK: constructor-on-thread.cpp:[[@LINE-1]]:5: warning: loop over 'routes_' (std::vector<std::unique_ptr<Matcher>>) while the concurrent write ('push_back') in 'Server::Route' may change it; no lock is held at either [maprace-iteration-mutation]
      r->Match("x");
  }

private:
  std::vector<std::unique_ptr<Matcher>> routes_;
};
class Fixture {
public:
  Fixture() {
    thread_ = std::thread([this] { server_.Listen(); });
    server_.Route("/b");
  }
  ~Fixture() { thread_.join(); }

private:
  Server server_;
  std::thread thread_;
};
void run() { Fixture f; }
} // namespace other_constructor_starts_thread_bad

// Its twin: the routes are built before the thread starts.
namespace other_constructor_starts_thread_ok {
// A factory template of the project's own (not std::make_unique).
template <class T, class... Args> std::unique_ptr<T> make(Args &&...args) {
  return std::unique_ptr<T>(new T(std::forward<Args>(args)...));
}
class Matcher {
public:
  explicit Matcher(const std::string &p) {
    for (char c : p)
      parts_.push_back(std::string(1, c));
  }
  bool Match(const std::string &s) const { return parts_.size() == s.size(); }

private:
  std::vector<std::string> parts_;
};
class Server {
public:
  void Route(const std::string &p) {
    routes_.push_back(make<Matcher>(p));
  }
  void Listen() {
    for (auto &r : routes_)
      r->Match("x");
  }

private:
  std::vector<std::unique_ptr<Matcher>> routes_;
};
class Fixture {
public:
  Fixture() {
    server_.Route("/b");
    thread_ = std::thread([this] { server_.Listen(); });
  }
  ~Fixture() { thread_.join(); }

private:
  Server server_;
  std::thread thread_;
};
void run() { Fixture f; }
} // namespace other_constructor_starts_thread_ok
