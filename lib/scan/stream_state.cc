// The scanning pipeline. See stream_state.h for its stages; the comments
// here say why each wait is long enough.
#include "scan/stream_state.h"

#include <algorithm>
#include <limits>

#include "scan/resolve.h"
#include "scan/score.h"
#include "text/utf8.h"

namespace vigie::internal {
namespace {

// Bytes after a match end that the boundary check reads (one UTF-8 code point).
constexpr uint64_t kLookahead = 4;
// Extra bytes kept before the earliest needed offset (one code point).
constexpr uint64_t kMargin = 8;
// A ScanAll text is fed in slices of this size, so that pending events and
// keywords stay bounded as they do in a stream.
constexpr size_t kSliceBytes = 1 << 20;
// Hyperscan takes at most 4 GiB per call.
constexpr size_t kMaxHyperscanCall = 1u << 30;
// A chain of overlapping findings longer than this is resolved as it stands.
constexpr size_t kMaxChain = 256;
// The retained window is compacted when its dead prefix passes this size.
constexpr size_t kCompactBytes = size_t{64} * 1024;
constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max() / 4;
// A term confirmed at this score or more without context stands on its
// own, and is context for the terms of its family near it.
constexpr double kStandaloneTerm = 0.7;
// Scored candidates waiting for resolution before completed chains are
// resolved.
constexpr size_t kSettleBatch = 64;

}  // namespace

StreamState::StreamState(std::shared_ptr<const Engine> engine, const CallOptions& call)
    : engine_(std::move(engine)), call_(call) {
  if (!(call_.min_score >= 0)) call_.min_score = 0;  // NaN too
  call_.min_score = std::min(call_.min_score, 1.0);
  if (call_.delimiter != ';' && call_.delimiter != ',' && call_.delimiter != '\t') {
    call_.delimiter = 0;
  }
  scratch_ = engine_->AcquireScratch();
  broken_ = scratch_ == nullptr;
  for (int db = 0; db < kNumStreamDbs && !broken_; ++db) {
    hs_database_t* database = engine_->database(static_cast<DbRole>(db));
    if (database && hs_open_stream(database, 0, &streams_[db]) != HS_SUCCESS) broken_ = true;
  }
  last_span_.assign(engine_->detectors().size(), {kNever, kNever});
  if (call_.layout == Layout::kText) {
    layout_known_ = true;
  }
}

StreamState::~StreamState() {
  for (hs_stream_t*& s : streams_) {
    if (s) hs_close_stream(s, scratch_, nullptr, nullptr);
  }
  engine_->ReleaseScratch(scratch_);
}

int StreamState::OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to,
                         unsigned /*flags*/, void* ctx) {
  auto* m = static_cast<MatchContext*>(ctx);
  StreamState& self = *m->self;
  const MatchTarget& target = self.engine_->target(static_cast<DbRole>(m->db), id);
  // Most raw matches end inside a longer word or number (a 9-digit pattern
  // matches at every digit of a long run): drop those that the visible
  // bytes already condemn, before they are queued and sorted.
  if (target.type == MatchTarget::Type::kKeyword ? !self.KeywordMayStand(to, target.length)
                                                 : self.EndsInsideWord(to)) {
    return 0;
  }
  self.new_events_.push_back(Event{to, m->db, id});
  return 0;
}

bool StreamState::KeywordMayStand(uint64_t end, uint32_t length) const {
  // Only what the visible bytes decide: a boundary that depends on bytes not
  // yet seen is checked again when the event is processed.
  if (end < length || end - length < window_start_) return true;
  size_t begin = end - length - window_start_;
  size_t stop = end - window_start_;
  return !text::WordCharBefore(visible_, begin) && !text::WordCharAt(visible_, stop);
}

bool StreamState::EndsInsideWord(uint64_t end) const {
  if (end < window_start_) return false;
  return text::WordCharAt(visible_, end - window_start_);
}

std::string_view StreamState::View() const {
  if (borrowing_) return borrowed_.substr(0, fed_);
  return std::string_view(window_).substr(0, fed_ - window_start_);
}

void StreamState::DecideLayout(std::string_view head) {
  layout_ = records::GuessLayout(head, call_.layout, call_.delimiter);
  if (layout_.delimited) cells_.emplace(layout_.delimiter);
  layout_known_ = true;
}

void StreamState::Feed(std::string_view bytes) {
  while (!bytes.empty()) {
    std::string_view piece = bytes.substr(0, kMaxHyperscanCall);
    bytes.remove_prefix(piece.size());
    new_events_.clear();
    if (!borrowing_) window_.append(piece);
    visible_ = borrowing_ ? borrowed_.substr(0, fed_ + piece.size()) : std::string_view(window_);
    for (int db = 0; db < kNumStreamDbs; ++db) {
      if (!streams_[db]) continue;
      MatchContext ctx{this, static_cast<uint8_t>(db)};
      hs_scan_stream(streams_[db], piece.data(), static_cast<unsigned>(piece.size()), 0, scratch_,
                     OnMatch, &ctx);
    }
    std::sort(new_events_.begin(), new_events_.end(), [](const Event& a, const Event& b) {
      if (a.end != b.end) return a.end < b.end;
      if (a.db != b.db) return a.db < b.db;
      return a.id < b.id;
    });
    events_.insert(events_.end(), new_events_.begin(), new_events_.end());
    if (cells_) cells_->Feed(piece, fed_);
    fed_ += piece.size();
  }
}

void StreamState::CloseStreams() {
  new_events_.clear();
  for (int db = 0; db < kNumStreamDbs; ++db) {
    if (!streams_[db]) continue;
    MatchContext ctx{this, static_cast<uint8_t>(db)};
    hs_close_stream(streams_[db], scratch_, OnMatch, &ctx);
    streams_[db] = nullptr;
  }
  events_.insert(events_.end(), new_events_.begin(), new_events_.end());
  std::stable_sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) {
    if (a.end != b.end) return a.end < b.end;
    if (a.db != b.db) return a.db < b.db;
    return a.id < b.id;
  });
}

std::vector<Finding> StreamState::Write(std::string_view chunk) {
  std::vector<Finding> out;
  if (finished_ || broken_) return out;
  written_ += chunk.size();
  if (!layout_known_) {
    head_.append(chunk);
    size_t probe = records::LayoutProbeLength(head_, false);
    if (probe == 0) return out;
    DecideLayout(std::string_view(head_).substr(0, probe));
    std::string head = std::move(head_);
    head_.clear();
    Feed(head);
  } else {
    Feed(chunk);
  }
  Advance(false, out);
  return out;
}

std::vector<Finding> StreamState::Finish() {
  std::vector<Finding> out;
  if (finished_ || broken_) return out;
  finished_ = true;
  if (!layout_known_) {
    DecideLayout(std::string_view(head_).substr(0, records::LayoutProbeLength(head_, true)));
    std::string head = std::move(head_);
    head_.clear();
    Feed(head);
  }
  CloseStreams();
  Advance(true, out);
  return out;
}

std::vector<Finding> StreamState::ScanAll(std::string_view text) {
  std::vector<Finding> out;
  if (finished_ || broken_ || written_ != 0) return out;
  borrowing_ = true;
  borrowed_ = text;
  written_ = text.size();
  if (!layout_known_) DecideLayout(text.substr(0, records::LayoutProbeLength(text, true)));
  for (size_t at = 0; at < text.size(); at += kSliceBytes) {
    Feed(text.substr(at, kSliceBytes));
    Advance(false, out);
  }
  finished_ = true;
  CloseStreams();
  Advance(true, out);
  return out;
}

void StreamState::Advance(bool final, std::vector<Finding>& out) {
  const Engine& e = *engine_;
  const uint64_t width = e.max_width();
  const uint64_t after = e.max_after() + e.max_keyword();
  // Every event ending before `processed_below` has been processed, and
  // every event not yet processed ends at or after it.
  auto processed_below = [&]() -> uint64_t {
    if (!events_.empty()) return events_.front().end;
    return final ? kNever : fed_ + 1;
  };
  auto score_ready = [&]() {
    uint64_t below = processed_below();
    // A keyword that starts within the window after a candidate ends at
    // most `after` bytes past it; once such keywords are processed, the
    // candidate's context is complete.
    while (!pending_.empty() && pending_.front().end + after < below) {
      Candidate c = std::move(pending_.front());
      pending_.pop_front();
      Score(c);
      scored_.push_back(std::move(c));
    }
  };
  // Candidates still to be scored begin at or after below - after - width:
  // a chain of overlapping findings that ends before that is complete.
  auto frontier = [&]() -> uint64_t {
    uint64_t below = processed_below();
    return below > after + width ? below - after - width : 0;
  };
  for (;;) {
    score_ready();
    // Resolved as they complete, so that scored candidates stay few.
    if (scored_.size() >= kSettleBatch) Settle(frontier(), out);
    if (events_.empty()) break;
    const Event& next = events_.front();
    if (!final && next.end + kLookahead > fed_) break;
    Event event = next;
    events_.pop_front();
    ProcessEvent(event);
    // Keywords that no candidate can reach any more are dropped.
    uint64_t below = processed_below();
    uint64_t lowest_begin = below > after + width ? below - after - width : 0;
    if (!pending_.empty()) {
      uint64_t front = pending_.front().end;
      lowest_begin = std::min(lowest_begin, front > width ? front - width : 0);
    }
    while (!hits_.empty() && hits_.front().end + e.max_before() < lowest_begin) hits_.pop_front();
    while (!terms_.empty() && terms_.front().end + e.max_before() < lowest_begin) {
      terms_.pop_front();
    }
  }
  Settle(final ? kNever : frontier(), out);
  uint64_t below = processed_below();
  if (final) return;
  // Scoring reads the bytes between a candidate and the keywords before it.
  uint64_t needed = below - std::min(below, width + after + e.max_before() + kMargin);
  Trim(needed);
}

void StreamState::Trim(uint64_t keep_from) {
  if (keep_from <= window_start_) return;
  keep_from = std::min(keep_from, fed_);
  if (last_.pos <= keep_from) {
    MoveCursor(last_, keep_from);  // count these bytes once, not twice
    cursor_ = last_;
  } else {
    MoveCursor(cursor_, std::max(cursor_.pos, keep_from));
  }
  if (cells_) cells_->Forget(keep_from);
  if (borrowing_) return;
  uint64_t dead = keep_from - window_start_;
  if (dead < kCompactBytes || dead < window_.size() / 2) return;
  window_.erase(0, dead);
  window_start_ = keep_from;
}

void StreamState::MoveCursor(LineCursor& cursor, uint64_t to) const {
  if (to <= cursor.pos) return;
  std::string_view bytes = View().substr(cursor.pos - window_start_, to - cursor.pos);
  uint64_t lines = text::CountByte(bytes, '\n');
  if (lines == 0) {
    cursor.column += text::CountCodePoints(bytes);
  } else {
    cursor.line += lines;
    cursor.column = text::CountCodePoints(bytes.substr(bytes.rfind('\n') + 1));
  }
  cursor.pos = to;
}

StreamState::LineCursor StreamState::CursorAt(uint64_t pos) {
  // Candidates come in order of their end, so their starts are almost
  // always increasing: follow them with `last_`, and fall back on the
  // lagging `cursor_`, which never passes a start still to come.
  if (pos < last_.pos) {
    // Keep the fallback near: no start still to come lies before
    // pos - max_width, so the lagging cursor may go that far.
    uint64_t width = engine_->max_width();
    MoveCursor(cursor_, std::max(cursor_.pos, pos > width ? pos - width : 0));
    last_ = cursor_;
  }
  MoveCursor(last_, pos);
  return last_;
}

void StreamState::ProcessEvent(const Event& event) {
  const MatchTarget& target = engine_->target(static_cast<DbRole>(event.db), event.id);
  if (target.type == MatchTarget::Type::kKeyword) {
    ProcessKeyword(event, target);
  } else {
    ProcessCandidate(event, target);
  }
}

void StreamState::ProcessKeyword(const Event& event, const MatchTarget& target) {
  std::string_view view = View();
  if (event.end < target.length) return;
  uint64_t begin = event.end - target.length;
  if (begin < window_start_) return;
  size_t b = begin - window_start_, end = event.end - window_start_;
  if (text::WordCharBefore(view, b) || text::WordCharAt(view, end)) return;
  KeywordHit hit{begin, event.end, target.index, 0};
  if (cells_) {
    records::Cell cell = cells_->CellAt(begin);
    if (cells_->CellAt(event.end - 1).begin != cell.begin) return;
    hit.cell_begin = cell.begin;
    if (layout_.header && cell.row == 0) {
      if (column_context_.size() <= cell.column) column_context_.resize(cell.column + 1);
      for (const KeywordOwner& owner : engine_->keywords()[target.index].owners) {
        column_context_[cell.column].push_back(owner);
      }
    }
  }
  // A trigger inside a pseudo trigger ("pas de" in "pas de doute") is no
  // trigger. Hits come in order of their end: a pseudo trigger cancels the
  // hits before it that it holds; a trigger is held only by a pseudo
  // trigger that ends where it ends.
  const auto& keywords = engine_->keywords();
  const KeywordDef& k = keywords[target.index];
  bool trigger = k.qualifies_before != 0 || k.qualifies_after != 0;
  for (auto it = hits_.rbegin(); it != hits_.rend() && (k.pseudo || trigger); ++it) {
    if (it->end <= hit.begin || (!k.pseudo && it->end != hit.end)) break;
    if (k.pseudo && it->begin >= hit.begin) it->cancelled = true;
    if (trigger && it->end == hit.end && keywords[it->keyword].pseudo && it->begin <= hit.begin) {
      hit.cancelled = true;
    }
  }
  hits_.push_back(hit);
}

void StreamState::ProcessCandidate(const Event& event, const MatchTarget& target) {
  const DetectorDef& d = engine_->detectors()[target.index];
  std::string_view view = View();
  uint64_t lowest =
      std::max<uint64_t>(window_start_, event.end > d.max_width ? event.end - d.max_width : 0);
  // A match starts in the cell where it ends, or for spans_cells in its
  // record: start finders look no further back than that.
  records::Cell end_cell{};
  if (cells_) {
    end_cell = cells_->CellAt(event.end - 1);
    lowest = std::max<uint64_t>(lowest, d.spans_cells ? end_cell.row_begin : end_cell.begin);
  }
  size_t earliest = lowest - window_start_;
  size_t end = event.end - window_start_;
  size_t begin = std::string_view::npos;
  std::optional<Verdict> judged;  // by the start finder
  if (target.length > 0) {
    if (event.end >= target.length && event.end - target.length >= window_start_) {
      begin = end - target.length;
      if (text::WordCharBefore(view, begin)) begin = std::string_view::npos;
    }
  } else if (d.find_start) {
    Located located = d.find_start(view, earliest, end);
    begin = located.begin;
    judged = std::move(located.verdict);
  } else {
    begin = engine_->AnchoredStart(target.index, view, earliest, end);
  }
  if (begin == std::string_view::npos || begin >= end) return;
  if (text::WordCharAt(view, end)) return;
  uint64_t abs_begin = window_start_ + begin;
  auto& last = last_span_[target.index];
  if (last.first == abs_begin && last.second == event.end) return;
  last = {abs_begin, event.end};

  Candidate c;
  c.detector = target.index;
  if (cells_) {
    records::Cell cell = cells_->CellAt(abs_begin);
    if (d.spans_cells ? end_cell.row != cell.row : end_cell.begin != cell.begin) return;
    if (layout_.header && cell.row == 0) return;  // column names, nobody's data
    c.cell_begin = cell.begin;
    c.cell_column = cell.column;
  }
  std::string_view match = view.substr(begin, end - begin);
  c.digit_led = match[0] >= '0' && match[0] <= '9';
  if (judged) {
    c.verdict = std::move(*judged);
  } else if (target.spelled) {
    c.verdict = d.confirm_spelling(target.spelling, match);
  } else if (d.confirm_in_context) {
    // The bytes the start finder could see: from `lowest` (the match's
    // width, its cell), at most window_before. Retained bytes reach that
    // far before any candidate start (see Advance), in a stream as in a
    // block.
    uint64_t from =
        std::max<uint64_t>(lowest, abs_begin > d.window_before ? abs_begin - d.window_before : 0);
    c.verdict = d.confirm_in_context(view.substr(from - window_start_, abs_begin - from), match);
  } else {
    c.verdict = d.confirm(match);
  }
  if (c.verdict.status == Verdict::Status::kReject) return;

  if (d.term_family != 0 && c.verdict.status == Verdict::Status::kConfirmed &&
      c.verdict.score >= kStandaloneTerm) {
    terms_.push_back({abs_begin, event.end, c.cell_begin, d.term_family});
  }
  // The value is the matched text unless the detector normalized it.
  if (c.verdict.value.empty()) c.verdict.value = match;
  LineCursor at = CursorAt(abs_begin);
  c.begin = abs_begin;
  c.end = event.end;
  c.line = at.line;
  c.column = at.column + 1;
  pending_.push_back(std::move(c));
}

void StreamState::Score(Candidate& c) const {
  const DetectorDef& d = engine_->detectors()[c.detector];
  bool positive = false, negative = false;
  auto apply = [&](const std::vector<KeywordOwner>& owners) {
    for (const KeywordOwner& o : owners) {
      if (o.detector != c.detector) continue;
      (o.positive ? positive : negative) = true;
    }
  };
  auto [first, last] = HitsNear(c, d);
  for (size_t i = first; i < last; ++i) {
    const KeywordHit& hit = hits_[i];
    uint8_t role = engine_->role(c.detector, hit.keyword);
    if (role == 0) continue;
    if (hit.end <= c.begin) {
      if (c.begin - hit.end > d.window_before) continue;
    } else if (hit.begin >= c.end) {
      if (hit.begin - c.end > d.window_after) continue;
    } else {
      continue;  // a keyword inside the match says nothing about it
    }
    if (cells_ && hit.cell_begin != c.cell_begin) continue;  // context stays in its cell
    positive = positive || (role & Engine::kPositiveRole) != 0;
    negative = negative || (role & Engine::kNegativeRole) != 0;
  }
  if (cells_ && c.cell_column < column_context_.size()) apply(column_context_[c.cell_column]);
  if (d.term_family != 0 && !positive) {
    // Another term of the family within the window. One after the
    // candidate counts when it ends within the window: by then it has
    // surely been processed, in a stream as in a block.
    for (const TermHit& t : terms_) {
      if (t.family != d.term_family) continue;
      if (cells_ && t.cell_begin != c.cell_begin) continue;
      bool before = t.end <= c.begin && c.begin - t.end <= d.window_before;
      bool after = t.begin >= c.end && t.end - c.end <= d.window_after;
      if (before || after) {
        positive = true;
        break;
      }
    }
  }
  c.score = ContextScore(c.verdict, positive, negative);
  if (d.qualified) c.qualifiers = Qualifiers(c, first, last);
}

bool StreamState::SameSentence(uint64_t from, uint64_t to) const {
  if (from < window_start_ || to > fed_ || from > to) return false;
  std::string_view between = View().substr(from - window_start_, to - from);
  for (size_t i = 0; i < between.size(); ++i) {
    char ch = between[i];
    if (ch == '\n' || ch == ';' || ch == '!' || ch == '?') return false;
    // A full stop ends a sentence; one inside a number or an abbreviation
    // ("2.5", "Dr.X") does not.
    if (ch == '.' && (i + 1 == between.size() || between[i + 1] == ' ')) return false;
  }
  return true;
}

std::pair<size_t, size_t> StreamState::HitsNear(const Candidate& c, const DetectorDef& d) const {
  uint64_t from = c.begin > d.window_before ? c.begin - d.window_before : 0;
  uint64_t to = c.end + d.window_after + engine_->max_keyword();
  auto by_end = [](const KeywordHit& h, uint64_t end) { return h.end < end; };
  auto first = std::lower_bound(hits_.begin(), hits_.end(), from, by_end);
  auto last = std::lower_bound(first, hits_.end(), to + 1, by_end);
  return {static_cast<size_t>(first - hits_.begin()), static_cast<size_t>(last - hits_.begin())};
}

uint8_t StreamState::Qualifiers(const Candidate& c, size_t first, size_t last) const {
  const DetectorDef& d = engine_->detectors()[c.detector];
  const auto& keywords = engine_->keywords();
  uint8_t q = 0;
  for (size_t i = first; i < last; ++i) {
    const KeywordHit& hit = hits_[i];
    const KeywordDef& k = keywords[hit.keyword];
    if ((k.qualifies_before == 0 && k.qualifies_after == 0) || hit.cancelled) continue;
    if (cells_ && hit.cell_begin != c.cell_begin) continue;
    if ((q | k.qualifies_before | k.qualifies_after) == q) continue;  // nothing new
    bool before = hit.end <= c.begin && c.begin - hit.end <= d.window_before &&
                  k.qualifies_before != 0 && SameSentence(hit.end, c.begin);
    bool after = hit.begin >= c.end && hit.begin - c.end <= d.window_after &&
                 k.qualifies_after != 0 && SameSentence(c.end, hit.begin);
    if (before) q |= k.qualifies_before;
    if (after) q |= k.qualifies_after;
  }
  return q;
}

void StreamState::Settle(uint64_t frontier, std::vector<Finding>& out) {
  if (scored_.empty()) return;
  // Chains of overlapping findings, in order of their start. A chain that
  // ends at or before the frontier can take no new member: it is resolved.
  // The decision depends only on the findings, never on how the text was
  // cut into chunks. (A chain longer than kMaxChain members is resolved
  // as it stands, so that a pathological text cannot hold memory.)
  // Candidates are large: sort pointers, and move each candidate once.
  std::vector<Candidate*> order;
  order.reserve(scored_.size());
  for (Candidate& c : scored_) order.push_back(&c);
  std::stable_sort(order.begin(), order.end(),
                   [](const Candidate* a, const Candidate* b) { return a->begin < b->begin; });
  std::vector<Candidate> kept;
  size_t i = 0;
  while (i < order.size()) {
    size_t j = i + 1;
    uint64_t chain_end = order[i]->end;
    while (j < order.size() && order[j]->begin < chain_end) {
      chain_end = std::max(chain_end, order[j]->end);
      ++j;
    }
    if (chain_end <= frontier || j - i >= kMaxChain) {
      Resolve(order.data() + i, order.data() + j, out);
    } else {
      for (size_t k = i; k < j; ++k) kept.push_back(std::move(*order[k]));
    }
    i = j;
  }
  scored_ = std::move(kept);
}

void StreamState::Resolve(Candidate* const* first, Candidate* const* last,
                          std::vector<Finding>& out) {
  const auto& detectors = engine_->detectors();
  std::vector<Contender> chain;
  chain.reserve(static_cast<size_t>(last - first));
  for (Candidate* const* c = first; c != last; ++c) {
    const Candidate& k = **c;
    uint8_t family = detectors[k.detector].term_family;
    chain.push_back({k.begin, k.end, k.score, k.verdict.status == Verdict::Status::kConfirmed,
                     k.digit_led, family != 0 ? -int64_t{family} : int64_t{k.detector},
                     k.detector});
  }
  for (size_t w : ResolveOverlaps(chain)) {
    Candidate& c = *first[w];
    if (c.score < call_.min_score) continue;
    const DetectorDef& d = detectors[c.detector];
    Finding& f = out.emplace_back();
    f.kind = d.kind;
    f.category = d.category;
    f.confidence = c.verdict.status == Verdict::Status::kConfirmed ? Confidence::kConfirmed
                                                                   : Confidence::kUnconfirmed;
    f.begin = c.begin;
    f.end = c.end;
    f.line = c.line;
    f.column = c.column;
    f.score = c.score;
    f.qualifiers = c.qualifiers;
    f.value = std::move(c.verdict.value);
    f.context = std::move(c.verdict.context);
  }
}

}  // namespace vigie::internal
