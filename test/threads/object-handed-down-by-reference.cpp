// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// An object local to one run, handed down by reference or pointer to the
// helpers that read it, is still that run's own: a member function the
// helpers call on it touches no other thread's object (cpp-httplib's
// per-request `Request` passed from `process_request` to its routing
// helpers), and so is it for a lambda made in such a helper that captures
// it, or captures the `this` of a member function running on it. An object
// kept in a member and handed down the same way is shared.
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

// A lambda reading a parameter captured by reference, or its maker's object
// through a captured `this`, reads the run's own object when the maker runs
// on one.
namespace captured_by_lambda_ok {
class Request {
public:
  void Set(const std::string &h) { headers_.push_back(h); }
  size_t Count() const { return headers_.size(); }

private:
  std::vector<std::string> headers_;
};
template <class F> size_t Call(F f) { return f(); }
template <class F> void Each(const std::string &s, F f) {
  for (char c : s)
    f(c);
}
class Parser {
public:
  void Feed(const std::string &s) {
    Each(s, [this](char c) { fields_.push_back(std::string(1, c)); });
  }

private:
  std::vector<std::string> fields_;
};
class Server {
  std::mutex mu_;
  Request current_;
  Parser parser_;
  std::thread worker_;
  static size_t Route(const Request &r) {
    return Call([&r] { return r.Count(); });
  }

public:
  void Start() {
    worker_ = std::thread([] {
      Request req;
      Route(req);
      Parser p;
      p.Feed("ab");
    });
  }
  void Tag() {
    std::lock_guard<std::mutex> l(mu_);
    current_.Set("tag");
    parser_.Feed("tag");
  }
  ~Server() { worker_.join(); }
};
} // namespace captured_by_lambda_ok

// The worker hands the members to the same helpers: both lambdas race with
// the locked writer.
namespace captured_by_lambda_bad {
class Request {
public:
  void Set(const std::string &h) { headers_.push_back(h); }
  size_t Count() const { return headers_.size(); }
  // CHECK: object-handed-down-by-reference.cpp:[[@LINE-1]]:33: warning: data race on 'headers_' (std::vector<std::string>): read ('size') without holding 'mu_'; the conflicting write in 'Request::Set' holds it [maprace-unguarded-access]
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE-3]]:36: note: conflicting write ('push_back') in 'Request::Set', holding 'mu_'
  // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE+33]]:15: note: this read runs on the thread started here

private:
  std::vector<std::string> headers_;
};
template <class F> size_t Call(F f) { return f(); }
template <class F> void Each(const std::string &s, F f) {
  for (char c : s)
    f(c);
}
class Parser {
public:
  void Feed(const std::string &s) {
    Each(s, [this](char c) { fields_.push_back(std::string(1, c)); });
    // CHECK: object-handed-down-by-reference.cpp:[[@LINE-1]]:30: warning: data race on 'fields_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting write in a lambda in 'Parser::Feed' holds it [maprace-unguarded-access]
    // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE+18]]:15: note: this write runs on the thread started here
    // CHECK-NEXT: object-handed-down-by-reference.cpp:[[@LINE-3]]:13: note: a lambda in 'Parser::Feed' is called here without holding 'mu_'
  }

private:
  std::vector<std::string> fields_;
};
class Server {
  std::mutex mu_;
  Request current_;
  Parser parser_;
  std::thread worker_;
  static size_t Route(const Request &r) {
    return Call([&r] { return r.Count(); });
  }

public:
  void Start() {
    worker_ = std::thread([this] {
      Route(current_);
      parser_.Feed("ab");
    });
  }
  void Tag() {
    std::lock_guard<std::mutex> l(mu_);
    current_.Set("tag");
    parser_.Feed("tag");
  }
  ~Server() { worker_.join(); }
};
} // namespace captured_by_lambda_bad
