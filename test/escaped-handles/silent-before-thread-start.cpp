// RUN: %maprace %s -- -std=c++20 | %check %s
// Reader() runs only from main() before the writer thread is started, while
// the program is single-threaded: its iterator is used after unlock() but no
// write can run concurrently. The escaped-handle rule asks the thread model
// whether a writer can run concurrently, like an ordinary access. Expected:
// silent.
#include <map>
#include <mutex>
#include <thread>

std::mutex mu;
std::map<int, int> table;

static int Reader() {
  mu.lock();
  auto it = table.find(1);
  if (it == table.end()) {
    mu.unlock();
    return 0;
  }
  mu.unlock();
  return it->second;
}

int main() {
  int v = Reader();
  std::thread t([] {
    std::lock_guard<std::mutex> l(mu);
    table[2] = 1;
  });
  t.join();
  return v;
}
