#include "cache.h"
int useA(Cache &c) { return c.Get(1); }
