// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// Event loops keep their state unlocked and touch it only on the loop's
// own thread: after `assertInLoopThread()`, in the branch where
// `isInLoopThread()` returned true, and in a callable posted with
// `runInLoop`/`queueInLoop`, which runs later on that thread without the
// poster's locks. Code on one loop's thread runs one piece at a time.
#include <cassert>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

class EventLoop {
public:
  using Functor = std::function<void()>;
  bool isInLoopThread() const { return tid_ == std::this_thread::get_id(); }
  void assertInLoopThread() const { assert(isInLoopThread()); }
  void runInLoop(Functor fn) {
    if (isInLoopThread())
      fn();
    else
      queueInLoop(std::move(fn));
  }
  void queueInLoop(Functor fn) {
    std::lock_guard<std::mutex> g(mutex_);
    pending_.push_back(std::move(fn));
  }

private:
  std::thread::id tid_;
  std::mutex mutex_;
  std::vector<Functor> pending_;
};

// The loop's own timers: set on the loop thread (asserted), killed by a
// lambda posted to it, reset in place or posted. Silent.
namespace timers_on_the_loop_ok {
class Loop : public EventLoop {
public:
  void setTimer(int id) {
    assertInLoopThread();
    timers_[id] = 1;
  }
  void killTimer(int id) {
    runInLoop([id, this] { timers_.erase(id); });
  }
  void resetTimer(int id) {
    if (isInLoopThread())
      timers_[id] = 0;
    else
      queueInLoop([id, this] { timers_[id] = 0; });
  }

private:
  std::map<int, int> timers_;
};
} // namespace timers_on_the_loop_ok

// Cleared from any thread: races with the loop's own writes.
namespace cleared_off_the_loop {
class Loop : public EventLoop {
public:
  void setTimer(int id) {
    assertInLoopThread();
    timers_[id] = 1;
  }
  void clearTimers() { timers_.clear(); }
  // CHECK: event-loop-thread.cpp:[[@LINE-1]]:24: warning: data race on 'timers_' (std::map<int, int>): write ('clear') without holding 'isInLoopThread()'; the conflicting write in 'Loop::setTimer' holds it [maprace-unguarded-access]

private:
  std::map<int, int> timers_;
};
} // namespace cleared_off_the_loop

// The branch where the check failed is not on the loop.
namespace wrong_branch {
class Loop : public EventLoop {
public:
  void setTimer(int id) {
    assertInLoopThread();
    timers_[id] = 1;
  }
  void killTimer(int id) {
    if (isInLoopThread()) {
      queueInLoop([id, this] { timers_.erase(id); });
    } else {
      timers_.erase(id);
      // CHECK: event-loop-thread.cpp:[[@LINE-1]]:7: warning: data race on 'timers_' (std::map<int, int>): write ('erase') without holding 'isInLoopThread()'; the conflicting write in 'Loop::setTimer' holds it [maprace-unguarded-access]
    }
  }

private:
  std::map<int, int> timers_;
};
} // namespace wrong_branch

// A connection driven by the loop it points to: messages arrive on the
// loop thread, sends are posted to it. Silent.
namespace connection_on_its_loop_ok {
class Connection {
public:
  void onMessage(int m) {
    loop_->assertInLoopThread();
    inbox_.push_back(m);
  }
  void send(int m) {
    loop_->runInLoop([this, m] { inbox_.push_back(m); });
  }
  int sent() {
    std::lock_guard<std::mutex> g(mu_);
    return sent_;
  }

private:
  EventLoop *loop_;
  std::mutex mu_;
  int sent_ = 0;
  std::vector<int> inbox_;
};
} // namespace connection_on_its_loop_ok

// Posted to another loop: that loop's thread is not this one's.
namespace posted_to_another_loop {
class Connection {
public:
  void onMessage(int m) {
    loop_->assertInLoopThread();
    inbox_.push_back(m);
  }
  int sent() {
    std::lock_guard<std::mutex> g(mu_);
    return sent_;
  }
  void forward(int m) {
    other_->runInLoop([this, m] { inbox_.push_back(m); });
    // CHECK: event-loop-thread.cpp:[[@LINE-1]]:35: warning: data race on 'inbox_' (std::vector<int>): write ('push_back') holding 'other_.isInLoopThread()'; the conflicting write in 'Connection::onMessage' holds 'loop_.isInLoopThread()' [maprace-lock-mismatch]
  }

private:
  EventLoop *loop_;
  EventLoop *other_;
  std::mutex mu_;
  int sent_ = 0;
  std::vector<int> inbox_;
};
} // namespace posted_to_another_loop

// A lambda posted under the poster's lock runs later without it.
namespace posted_under_a_lock {
class Stats {
public:
  void record(int m) {
    std::lock_guard<std::mutex> g(mu_);
    loop_->runInLoop([this, m] { counts_[m]++; });
  }
  int count(int m) {
    std::lock_guard<std::mutex> g(mu_);
    return counts_[m];
    // CHECK: event-loop-thread.cpp:[[@LINE-1]]:12: warning: data race on 'counts_' (std::map<int, int>): write ('operator[]' inserts missing keys) holding 'mu_'; the conflicting write in a lambda in 'Stats::record' holds 'loop_.isInLoopThread()' [maprace-lock-mismatch]
  }

private:
  EventLoop *loop_;
  std::mutex mu_;
  std::map<int, int> counts_;
};
} // namespace posted_under_a_lock

// The same, with the lambda taking the lock itself. Silent.
namespace posted_lambda_locks_ok {
class Stats {
public:
  void record(int m) {
    loop_->runInLoop([this, m] {
      std::lock_guard<std::mutex> g(mu_);
      counts_[m]++;
    });
  }
  int count(int m) {
    std::lock_guard<std::mutex> g(mu_);
    return counts_[m];
  }

private:
  EventLoop *loop_;
  std::mutex mu_;
  std::map<int, int> counts_;
};
} // namespace posted_lambda_locks_ok
