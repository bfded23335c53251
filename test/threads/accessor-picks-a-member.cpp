// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// An accessor that picks one of its object's members (`if (b) return
// &second_; return &first_;`, or `b ? &second_ : &first_`) returns a part
// of that object: a thread handed its own element by a loop owns what the
// accessor returns from it, while threads handed one element for all
// share it. The part is named by the accessor (`part_.Keys()`). A local
// reference or pointer bound to `b ? p->a_ : p->b_` picks a part the same
// way, named by the local.
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// One element per thread, reached through a branching accessor and a
// conditional one. Silent.
namespace own_element_ok {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

struct Part {
  Output *Outputs(bool second) {
    if (second)
      return &second_;
    return &first_;
  }
  Output &Pick(bool second) { return second ? second_ : first_; }
  Output first_, second_;
};

class Job {
public:
  void Run(bool b) {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i], b);
    Process(parts_.data(), b);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p, bool b) {
    p->Outputs(b)->Add("x");
    p->Pick(!b).Add("y");
  }
  std::vector<Part> parts_;
};
} // namespace own_element_ok

// The twin: every thread is handed the same element.
namespace same_element_bad {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: accessor-picks-a-member.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]

private:
  std::vector<std::string> files_;
};

struct Part {
  Output *Outputs(bool second) {
    if (second)
      return &second_;
    return &first_;
  }
  Output first_, second_;
};

class Job {
public:
  void Run(bool b) {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[0], b);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p, bool b) { p->Outputs(b)->Add("x"); }
  std::vector<Part> parts_;
};
} // namespace same_element_bad

// A shared object whose picked member is written under the object's lock
// on one side and without it on the other.
namespace shared_object_bad {
struct Part {
  std::vector<int> *Keys(bool second) { return second ? &b_ : &a_; }
  std::vector<int> a_, b_;
};

class Service {
public:
  void Start() {
    worker_ = std::thread([this] { Add(true); });
  }
  void Add(bool second) {
    std::lock_guard<std::mutex> g(mu_);
    part_.Keys(second)->push_back(1);
  }
  void Reset(bool second) { part_.Keys(second)->clear(); }
  // CHECK: accessor-picks-a-member.cpp:[[@LINE-1]]:29: warning: data race on 'part_.Keys()' (std::vector<int>): write ('clear') without holding 'mu_'; the conflicting write in 'Service::Add' holds it [maprace-unguarded-access]
  ~Service() { worker_.join(); }

private:
  std::mutex mu_;
  Part part_;
  std::thread worker_;
};
} // namespace shared_object_bad

// Its twin: both sides lock. Silent.
namespace shared_object_ok {
struct Part {
  std::vector<int> *Keys(bool second) { return second ? &b_ : &a_; }
  std::vector<int> a_, b_;
};

class Service {
public:
  void Start() {
    worker_ = std::thread([this] { Add(true); });
  }
  void Add(bool second) {
    std::lock_guard<std::mutex> g(mu_);
    part_.Keys(second)->push_back(1);
  }
  void Reset(bool second) {
    std::lock_guard<std::mutex> g(mu_);
    part_.Keys(second)->clear();
  }
  ~Service() { worker_.join(); }

private:
  std::mutex mu_;
  Part part_;
  std::thread worker_;
};
} // namespace shared_object_ok

// A local reference and a local pointer picking one of the element's
// members. Silent.
namespace local_reference_ok {
struct Progress {
  void Add(int f) { files_.push_back(f); }
  std::vector<int> files_;
};
struct Part {
  Progress a_, b_;
};
class Job {
public:
  void Run(bool b) {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i], b);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p, bool b) {
    Progress &pr = b ? p->a_ : p->b_;
    pr.Add(1);
    Progress *pp = b ? &p->a_ : &p->b_;
    pp->files_.clear();
  }
  std::vector<Part> parts_;
};
} // namespace local_reference_ok

// The twin: one element for every thread.
namespace local_reference_bad {
struct Progress {
  void Add(int f) { files_.push_back(f); }
  // CHECK: accessor-picks-a-member.cpp:[[@LINE-1]]:21: warning: data race on 'files_' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  std::vector<int> files_;
};
struct Part {
  Progress a_, b_;
};
class Job {
public:
  void Run(bool b) {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[0], b);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p, bool b) {
    Progress &pr = b ? p->a_ : p->b_;
    pr.Add(1);
    Progress *pp = b ? &p->a_ : &p->b_;
    pp->files_.clear();
    // CHECK: accessor-picks-a-member.cpp:[[@LINE-1]]:5: warning: data race on 'parts_[].pp.files_' (std::vector<int>): write ('clear') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  }
  std::vector<Part> parts_;
};
} // namespace local_reference_bad
