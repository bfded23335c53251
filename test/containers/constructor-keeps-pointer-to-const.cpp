// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// A constructor defined in another file that takes `C*` (not `const C*`)
// but whose class keeps only `const C*` members of that type reads what it
// is handed: passing a shared container to it is not a write. A class
// that could write through a member (`C*`, `C&`, a smart pointer), or
// that keeps nothing of that type, still counts as a writer.
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using Seqs = std::vector<long>;

// Constructors declared here, defined in another file.
struct ConstView {
  explicit ConstView(Seqs *seqs);
  const Seqs *seqs_;
};
struct ConstRefView {
  explicit ConstRefView(Seqs &seqs);
  const Seqs &seqs_;
};
struct WritableView {
  explicit WritableView(Seqs *seqs);
  Seqs *seqs_;
};
struct MixedView {
  MixedView(Seqs *seqs);
  const Seqs *read_;
  Seqs *write_;
};
struct OwnsNothing {
  explicit OwnsNothing(Seqs *seqs);
  int n_;
};
struct SmartView {
  explicit SmartView(Seqs *seqs);
  const Seqs *read_;
  std::shared_ptr<Seqs> owned_;
};
struct Base {
  const Seqs *seqs_;
};
struct DerivedView : Base {
  explicit DerivedView(Seqs *seqs);
};

// Through make_unique, to a class keeping a pointer to const: silent.
namespace make_unique_const_view_ok {
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
  void Sub() { auto v = std::make_unique<ConstView>(&seqs_); }
  Seqs seqs_;
};
} // namespace make_unique_const_view_ok

// Its twin: the class keeps a pointer through which it may write.
namespace make_unique_writable_view_bad {
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
  void Sub() { auto v = std::make_unique<WritableView>(&seqs_); }
  // CHECK: constructor-keeps-pointer-to-const.cpp:[[@LINE-1]]:56: warning: data race on 'seqs_' (Seqs): write (passed by non-const pointer to 'make_unique') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  Seqs seqs_;
};
} // namespace make_unique_writable_view_bad

// Constructed directly, against a locked writer: the read is still a
// read, and it races with the clear() the lock guards.
namespace direct_const_view_read_races_with_write {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    pool.emplace_back(&Job::Reset, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() { ConstView v(&seqs_); }
  // CHECK: constructor-keeps-pointer-to-const.cpp:[[@LINE-1]]:28: warning: data race on 'seqs_' (Seqs): read (kept as a pointer to const by 'ConstView::ConstView') without holding 'mu_'; the conflicting write in 'Job::Reset' holds it [maprace-unguarded-access]
  void Reset() {
    std::lock_guard<std::mutex> g(mu_);
    seqs_.clear();
  }
  std::mutex mu_;
  Seqs seqs_;
};
} // namespace direct_const_view_read_races_with_write

// Its synchronised twin: the constructing read holds the lock too.
namespace direct_const_view_locked_ok {
class Job {
public:
  void Run() {
    std::vector<std::thread> pool;
    for (int i = 0; i < 3; ++i)
      pool.emplace_back(&Job::Sub, this);
    pool.emplace_back(&Job::Reset, this);
    for (auto &t : pool)
      t.join();
  }

private:
  void Sub() {
    std::lock_guard<std::mutex> g(mu_);
    ConstView v(&seqs_);
  }
  void Reset() {
    std::lock_guard<std::mutex> g(mu_);
    seqs_.clear();
  }
  std::mutex mu_;
  Seqs seqs_;
};
} // namespace direct_const_view_locked_ok

// Constructed directly by several threads, nobody writing: silent.
namespace direct_const_view_ok {
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
  void Sub() { ConstView v(&seqs_); }
  Seqs seqs_;
};
} // namespace direct_const_view_ok

// A reference member to const, a pointer to const in a base: silent.
namespace const_ref_and_base_ok {
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
    auto r = std::make_unique<ConstRefView>(seqs_);
    auto d = std::make_shared<DerivedView>(&base_seqs_);
  }
  Seqs seqs_, base_seqs_;
};
} // namespace const_ref_and_base_ok

// A class with a writable member beside the const one, one holding a
// shared_ptr to the type, and one keeping nothing of it: writers.
namespace mixed_smart_and_opaque_bad {
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
    MixedView m(&a_);
    // CHECK: constructor-keeps-pointer-to-const.cpp:[[@LINE-1]]:17: warning: data race on 'a_' (Seqs): write (passed by non-const pointer to 'MixedView::MixedView') with no lock held, made concurrently by several threads [maprace-unguarded-access]
    SmartView s(&b_);
    // CHECK: constructor-keeps-pointer-to-const.cpp:[[@LINE-1]]:17: warning: data race on 'b_' (Seqs): write (passed by non-const pointer to 'SmartView::SmartView') with no lock held, made concurrently by several threads [maprace-unguarded-access]
    OwnsNothing o(&c_);
    // CHECK: constructor-keeps-pointer-to-const.cpp:[[@LINE-1]]:19: warning: data race on 'c_' (Seqs): write (passed by non-const pointer to 'OwnsNothing::OwnsNothing') with no lock held, made concurrently by several threads [maprace-unguarded-access]
  }
  Seqs a_, b_, c_;
};
} // namespace mixed_smart_and_opaque_bad
