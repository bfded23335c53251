// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// One thread calls the same member functions on its own element and, under
// a lock, on an object all threads share. The two calls are kept apart: the
// own call is owned without a lock, the shared one locked, and neither
// lends the other what it lacks (an access neither owned nor locked).
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// The shared object is locked on every call. Silent.
namespace shared_calls_locked_ok {
class Output {
public:
  size_t Count() const { return files_.size(); }
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Output *own) {
    own->Add("x");
    size_t n = own->Count();
    std::lock_guard<std::mutex> g(mu_);
    shared_.Add("y");
    total_ += n + shared_.Count();
  }
  std::mutex mu_;
  Output shared_;
  size_t total_ = 0;
  std::vector<Output> parts_;
};
} // namespace shared_calls_locked_ok

// The twin: one call on the shared object comes before the lock.
namespace shared_call_unlocked_bad {
class Output {
public:
  size_t Count() const { return files_.size(); }
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: helper-on-own-and-shared-objects.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting read in 'Output::Count' holds it [maprace-unguarded-access]
  // CHECK-NEXT: helper-on-own-and-shared-objects.cpp:[[@LINE-3]]:33: note: conflicting read ('size') in 'Output::Count', holding 'mu_'
  // CHECK-NEXT: helper-on-own-and-shared-objects.cpp:[[@LINE+11]]:7: note: this write runs on the thread started here

private:
  std::vector<std::string> files_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Output *own) {
    own->Add("x");
    shared_.Add("y");
    size_t n = own->Count();
    std::lock_guard<std::mutex> g(mu_);
    total_ += n + shared_.Count();
  }
  std::mutex mu_;
  Output shared_;
  size_t total_ = 0;
  std::vector<Output> parts_;
};
} // namespace shared_call_unlocked_bad
