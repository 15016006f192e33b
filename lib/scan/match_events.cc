// SPDX-License-Identifier: Apache-2.0
#include "scan/match_events.h"

#include <algorithm>

#include "scan/nearly_sorted.h"
#include "text/utf8.h"

namespace vigie::internal {
namespace {

bool ByEnd(const MatchEvent& a, const MatchEvent& b) {
  if (a.end != b.end) return a.end < b.end;
  if (a.db != b.db) return a.db < b.db;
  return a.id < b.id;
}

}  // namespace

MatchEvents::MatchEvents(const Engine& engine) : engine_(engine), scratch_(engine) {
  ok_ = scratch_.get() != nullptr && Open();
}

bool MatchEvents::Open() {
  for (int db = 0; db < kNumStreamDbs; ++db) {
    hs_database_t* database = engine_.database(static_cast<DbRole>(db));
    if (!database) continue;
    hs_stream_t* stream = nullptr;
    if (hs_open_stream(database, 0, &stream) != HS_SUCCESS) return false;
    streams_[db].reset(stream);
  }
  return true;
}

void MatchEvents::Restart(uint64_t base) {
  if (!ok_) return;
  queue_.clear();
  base_ = base;
  ok_ = Open();  // the old streams close as they are replaced, reporting nothing
}

int MatchEvents::OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to,
                         unsigned /*flags*/, void* ctx) {
  auto* c = static_cast<Context*>(ctx);
  MatchEvents& self = *c->self;
  to += self.base_;
  const TextWindow& w = *self.visible_;
  const MatchTarget* target = self.engine_.stored_target(static_cast<DbRole>(c->db), id);
  // Only what the visible bytes decide: a boundary that depends on bytes
  // not yet seen is checked again when the event is processed.
  if (target && target->type == MatchTarget::Type::kKeyword) {
    if (to >= target->length && to - target->length >= w.start) {
      size_t begin = to - target->length - w.start;
      if (text::WordCharBefore(w.bytes, begin) || text::WordCharAt(w.bytes, to - w.start)) {
        return 0;
      }
    }
  } else if (to >= w.start && (text::WordCharAt(w.bytes, to - w.start) ||
                               text::InsideCodePoint(w.bytes, to - w.start))) {
    // A 9-digit pattern matches at every digit of a long run, and a class
    // of bytes at every byte of an accented letter.
    return 0;
  }
  self.fresh_.push_back(MatchEvent{to, c->db, id});
  return 0;
}

template <typename Call>
void MatchEvents::EachStream(const TextWindow& window, Call call) {
  fresh_.clear();
  visible_ = &window;
  for (int db = 0; db < kNumStreamDbs; ++db) {
    if (!streams_[db]) continue;
    Context ctx{this, static_cast<uint8_t>(db)};
    auto run_begin = static_cast<std::ptrdiff_t>(fresh_.size());
    call(streams_[db], ctx);
    // Hyperscan reports a database's matches nearly in order of their end
    // (matches that end together come in no set order), but does not
    // promise it; each run is put in order, then merged with the runs
    // before it.
    auto run = fresh_.begin() + run_begin;
    SortNearlySorted(run, fresh_.end(), ByEnd);
    std::inplace_merge(fresh_.begin(), run, fresh_.end(), ByEnd);
  }
  visible_ = nullptr;
}

void MatchEvents::Scan(std::string_view piece, const TextWindow& window) {
  if (!ok_) return;
  EachStream(window, [&](StreamPtr& stream, Context& ctx) {
    hs_scan_stream(stream.get(), piece.data(), static_cast<unsigned>(piece.size()), 0,
                   scratch_.get(), OnMatch, &ctx);
  });
  // The lexicons' spellings that end a word: a run of their own, nearly in
  // order (by end; ids of one end in two groups), merged with the
  // databases' as the literal database's.
  auto run = static_cast<std::ptrdiff_t>(fresh_.size());
  engine_.words().Match(window, base_, window.end() - piece.size(), window.end(),
                        [&](uint64_t end, uint32_t id) {
                          fresh_.push_back(MatchEvent{end, kLiteralDb, id});
                        });
  SortNearlySorted(fresh_.begin() + run, fresh_.end(), ByEnd);
  std::inplace_merge(fresh_.begin(), fresh_.begin() + run, fresh_.end(), ByEnd);
  queue_.insert(queue_.end(), fresh_.begin(), fresh_.end());
}

void MatchEvents::Close(const TextWindow& window) {
  if (!ok_) return;
  EachStream(window, [&](StreamPtr& stream, Context& ctx) {
    hs_close_stream(stream.release(), scratch_.get(), OnMatch, &ctx);
  });
  queue_.insert(queue_.end(), fresh_.begin(), fresh_.end());
  std::stable_sort(queue_.begin(), queue_.end(), ByEnd);
}

}  // namespace vigie::internal
