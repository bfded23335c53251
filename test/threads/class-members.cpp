// RUN: %maprace %s -- -std=c++20 | %check %s
// Members of a class that locks a mutex of its own are shared: any two of
// its public methods may run at once. Constructors and destructors touching
// their own object are not concurrent with anything but the threads they
// start themselves; a worker thread stored in a member runs alongside every
// public method.
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// Put writes without the lock that Get takes to read.
namespace api_write_unlocked_bad {
class Cache {
public:
  void Put(int k, int v) { m_[k] = v; }
  // CHECK: class-members.cpp:[[@LINE-1]]:28: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Cache::Get' holds it [maprace-unguarded-access]
  // CHECK: class-members.cpp:[[@LINE+4]]:15: note: conflicting read ('find') in 'Cache::Get', holding 'mu_'
  // CHECK: class-members.cpp:[[@LINE+9]]:22: note: 'm_' is declared here
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace api_write_unlocked_bad

// Same class, Put takes the lock too.
namespace api_write_unlocked_ok {
class Cache {
public:
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }
  int Get(int k) {
    std::lock_guard<std::mutex> l(mu_);
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace api_write_unlocked_ok

// Two unlocked writers in a class that locks elsewhere: both reported.
namespace api_two_writers_bad {
class Stats {
public:
  void Inc(const std::string &k) { counts_[k]++; }
  // CHECK: class-members.cpp:[[@LINE-1]]:36: warning: data race on 'counts_' (std::map<std::string, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting read in 'Stats::Size' holds it [maprace-unguarded-access]
  void Reset() { counts_.clear(); }
  // CHECK: class-members.cpp:[[@LINE-1]]:18: warning: data race on 'counts_' (std::map<std::string, int>): write ('clear') without holding 'mu_'; the conflicting read in 'Stats::Size' holds it [maprace-unguarded-access]
  size_t Size() {
    std::lock_guard<std::mutex> l(mu_);
    return counts_.size();
  }

private:
  std::mutex mu_;
  std::map<std::string, int> counts_;
};
} // namespace api_two_writers_bad

// A class that never locks is not meant to be shared: its methods are
// not reported against each other.
namespace api_no_mutex_ok {
class Cache {
public:
  void Put(int k, int v) { m_[k] = v; }
  int Get(int k) {
    auto it = m_.find(k);
    return it == m_.end() ? 0 : it->second;
  }

private:
  std::map<int, int> m_;
};
} // namespace api_no_mutex_ok

// The unlocked write is in a public method: it races with the locked one.
namespace ctor_dtor_bad {
class Cache {
public:
  void Init() { m_[0] = 0; }
  // CHECK: class-members.cpp:[[@LINE-1]]:17: warning: data race on 'm_' (std::map<int, int>): write ('operator[]' inserts missing keys) without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace ctor_dtor_bad

// The constructor and destructor touch the members without the lock: no
// other method can run on the object while they do.
namespace ctor_dtor_ok {
class Cache {
public:
  Cache() { m_[0] = 0; }
  ~Cache() { m_.clear(); }
  void Put(int k, int v) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = v;
  }

private:
  std::mutex mu_;
  std::map<int, int> m_;
};
} // namespace ctor_dtor_ok

// A worker started by Start() drains the queue under the lock while Add
// appends without it.
namespace worker_member_bad {
class Service {
public:
  void Start() { worker_ = std::thread([this] { Loop(); }); }
  void Stop() { worker_.join(); }
  void Add(int v) { queue_.push_back(v); }
  // CHECK: class-members.cpp:[[@LINE-1]]:21: warning: data race on 'queue_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting write in 'Service::Loop' holds it [maprace-unguarded-access]
  // CHECK: class-members.cpp:[[@LINE+7]]:5: note: conflicting write ('clear') in 'Service::Loop', holding 'mu_'
  // CHECK: class-members.cpp:[[@LINE-5]]:28: note: the conflicting write runs on the thread started here
  // CHECK: class-members.cpp:[[@LINE+8]]:20: note: 'queue_' is declared here

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace worker_member_bad

// Same, Add takes the lock.
namespace worker_member_ok {
class Service {
public:
  void Start() { worker_ = std::thread([this] { Loop(); }); }
  void Stop() { worker_.join(); }
  void Add(int v) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(v);
  }

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace worker_member_ok

// A class with no mutex at all still races with the worker it starts.
namespace worker_no_mutex_bad {
class Service {
public:
  void Start() { worker_ = std::thread([this] { Loop(); }); }
  void Stop() { worker_.join(); }
  void Add(int v) { queue_.push_back(v); }

private:
  void Loop() { queue_.clear(); }
  // CHECK: class-members.cpp:[[@LINE-1]]:17: warning: data race on 'queue_' (std::vector<int>): write ('clear') with no lock held; the conflicting write in 'Service::Add' holds no lock either [maprace-unguarded-access]
  // CHECK: class-members.cpp:[[@LINE-5]]:21: note: conflicting write ('push_back') in 'Service::Add', with no lock held
  // CHECK: class-members.cpp:[[@LINE-8]]:28: note: this write runs on the thread started here
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace worker_no_mutex_bad

// The worker only reads a member that nobody writes after construction.
namespace worker_no_mutex_ok {
class Service {
public:
  Service() { queue_.push_back(1); }
  void Start() { worker_ = std::thread([this] { Loop(); }); }
  void Stop() { worker_.join(); }
  size_t Pending() { return queue_.size(); }

private:
  void Loop() { (void)queue_.empty(); }
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace worker_no_mutex_ok

// The constructor writes a member after starting the worker that drains it.
namespace ctor_started_worker_bad {
class Service {
public:
  Service() {
    worker_ = std::thread([this] { Loop(); });
    queue_.push_back(0);
    // CHECK: class-members.cpp:[[@LINE-1]]:5: warning: data race on 'queue_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting write in 'Service::Loop' holds it [maprace-unguarded-access]
    // CHECK: class-members.cpp:[[@LINE+12]]:5: note: conflicting write ('clear') in 'Service::Loop', holding 'mu_'
    // CHECK: class-members.cpp:[[@LINE-4]]:15: note: the conflicting write runs on the thread started here
  }
  ~Service() { worker_.join(); }
  void Add(int v) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(v);
  }

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace ctor_started_worker_bad

// The constructor writes before starting the worker, the destructor after
// joining it.
namespace ctor_started_worker_ok {
class Service {
public:
  Service() {
    queue_.push_back(0);
    worker_ = std::thread([this] { Loop(); });
  }
  ~Service() {
    worker_.join();
    queue_.clear();
  }
  void Add(int v) {
    std::lock_guard<std::mutex> l(mu_);
    queue_.push_back(v);
  }

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace ctor_started_worker_ok

// A worker started in the constructor races with an unlocked public method.
namespace ctor_started_api_bad {
class Service {
public:
  Service() { worker_ = std::thread([this] { Loop(); }); }
  ~Service() { worker_.join(); }
  void Add(int v) { queue_.push_back(v); }
  // CHECK: class-members.cpp:[[@LINE-1]]:21: warning: data race on 'queue_' (std::vector<int>): write ('push_back') without holding 'mu_'; the conflicting write in 'Service::Loop' holds it [maprace-unguarded-access]
  // CHECK: class-members.cpp:[[@LINE-4]]:25: note: the conflicting write runs on the thread started here

private:
  void Loop() {
    std::lock_guard<std::mutex> l(mu_);
    queue_.clear();
  }
  std::mutex mu_;
  std::vector<int> queue_;
  std::thread worker_;
};
} // namespace ctor_started_api_bad
