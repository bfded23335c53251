// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A function run on two threads, each run building its own local object
// and calling its member functions, touches two objects even when the
// function also starts a thread that sees the object (so the object is
// not private to the run): the members meet only inside one run. A lambda
// the object runs (a handler, a task) sees the same run's object.
#include <functional>
#include <string>
#include <thread>
#include <vector>

// Each run: its own server; the routes are filled, then walked by the
// server's run loop and by a task lambda, and a thread started during the
// run stops the server. Two runs on two threads. Silent.
namespace run_local_object_ok {
class Server {
public:
  void Get(const std::string &path) { routes_.push_back(path); }
  void Listen() {
    auto task = [this] { Dispatch(); };
    task();
  }
  void Stop() { stopped_ = true; }

private:
  void Dispatch() {
    for (const std::string &r : routes_)
      (void)r;
  }
  std::vector<std::string> routes_;
  bool stopped_ = false;
};

void Serve() {
  std::thread stopper;
  Server svr;
  svr.Get("/hi");
  stopper = std::thread([&] { svr.Stop(); });
  svr.Listen();
  stopper.join();
}

int main() {
  std::thread a(Serve);
  std::thread b(Serve);
  a.join();
  b.join();
}
} // namespace run_local_object_ok

// The twin: one server shared by both runs.
namespace shared_object_bad {
class Server {
public:
  void Get(const std::string &path) { routes_.push_back(path); }
  // CHECK: two-runs-objects-of-their-own.cpp:[[@LINE-1]]:39: warning: data race on 'routes_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  void Listen() {
    auto task = [this] { Dispatch(); };
    task();
  }
  void Stop() {}

private:
  void Dispatch() {
    for (const std::string &r : routes_)
      // CHECK: two-runs-objects-of-their-own.cpp:[[@LINE-1]]:5: warning: loop over 'routes_' (std::vector<std::string>) while the concurrent write ('push_back') in 'Server::Get' may change it; no lock is held at either [maprace-iteration-mutation]
      (void)r;
  }
  std::vector<std::string> routes_;
};

Server shared;

void Serve() {
  std::thread stopper;
  Server &svr = shared;
  svr.Get("/hi");
  stopper = std::thread([&] { svr.Stop(); });
  svr.Listen();
  stopper.join();
}

int main() {
  std::thread a(Serve);
  std::thread b(Serve);
  a.join();
  b.join();
}
} // namespace shared_object_bad

// The twin inside one run: the thread the run starts adds a route while
// the run walks them.
namespace same_run_bad {
class Server {
public:
  void Get(const std::string &path) { routes_.push_back(path); }
  // CHECK: two-runs-objects-of-their-own.cpp:[[@LINE-1]]:39: warning: data race on 'routes_' (std::vector<std::string>): write ('push_back') with no lock held; the conflicting iteration in 'Server::Dispatch' holds no lock either [maprace-unguarded-access]
  void Listen() {
    auto task = [this] { Dispatch(); };
    task();
  }

private:
  void Dispatch() {
    for (const std::string &r : routes_)
      // CHECK: two-runs-objects-of-their-own.cpp:[[@LINE-1]]:5: warning: loop over 'routes_' (std::vector<std::string>) while the concurrent write ('push_back') in 'Server::Get' may change it; no lock is held at either [maprace-iteration-mutation]
      (void)r;
  }
  std::vector<std::string> routes_;
};

void Serve() {
  Server svr;
  std::thread late([&] { svr.Get("/late"); });
  svr.Listen();
  late.join();
}

int main() {
  std::thread a(Serve);
  std::thread b(Serve);
  a.join();
  b.join();
}
} // namespace same_run_bad
