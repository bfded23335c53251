// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A loop that starts one thread per iteration and hands each the element
// of its own iteration (`&parts[i]`, `parts.data() + i`, `std::ref(p)` of a
// range-for reference) gives every thread its own element: the threads
// never share it. The same start handed one element for all, or a loop
// nested in another that hands the same elements again, shares it.
#include <cstddef>
#include <functional>
#include <string>
#include <thread>
#include <vector>

// `&parts_[i]`, a member function with a bound `this`; the first part runs
// on the spawning thread (parts_.data()). Silent.
namespace index_element_ok {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

struct Part {
  Output out;
  std::vector<int> keys;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 1; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[i]);
    Process(parts_.data());
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p) {
    p->keys.push_back(1);
    p->out.Add("x");
  }
  std::vector<Part> parts_;
};
} // namespace index_element_ok

// The twin: every iteration hands the same element.
namespace same_element_bad {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }
  // CHECK: thread-per-element-of-loop.cpp:[[@LINE-1]]:36: warning: data race on 'files_' (std::vector<std::string>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]

private:
  std::vector<std::string> files_;
};

struct Part {
  Output out;
  std::vector<int> keys;
};

class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (size_t i = 0; i < parts_.size(); ++i)
      pool.emplace_back(&Job::Process, this, &parts_[0]);
    for (auto &t : pool)
      t.join();
  }

private:
  void Process(Part *p) {
    p->keys.push_back(1);
    // CHECK: thread-per-element-of-loop.cpp:[[@LINE-1]]:5: warning: data race on 'parts_[].keys' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
    p->out.Add("x");
  }
  std::vector<Part> parts_;
};
} // namespace same_element_bad

// `parts.data() + i` and a range-for reference through std::ref, to free
// functions. Silent.
namespace data_plus_index_and_range_for_ok {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

struct Part {
  Output out;
  std::vector<int> keys;
};

void Fill(Part *p) { p->keys.push_back(1); }
void FillRef(Part &p) { p.keys.push_back(2); }
std::vector<Part> parts;
void Run() {
  std::vector<std::thread> pool;
  for (size_t i = 0; i < parts.size(); i++)
    pool.emplace_back(Fill, parts.data() + i);
  for (auto &t : pool)
    t.join();
  pool.clear();
  for (Part &p : parts)
    pool.emplace_back(FillRef, std::ref(p));
  for (auto &t : pool)
    t.join();
}
} // namespace data_plus_index_and_range_for_ok

// The twin: an outer loop starts a second round on the same elements
// before the first is joined.
namespace outer_loop_bad {
class Output {
public:
  void Add(const std::string &s) { files_.push_back(s); }

private:
  std::vector<std::string> files_;
};

struct Part {
  Output out;
  std::vector<int> keys;
};

void Fill(Part *p) { p->keys.push_back(1); }
// CHECK: thread-per-element-of-loop.cpp:[[@LINE-1]]:22: warning: data race on 'parts[].keys' (std::vector<int>): write ('push_back') with no lock held, made concurrently by several threads [maprace-unguarded-access]
std::vector<Part> parts;
void Run(int rounds) {
  std::vector<std::thread> pool;
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < parts.size(); ++i)
      pool.emplace_back(Fill, &parts[i]);
  for (auto &t : pool)
    t.join();
}
} // namespace outer_loop_bad
