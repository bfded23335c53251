// RUN: %maprace %s -- -std=c++17 | %check %s
// A guard locked again where it is only reached by reference -- a cleanup
// lambda capturing it (`[&l] { l.lock(); ... }`), or a helper taking
// `std::unique_lock<std::mutex> &l` -- locks the mutex the guard was made
// with. The guard's mutex is known where the guard was made; the call (or
// the lambda's creation) hands it on with the guard, so the relocked
// accesses hold it, and those after the guard is unlocked do not.
// (CppMicroServices' BundleRegistry::Install relocks its guard so.)
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>

namespace relocked_in_lambda_and_helper {
class Registry {
public:
  void Install(const std::string &loc) {
    auto l = Lock();
    installing_[loc] = 1;
    l.unlock();
    auto cleanup = [this, &l, &loc]() {
      l.lock();
      installing_[loc] = 2;
      l.unlock();
    };
    cleanup();
    Decrement(l, loc);
  }
  void Erase(const std::string &loc) {
    auto l = Lock();
    installing_.erase(loc);
  }

private:
  std::unique_lock<std::mutex> Lock() {
    return std::unique_lock<std::mutex>(mu_);
  }
  void Decrement(std::unique_lock<std::mutex> &l, const std::string &loc) {
    l.lock();
    installing_.erase(loc);
    l.unlock();
  }
  std::mutex mu_;
  std::map<std::string, int> installing_;
};
} // namespace relocked_in_lambda_and_helper

// The same shapes, but the access comes after the guard is unlocked.
namespace unlocked_in_lambda_and_helper {
class Registry {
public:
  void Install(const std::string &loc) {
    std::unique_lock<std::mutex> l(mu_);
    installing_[loc] = 1;
    auto cleanup = [this, &l, &loc]() {
      l.unlock();
      installing_[loc] = 2;
// CHECK: guard-relocked-through-reference.cpp:[[@LINE-1]]:7: warning: data race on 'installing_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Registry::Install' holds it [maprace-unguarded-access]
      l.lock();
    };
    cleanup();
    Decrement(l, loc);
  }

private:
  void Decrement(std::unique_lock<std::mutex> &l, const std::string &loc) {
    l.unlock();
    installing_.erase(loc);
// CHECK: guard-relocked-through-reference.cpp:[[@LINE-1]]:5: warning: data race on 'installing_' (std::map<std::string, int>): write ('erase') without holding 'mu_'; the conflicting write in 'Registry::Install' holds it [maprace-unguarded-access]
    l.lock();
  }
  std::mutex mu_;
  std::map<std::string, int> installing_;
};
} // namespace unlocked_in_lambda_and_helper

// Handed on twice: the helper passes the guard to another helper that
// relocks it; and a shared guard relocked gives a reader lock.
namespace relocked_two_calls_down {
class Registry {
public:
  void Install(const std::string &loc) {
    std::unique_lock<std::mutex> l(mu_);
    installing_[loc] = 1;
    l.unlock();
    Outer(l, loc);
  }
  int Count(const std::string &loc) {
    std::shared_lock<std::shared_mutex> r(rw_);
    r.unlock();
    return Peek(r, loc);
  }
  void Add(const std::string &loc) {
    std::unique_lock<std::shared_mutex> w(rw_);
    seen_[loc]++;
  }
  void Bump(const std::string &loc) {
    std::unique_lock<std::shared_mutex> w(rw_);
    w.unlock();
    Write(w, loc);
  }

private:
  void Outer(std::unique_lock<std::mutex> &l, const std::string &loc) {
    Inner(l, loc);
  }
  void Inner(std::unique_lock<std::mutex> &l, const std::string &loc) {
    l.lock();
    installing_.erase(loc);
  }
  // The exclusive twin of Peek: the relocked writer guard holds 'rw_'.
  void Write(std::unique_lock<std::shared_mutex> &w, const std::string &loc) {
    w.lock();
    seen_[loc]++;
  }
  int Peek(std::shared_lock<std::shared_mutex> &r, const std::string &loc) {
    r.lock();
    int n = seen_.count(loc);
    seen_[loc];
// CHECK: guard-relocked-through-reference.cpp:[[@LINE-1]]:5: warning: data race on 'seen_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) while 'rw_' is held only in shared mode (a reader lock); 'Registry::Peek' may run on several threads at once [maprace-lock-mismatch]
    return n;
  }
  std::mutex mu_;
  std::shared_mutex rw_;
  std::map<std::string, int> installing_, seen_;
};
} // namespace relocked_two_calls_down
