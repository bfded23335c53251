// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A function that several threads run and that starts a thread of its own
// (a request handler opening a heartbeat, say) still gives each run its own
// locals, except those the started thread can be handed: named in the
// thread start or in a call that starts it, kept by an object that goes to
// the thread, or passed to a constructor that keeps a reference and starts
// it. A constructor that only copies its const-reference argument keeps
// nothing. (A local the thread reaches only through an object is a known
// miss: known-miss-local-reached-through-object.cpp.)
#include <string>
#include <thread>
#include <vector>

struct Request {
  std::vector<std::string> headers;
};

// A socket that copies the request, then starts its ping thread.
class Socket {
public:
  explicit Socket(const Request &req) : req_(req) {
    ping_ = std::thread([this] { (void)req_.headers.size(); });
  }
  ~Socket() { ping_.join(); }

private:
  Request req_;
  std::thread ping_;
};

void parse(Request &req) { req.headers.push_back("Host"); }
template <typename Fn> void each(const std::string &s, Fn fn) { fn(s.data()); }

// Each run has its own request and list; the socket has a copy.
namespace copied_into_started_socket_ok {
void handle() {
  Request req;
  parse(req);
  std::vector<std::string> names;
  each(std::string("a,b"), [&](const char *p) { names.emplace_back(p); });
  Socket s(req);
  req.headers.clear();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace copied_into_started_socket_ok

// The started thread is handed the request itself.
namespace handed_to_started_thread_bad {
void handle() {
  Request req;
  std::thread t([&req] { req.headers.push_back("X"); });
  req.headers.push_back("Host");
  // CHECK: locals-of-thread-starting-functions.cpp:[[@LINE-1]]:3: warning: data race on 'req.headers' (std::vector<std::string>): write ('push_back') with no lock held; the conflicting write in a lambda in 'handle' holds no lock either [maprace-unguarded-access]
  // CHECK-NEXT: locals-of-thread-starting-functions.cpp:[[@LINE-3]]:26: note: conflicting write ('push_back') in a lambda in 'handle', with no lock held
  t.join();
}
void serve() {
  std::thread a(handle), b(handle);
  a.join();
  b.join();
}
} // namespace handed_to_started_thread_bad

