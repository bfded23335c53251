#include "store.h"
#include <thread>

void audit(Log *log) { log->append("audit"); }

void auditHeap(Db &db) { db.audited_.pop(); }

void forward(Ledger &l, int v) { l.add(v); }

void emit(Sink *s, int v) { s->put(v); }

void spawn(Worker *w) { std::thread(&Worker::loop, w).detach(); }
