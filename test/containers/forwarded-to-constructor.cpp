// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A container handed to std::make_unique<T>(c) / std::make_shared<T>(c) is
// taken the way T's constructor takes it, not as the non-const reference
// that make_unique's forwarding parameter (`Args&&`) is for an lvalue.
#include <memory>
#include <thread>
#include <vector>

struct Reader {
  explicit Reader(const std::vector<long> &v) : n(v.size()) {}
  size_t n;
};
struct Filler {
  explicit Filler(std::vector<long> &v) { v.push_back(1); }
};
struct PtrReader {
  explicit PtrReader(const std::vector<long> *v) : n(v->size()) {}
  size_t n;
};
struct PtrFiller {
  explicit PtrFiller(std::vector<long> *v) { v->clear(); }
};
struct Owner {
  explicit Owner(std::vector<long> v) : v(std::move(v)) {}
  std::vector<long> v;
};

// Workers that only read the shared vector through T's const reference.
namespace const_ref_ok {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() {
    auto a = std::make_unique<Reader>(seqs_);
    auto b = std::make_shared<Reader>(seqs_);
    auto c = std::make_unique<PtrReader>(&seqs_);
  }
  std::vector<long> seqs_;
};
} // namespace const_ref_ok

// T's constructor takes it by non-const reference and writes it.
namespace nonconst_ref_bad {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { auto a = std::make_unique<Filler>(seqs_); }
  // CHECK: forwarded-to-constructor.cpp:[[@LINE-1]]:50: warning: data race on 'seqs_' (std::vector<long>): write (passed by non-const reference to 'make_unique') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  std::vector<long> seqs_;
};
} // namespace nonconst_ref_bad

// Through make_shared (seven calls down to the constructor).
namespace shared_nonconst_ref_bad {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { auto a = std::make_shared<Filler>(seqs_); }
  // CHECK: forwarded-to-constructor.cpp:[[@LINE-1]]:50: warning: data race on 'seqs_' (std::vector<long>): write (passed by non-const reference to 'make_shared') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  std::vector<long> seqs_;
};
} // namespace shared_nonconst_ref_bad

// A non-const pointer to it.
namespace nonconst_ptr_bad {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { auto a = std::make_unique<PtrFiller>(&seqs_); }
  // CHECK: forwarded-to-constructor.cpp:[[@LINE-1]]:53: warning: data race on 'seqs_' (std::vector<long>): write (passed by non-const pointer to 'make_unique') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  std::vector<long> seqs_;
};
} // namespace nonconst_ptr_bad

// Moved into T's by-value parameter.
namespace moved_bad {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { auto a = std::make_unique<Owner>(std::move(seqs_)); }
  // CHECK: forwarded-to-constructor.cpp:[[@LINE-1]]:49: warning: data race on 'seqs_' (std::vector<long>): write (moved from) with no lock held, made concurrently by several threads [maprace-unguarded-access]
  std::vector<long> seqs_;
};
} // namespace moved_bad

// Copied into T's by-value parameter: a read.
namespace copied_ok {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { auto a = std::make_unique<Owner>(seqs_); }
  std::vector<long> seqs_;
};
} // namespace copied_ok
