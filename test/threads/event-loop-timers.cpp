// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// An event loop's timers (`loop->runAfter(2.0, cb)`, runEvery, runAt) run
// their callback later on the loop's thread, like runInLoop: without the
// locks held where the timer was set. Only on a class that is an event
// loop by its other members (isInLoopThread, runInLoop, queueInLoop...);
// elsewhere those names are left alone. The callback reaches the object
// through a `shared_from_this()` copy or a `weak_ptr` locked again.
#include <functional>
#include <memory>
#include <mutex>
#include <set>

class EventLoop {
public:
  bool isInLoopThread() const;
  void queueInLoop(std::function<void()> f);
  void runAfter(double seconds, std::function<void()> f);
  static EventLoop *current();
};

struct Connection {
  void onClose(std::function<void(int)> cb) { closed_ = std::move(cb); }
  std::function<void(int)> closed_;
};

// The reconnection timer inserts without the pool's lock (drogon's
// RedisClientImpl before 5a9a1938).
namespace timer_callback_unlocked {
class Pool : public std::enable_shared_from_this<Pool> {
public:
  // Started on a fresh object: the callbacks it posts run later, when the
  // pool is shared.
  static std::shared_ptr<Pool> make(EventLoop *loop) {
    auto pool = std::make_shared<Pool>();
    pool->start(loop);
    return pool;
  }
  void start(EventLoop *loop) {
    loop->queueInLoop([this, loop] {
      std::lock_guard<std::mutex> lock(mu_);
      conns_.insert(connect(loop));
    });
  }

private:
  int connect(EventLoop *loop) {
    auto conn = std::make_shared<Connection>();
    std::weak_ptr<Pool> weak = shared_from_this();
    conn->onClose([weak](int id) {
      auto self = weak.lock();
      if (!self)
        return;
      std::lock_guard<std::mutex> lock(self->mu_);
      self->conns_.erase(id);
      auto loop = EventLoop::current();
      loop->runAfter(2.0, [self, loop] { self->conns_.insert(self->connect(loop)); });
      // CHECK: event-loop-timers.cpp:[[@LINE-1]]:42: warning: data race on 'conns_' (std::set<int>): write ('insert') holding 'loop.isInLoopThread()' but not 'mu_', the lock most accesses to 'conns_' hold; the conflicting write in a lambda in 'Pool::start' holds 'loop.isInLoopThread()' and 'mu_' [maprace-lock-mismatch]
    });
    return 1;
  }
  std::mutex mu_;
  std::set<int> conns_;
};
} // namespace timer_callback_unlocked

// The fix: the callback takes the lock itself. Silent.
namespace timer_callback_locks_ok {
class Pool : public std::enable_shared_from_this<Pool> {
public:
  static std::shared_ptr<Pool> make(EventLoop *loop) {
    auto pool = std::make_shared<Pool>();
    pool->start(loop);
    return pool;
  }
  void start(EventLoop *loop) {
    loop->queueInLoop([this, loop] {
      std::lock_guard<std::mutex> lock(mu_);
      conns_.insert(connect(loop));
    });
  }

private:
  int connect(EventLoop *loop) {
    auto conn = std::make_shared<Connection>();
    std::weak_ptr<Pool> weak = shared_from_this();
    conn->onClose([weak](int id) {
      auto self = weak.lock();
      if (!self)
        return;
      std::lock_guard<std::mutex> lock(self->mu_);
      self->conns_.erase(id);
      auto loop = EventLoop::current();
      loop->runAfter(2.0, [self, loop] {
        std::lock_guard<std::mutex> lock(self->mu_);
        self->conns_.insert(self->connect(loop));
      });
    });
    return 1;
  }
  std::mutex mu_;
  std::set<int> conns_;
};
} // namespace timer_callback_locks_ok

// runAfter on a class that is no event loop: its callback is taken to run
// where it is set, under the lock held there. Silent.
namespace not_an_event_loop_ok {
class Scheduler {
public:
  void runAfter(double seconds, std::function<void()> f);
};

class Cache {
public:
  void refresh(Scheduler *s) {
    std::lock_guard<std::mutex> lock(mu_);
    s->runAfter(1.0, [this] { keys_.insert(1); });
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return keys_.size();
  }

private:
  std::mutex mu_;
  std::set<int> keys_;
};
} // namespace not_an_event_loop_ok
