#include "journal.h"

void Replay::step(Journal *j, int v) { j->record(v); }
