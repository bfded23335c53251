// A store whose recovery helpers are called, in other files only, with its
// mutex held; and a log whose append() one of those files calls without it.
#include <map>
#include <mutex>
#include <string>
#include <vector>

class Store {
public:
  // Callers hold mu_ (replay.cpp).
  void insertRecovered(const std::string &k, int v) { recovered_[k] = v; }
  int lookupRecovered(const std::string &k) {
    auto it = recovered_.find(k);
    return it == recovered_.end() ? 0 : it->second;
  }
  void put(const std::string &k, int v) {
    std::lock_guard<std::mutex> g(mu_);
    recovered_[k] = v;
  }
  std::mutex *mutex() { return &mu_; }

private:
  std::mutex mu_;
  std::map<std::string, int> recovered_;
};

class Log {
public:
  // replay.cpp calls it with mu_ held, audit.cpp without.
  void append(const std::string &line) { lines_.push_back(line); }
  void flush() {
    std::lock_guard<std::mutex> g(mu_);
    lines_.clear();
  }
  std::mutex mu_;

private:
  std::vector<std::string> lines_;
};

// Heaps kept by a Db, used only under the Db's mutex in db.cpp; pop() also
// takes the heap's own. audit.cpp pops the second Db's heap without it.
class Heap {
public:
  void erase(int v) { erased_.push_back(v); }
  void pop() {
    std::lock_guard<std::mutex> g(own_);
    erased_.clear();
  }

private:
  std::mutex own_;
  std::vector<int> erased_;
};

class AuditedHeap {
public:
  void erase(int v) { erased_.push_back(v); }
  void pop() {
    std::lock_guard<std::mutex> g(own_);
    erased_.clear();
  }

private:
  std::mutex own_;
  std::vector<int> erased_;
};

// Bodies in store.cpp: db.cpp calls add() of both under their mutex;
// audit.cpp also calls the Ledger's from a function that touches no lock.
class Catalog {
public:
  void add(int v);
  void prune();
  std::mutex mu_;

private:
  std::vector<int> items_;
};

class Ledger {
public:
  void add(int v);
  void prune();
  std::mutex mu_;

private:
  std::vector<int> items_;
};

// A sink written through its base in audit.cpp: the call names Sink::put,
// which FileSink::put overrides.
class Sink {
public:
  virtual ~Sink() = default;
  virtual void put(int v) = 0;
};

class FileSink : public Sink {
public:
  void put(int v) override;
  void drain();
  std::mutex mu_;

private:
  std::vector<int> items_;
};

// A worker whose loop db.cpp runs under its mutex, and audit.cpp also
// hands to a thread.
class Worker {
public:
  void loop();
  void stop();
  std::mutex mu_;

private:
  std::vector<int> jobs_;
};

class Db {
public:
  void remove(int v);
  void check();
  void index(int v);
  std::mutex mu_;
  Heap heap_;
  AuditedHeap audited_;
  Catalog catalog_;
  Ledger ledger_;
  FileSink sink_;
  Worker worker_;
};
