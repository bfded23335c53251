#include "db.h"

void Index::protect(int f) { files_.push_back(f); }
