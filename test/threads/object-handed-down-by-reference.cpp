// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// An object local to one run, handed down by reference or pointer to the
// helpers that read it, is still that run's own: a member function the
// helpers call on it touches no other thread's object (cpp-httplib's
// per-request `Request` passed from `process_request` to its routing
// helpers). An object kept in a member and handed down the same way is
// shared.
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// The worker's requests are locals of the lambda, handed down by reference
// and by pointer; the locked writer touches the member request.
namespace local_request_handed_down_ok {
class Request {
public:
  void Set(const std::string &h) { headers_.push_back(h); }
  size_t Count() const { return headers_.size(); }

private:
  std::vector<std::string> headers_;
};

class Server {
  std::mutex mu_;
  Request current_;
  std::thread worker_;
  static size_t Route(const Request &r) { return r.Count(); }
  static size_t Log(const Request *r) { return Route(*r); }

public:
  void Start() {
    worker_ = std::thread([] {
      Request req;
      req.Set("host");
      Route(req);
      Log(&req);
    });
  }
  void Tag() {
    std::lock_guard<std::mutex> l(mu_);
    current_.Set("tag");
  }
  ~Server() { worker_.join(); }
};
} // namespace local_request_handed_down_ok

// The worker hands the member request down: it races with the locked
// writer.
namespace member_request_handed_down_bad {
class Request {
public:
  void Set(const std::string &h) { headers_.push_back(h); }
  size_t Count() const { return headers_.size(); }
  // CHECK: object-handed-down-by-reference.cpp:[[@LINE-1]]:33: warning: data race on 'headers_' (std::vector<std::string>): read ('size') without holding 'mu_'; the conflicting write in 'Request::Set' holds it [maprace-unguarded-access]
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE-3]]:36: note: conflicting write ('push_back') in 'Request::Set', holding 'mu_'
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE+14]]:15: note: this read runs on the thread started here

private:
  std::vector<std::string> headers_;
};

class Server {
  std::mutex mu_;
  Request current_;
  std::thread worker_;
  static size_t Route(const Request &r) { return r.Count(); }

public:
  void Start() {
    worker_ = std::thread([this] { Route(current_); });
  }
  void Tag() {
    std::lock_guard<std::mutex> l(mu_);
    current_.Set("tag");
  }
  ~Server() { worker_.join(); }
};
} // namespace member_request_handed_down_bad

// One helper called with a local request and with the member one: the
// call with the member one is enough to race.
namespace local_and_member_request_bad {
class Request {
public:
  void Set(const std::string &h) { headers_.push_back(h); }
  size_t Count() const { return headers_.size(); }
  // CHECK: object-handed-down-by-reference.cpp:[[@LINE-1]]:33: warning: data race on 'headers_' (std::vector<std::string>): read ('size') without holding 'mu_'; the conflicting write in 'Request::Set' holds it [maprace-unguarded-access]
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE-3]]:36: note: conflicting write ('push_back') in 'Request::Set', holding 'mu_'
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE+14]]:15: note: this read runs on the thread started here

private:
  std::vector<std::string> headers_;
};

class Server {
  std::mutex mu_;
  Request current_;
  std::thread worker_;
  static size_t Route(const Request &r) { return r.Count(); }

public:
  void Start() {
    worker_ = std::thread([this] {
      Request req;
      Route(req);
      Route(current_);
    });
  }
  void Tag() {
    std::lock_guard<std::mutex> l(mu_);
    current_.Set("tag");
  }
  ~Server() { worker_.join(); }
};
} // namespace local_and_member_request_bad
