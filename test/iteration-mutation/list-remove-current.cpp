// RUN: %maprace %s -- -std=c++20 | %strip | %check %s
// std::list::remove(x) inside a range-for removes every element equal to x,
// the one the loop stands on included when x is the loop variable.
#include <list>

namespace list_remove_bad {
void DropZeros(std::list<int> &l) {
  for (int x : l)
    // CHECK: list-remove-current.cpp:[[@LINE-1]]:3: warning: loop over 'l' (std::list<int>) is invalidated by its own body: 'remove' removes the element the loop stands on [maprace-iteration-mutation]
    // CHECK-NEXT: list-remove-current.cpp:[[@LINE+3]]:7: note: 'l' is modified here, while the loop iterates over it
    // CHECK-NEXT: list-remove-current.cpp:[[@LINE-4]]:32: note: 'l' is declared here
    if (x == 0)
      l.remove(x);
}
} // namespace list_remove_bad

// The twin (must stay silent): remove() after the loop.
namespace list_remove_ok {
void DropZeros(std::list<int> &l) {
  bool zero = false;
  for (int x : l)
    zero |= x == 0;
  if (zero)
    l.remove(0);
}
} // namespace list_remove_ok
