// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// Passing a container to a function. To a function only declared here: a
// non-const reference or pointer is a write; a const reference, a pointer to
// const or a copy is a read. To a function defined in this file, what its
// body does decides.
#include <map>
#include <mutex>
#include <utility>

// Declared only (defined in another translation unit).
void Refresh(std::map<int, int> &m);
void Fill(std::map<int, int> *m);
void Print(const std::map<int, int> &m);
void Dump(const std::map<int, int> *m);
void Keep(std::map<int, int> m);

// Passing m_ by non-const reference to a declared-only function is a write.
namespace extern_ref_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Sync() { Refresh(m_); }
  // CHECK: passed-to-functions.cpp:[[@LINE-1]]:25: warning: data race on 'm_' (std::map<int, int>): write (passed by non-const reference to 'Refresh') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
  // CHECK-NEXT: passed-to-functions.cpp:[[@LINE-4]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
  // CHECK-NEXT: passed-to-functions.cpp:[[@LINE-10]]:22: note: 'm_' is declared here
};
} // namespace extern_ref_bad

// Same, Sync holds mu_ across the call.
namespace extern_ref_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Sync() {
    std::lock_guard<std::mutex> l(mu_);
    Refresh(m_);
  }
};
} // namespace extern_ref_ok

// Passing &m_ as a non-const pointer is a write too; the unlocked case is in
// passed-by-pointer-detail.pending (message). Here the call holds mu_.
namespace extern_ptr_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Load() {
    std::lock_guard<std::mutex> l(mu_);
    Fill(&m_);
  }
};
} // namespace extern_ptr_ok

// By const reference, by pointer to const and by value are reads: next to
// other reads only they are silent, without the lock. (Against a write they
// are reported; see read-detail-copy-and-arguments.pending for the message.)
namespace extern_readers_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Show() { Print(m_); }
  void ShowRaw() { Dump(&m_); }
  void Save() { Keep(m_); }
};
} // namespace extern_readers_ok

// A helper defined here that clears its parameter: the race is reported in
// the helper, with a note at the call that passes m_.
namespace helper_write_bad {
void Wipe(std::map<int, int> &m) { m.clear(); }
// CHECK: passed-to-functions.cpp:[[@LINE-1]]:36: warning: data race on 'm_' (std::map<int, int>): write ('clear') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
// CHECK-NEXT: passed-to-functions.cpp:[[@LINE+10]]:12: note: conflicting read ('size') in 'Cache::Size', holding 'mu_'
// CHECK-NEXT: passed-to-functions.cpp:[[@LINE+11]]:18: note: 'm_' is reached through this call
// CHECK-NEXT: passed-to-functions.cpp:[[@LINE+3]]:22: note: 'm_' is declared here
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Reset() { Wipe(m_); }
};
} // namespace helper_write_bad

// Same, Reset holds mu_ across the call.
namespace helper_write_ok {
void Wipe(std::map<int, int> &m) { m.clear(); }
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Reset() {
    std::lock_guard<std::mutex> l(mu_);
    Wipe(m_);
  }
};
} // namespace helper_write_ok

// A helper defined here that only calls size() on its non-const reference
// parameter reads m_: it races with operator[] under mu_.
namespace helper_read_bad {
int CountOf(std::map<int, int> &m) { return m.size(); }
// CHECK: passed-to-functions.cpp:[[@LINE-1]]:45: warning: data race on 'm_' (std::map<int, int>): read ('size') without holding 'mu_'; the conflicting write in 'Cache::Put' holds it [maprace-unguarded-access]
// CHECK-NEXT: passed-to-functions.cpp:[[@LINE+9]]:5: note: conflicting write ('operator[]' inserts missing keys) in 'Cache::Put', holding 'mu_'
// CHECK-NEXT: passed-to-functions.cpp:[[@LINE+10]]:24: note: 'm_' is reached through this call
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  void Put(int k) {
    std::lock_guard<std::mutex> l(mu_);
    m_[k] = k;
  }
  int Count() { return CountOf(m_); }
};
} // namespace helper_read_bad

// The same helper next to reads only (empty under mu_): read-read, silent.
namespace helper_read_ok {
int CountOf(std::map<int, int> &m) { return m.size(); }
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  bool Empty() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.empty();
  }
  int Count() { return CountOf(m_); }
};
} // namespace helper_read_ok

// std::erase_if takes the map by non-const reference: a write.
namespace std_erase_if_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Prune() {
    std::erase_if(m_, [](const auto &kv) { return kv.second == 0; });
    // CHECK: passed-to-functions.cpp:[[@LINE-1]]:19: warning: data race on 'm_' (std::map<int, int>): write (passed by non-const reference to 'erase_if') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
  }
};
} // namespace std_erase_if_bad

// Same, Prune holds mu_.
namespace std_erase_if_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Prune() {
    std::lock_guard<std::mutex> l(mu_);
    std::erase_if(m_, [](const auto &kv) { return kv.second == 0; });
  }
};
} // namespace std_erase_if_ok

// std::swap(m_, other) is a write of m_.
namespace std_swap_bad {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Replace(std::map<int, int> &other) { std::swap(m_, other); }
  // CHECK: passed-to-functions.cpp:[[@LINE-1]]:55: warning: data race on 'm_' (std::map<int, int>): write (passed by non-const reference to 'swap') without holding 'mu_'; the conflicting read in 'Cache::Size' holds it [maprace-unguarded-access]
};
} // namespace std_swap_bad

// Same, Replace holds mu_.
namespace std_swap_ok {
class Cache {
  std::mutex mu_;
  std::map<int, int> m_;

public:
  int Size() {
    std::lock_guard<std::mutex> l(mu_);
    return m_.size();
  }
  void Replace(std::map<int, int> &other) {
    std::lock_guard<std::mutex> l(mu_);
    std::swap(m_, other);
  }
};
} // namespace std_swap_ok
