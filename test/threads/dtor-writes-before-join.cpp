// RUN: %maprace %s -- -std=c++20 | %check %s
// A destructor that touches a member before joining the worker thread the
// object started (in its constructor or in Start()) races with that worker:
// the worker runs until the join that comes after the access.
#include <mutex>
#include <thread>
#include <vector>

// The destructor clears the queue while the worker may still drain it.
namespace dtor_clears_before_join_bad {
class Service {
public:
  Service() { worker_ = std::thread([this] { Loop(); }); }
  // CHECK: :[[@LINE+5]]:5: warning: data race on 'queue_' (std::vector<int>): write ('clear') without holding 'mu_'; the conflicting write in 'Service::Loop' holds it [maprace-unguarded-access]
  // CHECK: :[[@LINE+15]]:5: note: conflicting write ('clear') in 'Service::Loop', holding 'mu_'
  // CHECK: :[[@LINE-3]]:25: note: the conflicting write runs on the thread started here
  // CHECK: :[[@LINE+16]]:20: note: 'queue_' is declared here
  ~Service() {
    queue_.clear();
    worker_.join();
  }
  void Add(int v) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(v);
  }

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace dtor_clears_before_join_bad

// The destructor joins the worker first.
namespace dtor_clears_after_join_ok {
class Service {
public:
  Service() { worker_ = std::thread([this] { Loop(); }); }
  ~Service() {
    worker_.join();
    queue_.clear();
  }
  void Add(int v) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(v);
  }

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace dtor_clears_after_join_ok
