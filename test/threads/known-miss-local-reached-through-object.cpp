// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Known misses. A local of a function that starts a thread, reached by that
// thread only through an object: a handler the object stores, or a
// reference member. Each race below is real; maprace reports none. (Until
// two runs were told apart, both were reported for the wrong reason: the
// writes of two runs, which never share the local.)
#include <functional>
#include <string>
#include <thread>
#include <vector>

struct Request {
  std::vector<std::string> headers;
};

// A server keeps a handler that captures the list; the server then goes to
// the thread, which runs the handler while the function writes the list.
// maprace runs a stored handler where it is made, so it sees no thread
// write the list.
class Server {
public:
  void on(std::function<void(int)> h) { handler_ = std::move(h); }
  void run() { handler_(1); }

private:
  std::function<void(int)> handler_;
};
namespace kept_by_object_given_to_thread_missed {
void handle() {
  std::vector<int> seen;
  Server svr;
  svr.on([&seen](int v) { seen.push_back(v); });
  std::thread t([&svr] { svr.run(); });
  seen.push_back(0);
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace kept_by_object_given_to_thread_missed

// A watcher keeps a reference to the request and reads it on its thread.
// maprace names the thread's read `req_`, not `req`, so it pairs nothing
// with the function's write.
class Watcher {
public:
  explicit Watcher(const Request &req) : req_(req) {
    t_ = std::thread([this] { (void)req_.headers.size(); });
  }
  ~Watcher() { t_.join(); }

private:
  const Request &req_;
  std::thread t_;
};
namespace referenced_by_started_watcher_missed {
void handle() {
  Request req;
  Watcher w(req);
  req.headers.push_back("Host");
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace referenced_by_started_watcher_missed
