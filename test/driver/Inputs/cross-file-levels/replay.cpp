#include "journal.h"

void Replay::step(Journal *j, int v) { j->record(v); }

void Replay::skip(Journal *j, int v) { j->note(v); }

static void forwardMark(Journal *j, int v) { j->mark(v); }

void Replay::stepMarked(Journal *j, int v) { forwardMark(j, v); }

static void forwardTag(Journal *j, int v) { j->tag(v); }

void Replay::stepTagged(Journal *j, int v) { forwardTag(j, v); }

void Replay::stepLater(Loop *l, Journal *j, int v) {
  l->runInLoop([j, v] { j->later(v); });
}
