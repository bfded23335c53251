#include "store.h"

void audit(Log *log) { log->append("audit"); }
