#include "table.h"

void Table::protect(int f) { files_.push_back(f); }
