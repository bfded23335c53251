// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Known miss: the part an accessor picks among members (`part_.Keys(b)`,
// returning `&a_` or `&b_`) is named by the accessor, not by the members
// it may return, so an access through the accessor and one to a member
// named directly are taken to touch two different containers. Here
// `Add` writes `part_.a_` under the lock and the worker clears it through
// `Keys(false)` without the lock: a race maprace does not report. (Two
// accesses both made through the accessor do meet: see
// accessor-picks-a-member.cpp, shared_object_bad.)
#include <mutex>
#include <thread>
#include <vector>

struct Part {
  std::vector<int> *Keys(bool second) { return second ? &b_ : &a_; }
  std::vector<int> a_, b_;
};

class Service {
public:
  void Start() {
    worker_ = std::thread([this] { part_.Keys(false)->clear(); });
  }
  void Add() {
    std::lock_guard<std::mutex> g(mu_);
    part_.a_.push_back(1);
  }
  ~Service() { worker_.join(); }

private:
  std::mutex mu_;
  Part part_;
  std::thread worker_;
};
