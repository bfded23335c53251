// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A loop from the second element on starts one thread per element, handing
// each its own; the spawner runs the first share itself, in place
// (`Process(parts_.data())`, `parts[0].Work()`). That element goes to no
// thread: the spawner owns it as each thread owns its own. The threads also
// write, under a lock, one object of the same class that they share; the
// spawner's unlocked writes to its own element do not race with those.
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// The loop starts at 1; the spawner's call takes the first element as
// `data()`, `&v[0]` or `front()` by reference. Silent.
namespace first_kept_ok {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    Process(parts_.data());
    Process(&parts_[0]);
    for (auto &t : pool)
      t.join();
  }
  void RunByReference() {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Fill, this, std::ref(parts_[i]));
    Fill(parts_.front());
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Output *own) {
    own->Add("x");
    std::lock_guard<std::mutex> g(mu_);
    shared_.Add("y");
  }
  void Fill(Output &own) {
    own.Add("x");
    std::lock_guard<std::mutex> g(mu_);
    shared_.Add("y");
  }
  std::mutex mu_;
  Output shared_;
  std::vector<Output> parts_;
};
} // namespace first_kept_ok

// The twin: the loop starts at 0, so the first element is also a thread's,
// written by it and by the spawner at once.
namespace first_shared_bad {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: spawner-keeps-first-element.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting write in 'Output::Add' holds it [maprace-unguarded-access]
  // CHECK-NEXT: spawner-keeps-first-element.cpp:[[@LINE+12]]:7: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: spawner-keeps-first-element.cpp:[[@LINE+19]]:5: note: 'Output::Add' is called here without holding 'mu_'

private:
  std::vector<std::string> files_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    Process(parts_.data());
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Output *own) {
    own->Add("x");
    std::lock_guard<std::mutex> g(mu_);
    shared_.Add("y");
  }
  std::mutex mu_;
  Output shared_;
  std::vector<Output> parts_;
};
} // namespace first_shared_bad

// A member function run on each element: the same, for the object.
// Silent.
namespace first_object_kept_ok {
class Part {
public:
  void Work();
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

std::mutex mu;
Part shared;

void Part::Work() {
  Add("x");
  std::lock_guard<std::mutex> g(mu);
  shared.Add("y");
}

void RunAll(std::vector<Part> &parts) {
  std::vector<std::thread> pool;
  for (size_t i = 1; i < parts.size(); ++i)
    pool.emplace_back(&Part::Work, &parts[i]);
  parts[0].Work();
  for (auto &t : pool)
    t.join();
}
} // namespace first_object_kept_ok

// The twin: the spawner runs its share on the object the threads share,
// whose `Add("x")` then runs unlocked while the threads' run locked.
namespace spawner_on_shared_bad {
class Part {
public:
  void Work();
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: spawner-keeps-first-element.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') without holding 'mu'; the conflicting write in 'Part::Add' holds it [maprace-unguarded-access]
  // CHECK-NEXT: spawner-keeps-first-element.cpp:[[@LINE+19]]:5: note: the conflicting write runs on the thread started here
  // CHECK-NEXT: spawner-keeps-first-element.cpp:[[@LINE+10]]:3: note: 'Part::Add' is called here without holding 'mu'

private:
  std::vector<std::string> files_;
};

std::mutex mu;
Part shared;

void Part::Work() {
  Add("x");
  std::lock_guard<std::mutex> g(mu);
  shared.Add("y");
}

void RunAll(std::vector<Part> &parts) {
  std::vector<std::thread> pool;
  for (size_t i = 1; i < parts.size(); ++i)
    pool.emplace_back(&Part::Work, &parts[i]);
  shared.Work();
  for (auto &t : pool)
    t.join();
}
} // namespace spawner_on_shared_bad
