// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A thread handed its own loop element owns the parts of it that a
// pointer member selects, when that member only ever points into its own
// object (`Output *current_ = &main_;`, later `current_ = &spill_;`),
// reached directly or through an accessor (`part->Current().Add(x)`; an
// accessor is followed even when it touches no container itself). A
// pointer member that may lead elsewhere (set from a constructor
// argument, or assigned another object's member) leads to shared state.
#include <cstddef>
#include <string>
#include <thread>
#include <vector>

class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

// The current output switches between two of the part's own. Silent.
namespace interior_pointer_ok {
struct Part {
  Output &Current() const { return *current_; }
  Output &Main() { return main_; }
  void Spill() { current_ = &spill_; }
  Output main_;
  Output spill_;
  Output *current_ = &main_;
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
  void Process(Part *part) {
    part->Current().Add("a");
    part->Spill();
    part->current_->Add("b");
    part->Main().Add("c");
  }
  std::vector<Part> parts_;
};
} // namespace interior_pointer_ok

// Set from the constructor's argument: every part may share one output.
namespace pointer_from_outside {
class Output2 {
public:
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: element-part-through-interior-pointer.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]

private:
  std::vector<std::string> files_;
};

struct Part {
  explicit Part(Output2 *sink) : current_(sink) {}
  Output2 &Current() const { return *current_; }
  Output2 *current_;
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
  void Process(Part *part) { part->Current().Add("a"); }
  std::vector<Part> parts_;
};
} // namespace pointer_from_outside

// Pointed at another part's output: no longer its own.
namespace pointed_at_another_part {
class Output3 {
public:
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: element-part-through-interior-pointer.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]

private:
  std::vector<std::string> files_;
};

struct Part {
  Output3 &Current() const { return *current_; }
  Output3 main_;
  Output3 *current_ = &main_;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i) {
      parts_[i].current_ = &parts_[0].main_;
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    }
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *part) { part->Current().Add("a"); }
  std::vector<Part> parts_;
};
} // namespace pointed_at_another_part
