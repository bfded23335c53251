// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Two threads that each build and fill their own object (a local of the
// function they run, which starts no thread) touch two objects, not one
// (cpp-httplib's per-thread servers and per-request headers). An object
// shared between the threads -- a global, a local handed to both, one
// reached through a reference -- is one.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class Router {
public:
  void Add(const std::string &r) { routes_.push_back(r); }
  size_t Hits() {
    std::lock_guard<std::mutex> l(mu_);
    return ++hits_;
  }

private:
  std::mutex mu_;
  size_t hits_ = 0;
  std::vector<std::string> routes_;
};

// Each run of Serve has its own Router.
namespace local_per_thread_ok {
void Serve(const std::string &r) {
  Router router;
  router.Add(r);
  router.Hits();
}

void Run() {
  std::thread a(Serve, "/a");
  std::thread b(Serve, "/b");
  a.join();
  b.join();
}
} // namespace local_per_thread_ok

// One Router for both threads.
namespace global_shared_bad {
class Table {
public:
  void Add(const std::string &r) { rows_.push_back(r); }
  // CHECK: one-object-per-thread.cpp:[[@LINE-1]]:36: warning: data race on 'rows_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  size_t Hits() {
    std::lock_guard<std::mutex> l(mu_);
    return ++hits_;
  }

private:
  std::mutex mu_;
  size_t hits_ = 0;
  std::vector<std::string> rows_;
};
Table table;
void Serve(const std::string &r) { table.Add(r); }

void Run() {
  std::thread a(Serve, "/a");
  std::thread b(Serve, "/b");
  a.join();
  b.join();
}
} // namespace global_shared_bad

// A local handed to both threads by reference.
namespace local_handed_to_threads_bad {
class Table {
public:
  void Add(const std::string &r) { rows_.push_back(r); }
  // CHECK: one-object-per-thread.cpp:[[@LINE-1]]:36: warning: data race on 'rows_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  size_t Hits() {
    std::lock_guard<std::mutex> l(mu_);
    return ++hits_;
  }

private:
  std::mutex mu_;
  size_t hits_ = 0;
  std::vector<std::string> rows_;
};
void Run() {
  Table table;
  std::thread a([&] { table.Add("/a"); });
  std::thread b([&] { table.Add("/b"); });
  a.join();
  b.join();
}
} // namespace local_handed_to_threads_bad

// A local reference to a shared object is not an object of its own.
namespace local_reference_bad {
class Table {
public:
  void Add(const std::string &r) { rows_.push_back(r); }
  // CHECK: one-object-per-thread.cpp:[[@LINE-1]]:36: warning: data race on 'rows_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  size_t Hits() {
    std::lock_guard<std::mutex> l(mu_);
    return ++hits_;
  }

private:
  std::mutex mu_;
  size_t hits_ = 0;
  std::vector<std::string> rows_;
};
Table &Shared();
void Serve(const std::string &r) {
  Table &table = Shared();
  table.Add(r);
}

void Run() {
  std::thread a(Serve, "/a");
  std::thread b(Serve, "/b");
  a.join();
  b.join();
}
} // namespace local_reference_bad

// The local object starts a thread on itself: the function running it
// starts a thread, and its object is shared with that thread.
namespace local_starts_thread_on_itself_bad {
class Pool {
public:
  void Start() {
    worker_ = std::thread([this] { items_.push_back(1); });
  }
  void Drain() { items_.clear(); }
  // CHECK: one-object-per-thread.cpp:[[@LINE-1]]:18: warning: data race on 'items_' (std::vector<int>): write ('clear') with no lock held; the conflicting write in a lambda in 'Pool::Start' holds no lock either [maprace-unguarded-access]
  void Join() { worker_.join(); }

private:
  std::vector<int> items_;
  std::thread worker_;
};
void Serve() {
  Pool pool;
  pool.Start();
  pool.Drain();
  pool.Join();
}
} // namespace local_starts_thread_on_itself_bad
