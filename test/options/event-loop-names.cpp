// RUN: %maprace %s -config="{CheckOptions: {LoopThreadChecks: 'net::Strand::runningInThisThread', LoopPostFunctions: 'net::Strand::dispatch'}}" -- -std=c++17 | %strip | %check %s
// RUN: %maprace %s -- -std=c++17 | %strip | %check --check-prefix=DEFAULT %s
// LoopThreadChecks and LoopPostFunctions name an event loop's members
// beyond the built-in ones (isInLoopThread, assertInLoopThread, runInLoop,
// queueInLoop). With them, the session below keeps its state on its
// strand's thread, and only `reset()` touches it elsewhere; without them, the strand is an ordinary
// object and its callbacks run where they are posted.
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace net {
class Strand {
public:
  bool runningInThisThread() const {
    return tid_ == std::this_thread::get_id();
  }
  void dispatch(std::function<void()> fn);

private:
  std::thread::id tid_;
};
} // namespace net

class Session {
public:
  void onRead(int k) {
    if (strand_->runningInThisThread())
      seen_[k]++;
    // DEFAULT: event-loop-names.cpp:[[@LINE-1]]:7: warning: data race on 'seen_' (std::map<int, int>): write ('operator[]' inserts missing keys) with no lock held, and 'Session::onRead' may run on several threads at once [maprace-unguarded-access]
  }
  void forget(int k) {
    strand_->dispatch([this, k] { seen_.erase(k); });
    // DEFAULT: event-loop-names.cpp:[[@LINE-1]]:35: warning: data race on 'seen_' (std::map<int, int>): write ('erase') with no lock held; the conflicting write in 'Session::onRead' holds no lock either [maprace-unguarded-access]
  }
  void reset() { seen_.clear(); }
  // CHECK: event-loop-names.cpp:[[@LINE-1]]:18: warning: data race on 'seen_' (std::map<int, int>): write ('clear') without holding 'strand_.runningInThisThread()'; the conflicting write in 'Session::onRead' holds it [maprace-unguarded-access]
  // DEFAULT: event-loop-names.cpp:[[@LINE-2]]:18: warning: data race on 'seen_' (std::map<int, int>): write ('clear') with no lock held; the conflicting write in 'Session::onRead' holds no lock either [maprace-unguarded-access]
  int opened() {
    std::lock_guard<std::mutex> g(mu_);
    return opened_;
  }

private:
  net::Strand *strand_;
  std::mutex mu_;
  int opened_ = 0;
  std::map<int, int> seen_;
};
