// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// A base class's member takes the lock and calls a virtual hook: the
// override defined here runs under that lock (spdlog's base_sink::log ->
// sink_it_). A protected override runs only from there; a public one may
// also be called directly, without the lock. A protected override whose
// base-class caller is defined elsewhere is not an entry point either,
// unless it locks for itself (then it is meant to be called concurrently).
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

// The protected hook runs only under Write's lock.
namespace protected_hook_ok {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    Emit(m);
  }

protected:
  virtual void Emit(const std::string &m) = 0;
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }

private:
  std::vector<std::string> lines_;
};
} // namespace protected_hook_ok

// Another base member calls the hook without the lock.
namespace unlocked_caller_bad {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    Emit(m);
  }
  void Banner() { Emit("start"); }

protected:
  virtual void Emit(const std::string &m) = 0;
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }
  // CHECK: virtual-hook-under-base-lock.cpp:[[@LINE-1]]:46: warning: data race on 'lines_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting write in 'BufferSink::Emit' holds it [maprace-unguarded-access]
  // CHECK-NEXT: virtual-hook-under-base-lock.cpp:[[@LINE-17]]:19: note: 'BufferSink::Emit' is called here without holding 'mu_'

private:
  std::vector<std::string> lines_;
};
} // namespace unlocked_caller_bad

// A public override can be called on a BufferSink directly, unlocked.
namespace public_override_bad {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    Emit(m);
  }
  virtual void Emit(const std::string &m) = 0;

protected:
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }
  void Emit(const std::string &m) override { lines_.push_back(m); }
  // CHECK: virtual-hook-under-base-lock.cpp:[[@LINE-1]]:46: warning: data race on 'lines_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting write in 'BufferSink::Emit' holds it [maprace-unguarded-access]

private:
  std::vector<std::string> lines_;
};
} // namespace public_override_bad

// `Sink::Emit(m)` names the base's own (empty) body: the unlocked call does
// not run the override.
namespace qualified_call_ok {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m) { Sink::Emit(m); }

protected:
  virtual void Emit(const std::string &m) { (void)m; }
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }
  void Fill() {
    std::lock_guard<std::mutex> l(mu_);
    Emit("x");
  }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }

private:
  std::vector<std::string> lines_;
};
} // namespace qualified_call_ok


// The base's calling member is defined in another file (a compiled
// library): the protected hook is not an entry point of its own.
namespace base_elsewhere_ok {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m); // locks mu_, then calls Emit

protected:
  virtual void Emit(const std::string &m) = 0;
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }

private:
  std::vector<std::string> lines_;
};
} // namespace base_elsewhere_ok

// Same, but the derived class also calls the hook itself, unlocked.
namespace base_elsewhere_direct_call_bad {
class Sink {
public:
  virtual ~Sink() = default;
  void Write(const std::string &m); // locks mu_, then calls Emit

protected:
  virtual void Emit(const std::string &m) = 0;
  std::mutex mu_;
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }
  void Reset() { Emit("reset"); }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }
  // CHECK: virtual-hook-under-base-lock.cpp:[[@LINE-1]]:46: warning: data race on 'lines_' (std::vector<std::string>): write ('push_back') without holding 'mu_'; the conflicting read in 'BufferSink::Lines' holds it [maprace-unguarded-access]

private:
  std::vector<std::string> lines_;
};
} // namespace base_elsewhere_direct_call_bad

// A protected override that locks for itself is meant to be called
// concurrently, from wherever its base calls it: it stays an entry point,
// and the reference it returns past its own lock is reported.
namespace self_locking_hook_bad {
class Translator {
public:
  virtual ~Translator() = default;

protected:
  virtual const std::string &Name(int k) const = 0;
};

class Manager : public Translator {
public:
  void Remove(int k) {
    std::unique_lock<std::shared_mutex> l(mu_);
    names_.erase(k);
  }

protected:
  const std::string &Name(int k) const override {
    std::shared_lock<std::shared_mutex> l(mu_);
    auto i = names_.find(k);
    return i->second;
    // CHECK: virtual-hook-under-base-lock.cpp:[[@LINE-1]]:5: warning: reference into 'names_' (std::map<int, std::string>) is returned while 'mu_' is held only until 'Manager::Name' returns; the caller uses it without the lock, and a concurrent write ('erase') in 'Manager::Remove' holding 'mu_' may invalidate it [maprace-unguarded-access]
  }

private:
  mutable std::shared_mutex mu_;
  std::map<int, std::string> names_;
};
} // namespace self_locking_hook_bad

// Returned by value: a copy made under the lock.
namespace self_locking_hook_copy_ok {
class Translator {
public:
  virtual ~Translator() = default;

protected:
  virtual std::string Name(int k) const = 0;
};

class Manager : public Translator {
public:
  void Remove(int k) {
    std::unique_lock<std::shared_mutex> l(mu_);
    names_.erase(k);
  }

protected:
  std::string Name(int k) const override {
    std::shared_lock<std::shared_mutex> l(mu_);
    auto i = names_.find(k);
    return i->second;
  }

private:
  mutable std::shared_mutex mu_;
  std::map<int, std::string> names_;
};
} // namespace self_locking_hook_copy_ok

// A call on an object (not a reference or pointer) of the base type runs
// the base's own function: no dispatch to the protected override, which
// would otherwise run here without the lock.
namespace static_type_call_ok {
class Sink {
public:
  virtual ~Sink() = default;
  virtual void Emit(const std::string &m) { (void)m; }
};

class BufferSink : public Sink {
public:
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> l(mu_);
    return lines_;
  }
  void Write(const std::string &m) {
    std::lock_guard<std::mutex> l(mu_);
    Emit(m);
  }

protected:
  void Emit(const std::string &m) override { lines_.push_back(m); }

private:
  std::mutex mu_;
  std::vector<std::string> lines_;
};

Sink plain;
void Use() { plain.Emit("x"); }
} // namespace static_type_call_ok
