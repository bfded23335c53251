#include "table.h"

class Db {
public:
  void flush();

private:
  std::mutex mu_;
  Table *table_;
  Index *index_;
};
