#include "journal.h"

void compact(Journal &j) { j.trim(); }

void Journal::append(int v) { entries_.push_back(v); }
