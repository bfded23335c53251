// RUN: %maprace %s -- -std=c++20 | %check %s
// A worker kept in a member handle (`worker_ = std::thread(...)`) runs once
// per object: containers only it touches are not shared, even when the
// function that starts it is public. A worker started into a local,
// detached handle runs once per call, so two calls race; and the member
// worker still races with the object's other entry points.
#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace member_worker_ok {
class Queue {
public:
  ~Queue() {
    done_ = true;
    if (worker_.joinable())
      worker_.join();
  }
  void Start() { worker_ = std::thread(&Queue::Drain, this); }
  void Push(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    inbox_.push_back(std::move(s));
  }

private:
  void Drain() {
    while (!done_) {
      {
        std::lock_guard<std::mutex> l(mu_);
        batch_.swap(inbox_);
      }
      while (!batch_.empty())
        batch_.pop_front();
      handled_.push_back("batch");
    }
  }
  std::atomic<bool> done_{false};
  std::thread worker_;
  std::mutex mu_;
  std::deque<std::string> inbox_, batch_, handled_;
};
} // namespace member_worker_ok

// The same worker in a detached local handle: each Start() runs another.
namespace detached_worker_bad {
class Queue {
public:
  void Start() { std::thread(&Queue::Drain, this).detach(); }
  void Push(std::string s) {
    std::lock_guard<std::mutex> l(mu_);
    inbox_.push_back(std::move(s));
  }

private:
  void Drain() {
    {
      std::lock_guard<std::mutex> l(mu_);
      inbox_.clear();
    }
    handled_.push_back("batch");
// CHECK: member-thread-once-per-object.cpp:[[@LINE-1]]:5: warning: data race on 'handled_' (std::deque<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  }
  std::mutex mu_;
  std::deque<std::string> inbox_, handled_;
};
} // namespace detached_worker_bad

// The member worker against an entry point that forgot the lock.
namespace member_worker_vs_entry_bad {
class Queue {
public:
  ~Queue() {
    if (worker_.joinable())
      worker_.join();
  }
  void Start() { worker_ = std::thread(&Queue::Drain, this); }
  size_t Pending() { return inbox_.size(); }
// CHECK: member-thread-once-per-object.cpp:[[@LINE-1]]:29: warning: data race on 'inbox_' (std::deque<std::string>): read ('size') without holding 'mu_'; the conflicting write in 'Queue::Drain' holds it [maprace-unguarded-access]

private:
  void Drain() {
    std::lock_guard<std::mutex> l(mu_);
    inbox_.clear();
  }
  std::thread worker_;
  std::mutex mu_;
  std::deque<std::string> inbox_;
};
} // namespace member_worker_vs_entry_bad
