// RUN: %maprace %s -- -std=c++17 | %strip | %check %s
// An object local to each run, handed down by pointer, stays private to
// the run when it lives in a std::optional (`&o.value()`, `&*o`, `o->f()`),
// when the pointer is chosen by `?:` against nullptr, and when another
// entry point passes nullptr instead (a null pointer binds no object).
// Ctx locks its DB's mutex, so its unlocked entries are otherwise taken to
// run concurrently. Handed a member (shared by every run), it races.
#include <cstddef>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace per_call {
struct DB;
struct Ctx {
  explicit Ctx(DB *db) : db_(db) {}
  int Get(int k) { return GetOrCreate(k); }

private:
  int Lookup(int k);
  int &GetOrCreate(int k) {
    auto it = entries_.find(k);
    if (it != entries_.end())
      return it->second;
    return entries_.emplace(k, Lookup(k)).first->second;
  }
  DB *db_;
  std::unordered_map<int, int> entries_;
};

struct DB {
  std::mutex mu;
  int value = 0;
  int Helper(Ctx *ctx, int k) { return ctx ? ctx->Get(k) : 0; }
  int InOptional(int k) {
    std::optional<Ctx> ctx;
    ctx.emplace(this);
    return Helper(&ctx.value(), k) + Helper(&*ctx, k) + ctx->Get(k);
  }
  int ChosenOrNull(int k) {
    Ctx ctx(this);
    return Helper(k ? &ctx : nullptr, k);
  }
  int OptionalOrNull(int k) {
    std::optional<Ctx> ctx;
    if (k)
      ctx.emplace(this);
    return Helper(ctx ? &ctx.value() : nullptr, k);
  }
  int WithoutOne(int k) { return Helper(nullptr, k); }
  int WithoutOneEither(int k) { return Helper(NULL, k); }
};

int Ctx::Lookup(int k) {
  std::lock_guard<std::mutex> l(db_->mu);
  return db_->value + k;
}
} // namespace per_call

namespace shared_member {
struct DB;
struct Ctx {
  explicit Ctx(DB *db) : db_(db) {}
  int Get(int k) { return GetOrCreate(k); }

private:
  int Lookup(int k);
  int &GetOrCreate(int k) {
    auto it = entries_.find(k);
    if (it != entries_.end())
      return it->second;
    return entries_.emplace(k, Lookup(k)).first->second;
    // CHECK: :[[@LINE-1]]:12: warning: data race on 'entries_' (std::unordered_map<int, int>): write ('emplace') with no lock held, and 'Ctx::GetOrCreate' may run on several threads at once [maprace-unguarded-access]
  }
  DB *db_;
  std::unordered_map<int, int> entries_;
};

struct DB {
  std::mutex mu;
  int value = 0;
  std::optional<Ctx> ctx_;
  int Helper(Ctx *ctx, int k) { return ctx ? ctx->Get(k) : 0; }
  // The optional is a member: every run hands down the same object.
  int FromMember(int k) { return Helper(k ? &ctx_.value() : nullptr, k); }
};

int Ctx::Lookup(int k) {
  std::lock_guard<std::mutex> l(db_->mu);
  return db_->value + k;
}
} // namespace shared_member
