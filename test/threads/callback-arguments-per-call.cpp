// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A lambda kept in a std::function is called later by whoever holds the
// function, which hands its parameters their objects, per call
// (`svr.Get(path, [&](Response &res) {...})`: each request its own
// Response). With that caller out of sight, an object reached through
// such a parameter is the call's own, not one object shared by every
// thread that makes the lambda. A lambda handed on as itself (a template
// callable) keeps its parameters unbound, as before. (Each namespace has
// its own classes, so that one's accesses cannot stand for another's.)
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Each thread's handler is handed its own Response: silent.
namespace handler_parameter_ok {
struct Response {
  std::vector<std::string> headers;
  void set_header(const std::string &v) { headers.push_back(v); }
};
class Server {
public:
  void Get(std::function<void(Response &)> h) { handlers_.push_back(h); }
  void listen();

private:
  std::vector<std::function<void(Response &)>> handlers_;
};
void serve(const char *label) {
  Server svr;
  svr.Get([&](Response &res) { res.set_header(label); });
  svr.listen();
}
void run() {
  std::thread a([] { serve("a"); });
  std::thread b([] { serve("b"); });
  a.join();
  b.join();
}
} // namespace handler_parameter_ok

// Its twin: the handler writes a Response every thread shares.
namespace handler_shared_object_bad {
struct Response {
  std::vector<std::string> headers;
  void set_header(const std::string &v) { headers.push_back(v); }
  // CHECK: callback-arguments-per-call.cpp:[[@LINE-1]]:43: warning: data race on 'headers' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
};
class Server {
public:
  void Get(std::function<void(Response &)> h) { handlers_.push_back(h); }
  void listen();

private:
  std::vector<std::function<void(Response &)>> handlers_;
};
Response shared;
void serve(const char *label) {
  Server svr;
  svr.Get([&](Response &) { shared.set_header(label); });
  svr.listen();
}
void run() {
  std::thread a([] { serve("a"); });
  std::thread b([] { serve("b"); });
  a.join();
  b.join();
}
} // namespace handler_shared_object_bad

// Its synchronised twin: the handler locks around the shared object.
namespace handler_shared_object_locked_ok {
struct Response {
  std::vector<std::string> headers;
  void set_header(const std::string &v) { headers.push_back(v); }
};
class Server {
public:
  void Get(std::function<void(Response &)> h) { handlers_.push_back(h); }
  void listen();

private:
  std::vector<std::function<void(Response &)>> handlers_;
};
Response shared;
std::mutex shared_mu;
void serve(const char *label) {
  Server svr;
  svr.Get([&](Response &) {
    std::lock_guard<std::mutex> g(shared_mu);
    shared.set_header(label);
  });
  svr.listen();
}
void run() {
  std::thread a([] { serve("a"); });
  std::thread b([] { serve("b"); });
  a.join();
  b.join();
}
} // namespace handler_shared_object_locked_ok

// A lambda handed on as itself, not as a std::function: its parameter
// stays unbound, taken as one object (here rightly: every thread's visit
// hands it the same shared replies).
namespace template_callable_bad {
struct Reply {
  std::vector<std::string> lines;
  void add(const std::string &v) { lines.push_back(v); }
  // CHECK: callback-arguments-per-call.cpp:[[@LINE-1]]:36: warning: data race on 'lines' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
};
std::vector<Reply> replies;
template <class F> void visitAll(F &&f) {
  for (Reply &r : replies)
    f(r);
}
void serve(const char *label) {
  visitAll([&](Reply &r) { r.add(label); });
}
void run() {
  std::thread a([] { serve("a"); });
  std::thread b([] { serve("b"); });
  a.join();
  b.join();
}
} // namespace template_callable_bad

// Its synchronised twin: each visit holds the replies' lock.
namespace template_callable_locked_ok {
struct Reply {
  std::vector<std::string> lines;
  void add(const std::string &v) { lines.push_back(v); }
};
std::vector<Reply> replies;
std::mutex replies_mu;
template <class F> void visitAll(F &&f) {
  for (Reply &r : replies)
    f(r);
}
void serve(const char *label) {
  visitAll([&](Reply &r) {
    std::lock_guard<std::mutex> g(replies_mu);
    r.add(label);
  });
}
void run() {
  std::thread a([] { serve("a"); });
  std::thread b([] { serve("b"); });
  a.join();
  b.join();
}
} // namespace template_callable_locked_ok

// A thread per part; inside, a std::function opening output files for
// that part, called with the part's outputs by code in another file.
namespace file_handler_per_part_ok {
struct Outputs {
  std::vector<int> files_;
  void Add(int f) { files_.push_back(f); }
};
struct Part {
  Outputs main_, extra_;
  void Close(const std::function<int(Outputs &)> &open); // elsewhere
};
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    Process(parts_.data());
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *part) {
    const std::function<int(Outputs &)> open = [this, part](Outputs &o) {
      return Open(part, o);
    };
    part->Close(open);
  }
  int Open(Part *, Outputs &o) {
    o.Add(next_);
    return 0;
  }
  int next_ = 0;
  std::vector<Part> parts_;
};
} // namespace file_handler_per_part_ok
