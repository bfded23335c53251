// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A worker thread held through a smart pointer member (`new std::thread`
// in a unique_ptr, std::make_unique<std::thread>, reset(new std::thread))
// is one thread per object, started by the call and joined through the
// pointer: like a std::thread member.
#include <memory>
#include <mutex>
#include <queue>
#include <string>
#include <thread>
#include <vector>

// The worker swaps the queue out under the lock and drains its own copy
// unlocked: it never runs alongside itself.
namespace unique_ptr_new_ok {
class Logger {
public:
  ~Logger() {
    if (thread_)
      thread_->join();
    while (!tmp_.empty())
      tmp_.pop();
  }
  void Output(const std::string &s) {
    std::lock_guard<std::mutex> g(mu_);
    write_.push(s);
  }
  void Start() {
    thread_ = std::unique_ptr<std::thread>(new std::thread(&Logger::Run, this));
  }

private:
  void Run() {
    {
      std::lock_guard<std::mutex> l(mu_);
      tmp_.swap(write_);
    }
    while (!tmp_.empty())
      tmp_.pop();
  }
  std::mutex mu_;
  std::queue<std::string> write_, tmp_;
  std::unique_ptr<std::thread> thread_;
};
} // namespace unique_ptr_new_ok

// The same with std::make_unique<std::thread> and reset(new std::thread):
// each worker drains its own queue unlocked, once per object.
namespace make_unique_and_reset_ok {
class Logger {
public:
  ~Logger() {
    if (a_)
      a_->join();
    if (b_)
      b_->join();
  }
  void Output(const std::string &s) {
    std::lock_guard<std::mutex> g(mu_);
    write_.push(s);
  }
  void StartA() { a_ = std::make_unique<std::thread>(&Logger::RunA, this); }
  void StartB() { b_.reset(new std::thread([this] { RunB(); })); }

private:
  void RunA() {
    {
      std::lock_guard<std::mutex> l(mu_);
      tmp_a_.swap(write_);
    }
    while (!tmp_a_.empty())
      tmp_a_.pop();
  }
  void RunB() {
    {
      std::lock_guard<std::mutex> l(mu_);
      tmp_b_.swap(write_);
    }
    while (!tmp_b_.empty())
      tmp_b_.pop();
  }
  std::mutex mu_;
  std::queue<std::string> write_, tmp_a_, tmp_b_;
  std::unique_ptr<std::thread> a_, b_;
};
} // namespace make_unique_and_reset_ok

// std::make_unique<std::thread> starts a thread: it writes while Main
// reads, before the join.
namespace make_unique_start_bad {
std::vector<int> items;
void Work() { items.push_back(1); }
// CHECK: thread-through-smart-pointer.cpp:[[@LINE-1]]:15: warning: data race on 'items' (std::vector<int>): write ('push_back') with no lock held; the conflicting read in 'Main' holds no lock either [maprace-unguarded-access]
int Main() {
  auto t = std::make_unique<std::thread>(Work);
  int n = static_cast<int>(items.size());
  t->join();
  return n;
}
} // namespace make_unique_start_bad

// Read after the join through the pointer.
namespace make_unique_joined_ok {
std::vector<int> items;
void Work() { items.push_back(1); }
int Main() {
  auto t = std::make_unique<std::thread>(Work);
  t->join();
  return static_cast<int>(items.size());
}
} // namespace make_unique_joined_ok

// A public member drains the worker's queue without the lock while the
// make_unique'd worker may run.
namespace make_unique_worker_bad {
class Logger {
public:
  ~Logger() {
    if (thread_)
      thread_->join();
  }
  void Output(const std::string &s) {
    std::lock_guard<std::mutex> g(mu_);
    write_.push(s);
  }
  void Start() { thread_ = std::make_unique<std::thread>(&Logger::Run, this); }
  void Discard() {
    while (!write_.empty())
    // CHECK: thread-through-smart-pointer.cpp:[[@LINE-1]]:13: warning: data race on 'write_' (std::queue<std::string>): read ('empty') without holding 'mu_'; the conflicting write in 'Logger::Output' holds it [maprace-unguarded-access]
      write_.pop();
  }

private:
  void Run() {
    std::lock_guard<std::mutex> l(mu_);
    while (!write_.empty())
      write_.pop();
  }
  std::mutex mu_;
  std::queue<std::string> write_;
  std::unique_ptr<std::thread> thread_;
};
} // namespace make_unique_worker_bad

// Before the join, the worker may still be draining tmp_.
namespace touched_before_join_bad {
class Logger {
public:
  ~Logger() {
    while (!tmp_.empty())
    // CHECK: thread-through-smart-pointer.cpp:[[@LINE-1]]:13: warning: data race on 'tmp_' (std::queue<std::string>): read ('empty') without holding 'mu_'; the conflicting write in 'Logger::Run' holds it [maprace-unguarded-access]
      tmp_.pop();
    if (thread_)
      thread_->join();
  }
  void Output(const std::string &s) {
    std::lock_guard<std::mutex> g(mu_);
    write_.push(s);
  }
  void Start() {
    thread_ = std::unique_ptr<std::thread>(new std::thread(&Logger::Run, this));
  }

private:
  void Run() {
    {
      std::lock_guard<std::mutex> l(mu_);
      tmp_.swap(write_);
    }
    while (!tmp_.empty())
      tmp_.pop();
      // CHECK: thread-through-smart-pointer.cpp:[[@LINE-1]]:7: warning: data race on 'tmp_' (std::queue<std::string>): write ('pop') with no lock held; the conflicting write in 'Logger::~Logger' holds no lock either [maprace-unguarded-access]
  }
  std::mutex mu_;
  std::queue<std::string> write_, tmp_;
  std::unique_ptr<std::thread> thread_;
};
} // namespace touched_before_join_bad
