#include "journal.h"

void compact(Journal &j) { j.trim(); }
