// RUN: %maprace %s -- -std=c++20 | %check %s
// A private helper a class calls only with its lock held keeps that lock
// when the class is used through a member of another class (the outer
// class reaches the helper's accesses through the inner object). Called
// once without the lock, it races.
#include <mutex>
#include <queue>
#include <string>

namespace helper_under_lock_ok {
class Outbox {
public:
  void Add(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    pending_.push(m);
  }
  void Flush() {
    mu_.lock();
    while (!Idle()) {
      pending_.pop();
      mu_.unlock();
      mu_.lock();
    }
    mu_.unlock();
  }

private:
  bool Idle() { return pending_.empty(); }
  std::mutex mu_;
  std::queue<std::string> pending_;
};
class Mailer {
public:
  void Send(const std::string &m) { out_.Add(m); }
  void Drain() { out_.Flush(); }

private:
  Outbox out_;
};
} // namespace helper_under_lock_ok

namespace helper_without_lock_bad {
class Outbox {
public:
  void Add(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    pending_.push(m);
  }
  bool Done() { return Idle(); }

private:
  bool Idle() { return pending_.empty(); }
// CHECK: locked-helper-through-member.cpp:[[@LINE-1]]:24: warning: data race on 'pending_' (std::queue<std::string>): read ('empty') without holding 'mu_'; the conflicting write in 'Outbox::Add' holds it [maprace-unguarded-access]
  std::mutex mu_;
  std::queue<std::string> pending_;
};
class Mailer {
public:
  void Send(const std::string &m) { out_.Add(m); }
  bool Done() { return out_.Done(); }

private:
  Outbox out_;
};
} // namespace helper_without_lock_bad
