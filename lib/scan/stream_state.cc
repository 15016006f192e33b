// SPDX-License-Identifier: Apache-2.0
// The scanning pipeline. See stream_state.h for its stages; the comments
// here say why each wait is long enough.
#include "scan/stream_state.h"

#include <algorithm>
#include <limits>

#include "scan/nearly_sorted.h"
#include "scan/resolve.h"
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
// A part's scan starts this many bytes before the part at least.
constexpr uint64_t kPartLookback = uint64_t{64} * 1024;
// Past its end, a part is read in slices of this size at least.
constexpr size_t kTailSlice = size_t{4} * 1024;
// Bytes on each side of a text_only candidate that must read as text.
constexpr uint64_t kTextAround = 32;
// Hyperscan takes at most 4 GiB per call.
constexpr size_t kMaxHyperscanCall = 1u << 30;
// A chain of overlapping findings longer than this is resolved as it stands.
constexpr size_t kMaxChain = 256;
// The retained window is compacted when its dead prefix passes this size.
constexpr size_t kCompactBytes = size_t{64} * 1024;
constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max() / 4;
// Candidates scored since the last resolution before completed chains are
// resolved again: a chain that cannot complete yet (a page of capitalized
// words) is then sorted and moved once per batch, not once per candidate.
constexpr size_t kSettleBatch = 64;

}  // namespace

StreamState::StreamState(std::shared_ptr<const Engine> engine, const CallOptions& call)
    : engine_(std::move(engine)),
      call_(call),
      events_(*engine_),
      confirmer_(*engine_),
      context_(*engine_),
      lines_(engine_->max_width()),
      settle_at_(kSettleBatch) {
  if (!(call_.min_score >= 0)) call_.min_score = 0;  // NaN too
  call_.min_score = std::min(call_.min_score, 1.0);
  if (call_.delimiter != ';' && call_.delimiter != ',' && call_.delimiter != '\t') {
    call_.delimiter = 0;
  }
  if (call_.layout == Layout::kText) layout_known_ = true;
}

TextWindow StreamState::Window() const {
  if (borrowing_) return {borrowed_.substr(0, fed_), 0};
  return {std::string_view(window_).substr(0, fed_ - window_start_), window_start_};
}

void StreamState::DecideLayout(std::string_view head) {
  UseLayout(records::GuessLayout(head, call_.layout, call_.delimiter));
}

void StreamState::SetLayout(const records::LayoutGuess& layout) {
  if (written_ == 0) UseLayout(layout);
}

void StreamState::UseLayout(const records::LayoutGuess& layout) {
  layout_ = layout;
  cells_.reset();
  if (layout_.delimited) cells_.emplace(layout_.delimiter);
  if (layout_.json) cells_.emplace(records::CellTracker::Json());
  layout_known_ = true;
}

void StreamState::Feed(std::string_view bytes) {
  while (!bytes.empty()) {
    std::string_view piece = bytes.substr(0, kMaxHyperscanCall);
    bytes.remove_prefix(piece.size());
    if (!borrowing_) window_.append(piece);
    // The bytes in memory and the piece: what a match's boundaries read.
    TextWindow visible = borrowing_ ? TextWindow{borrowed_.substr(0, fed_ + piece.size()), 0}
                                    : TextWindow{window_, window_start_};
    events_.Scan(piece, visible);
    if (cells_) {
      cells_->Feed(piece, fed_);
      NameColumns();
    }
    fed_ += piece.size();
  }
}

std::vector<Finding> StreamState::Write(std::string_view chunk) {
  std::vector<Finding> out;
  if (finished_ || !ok()) return out;
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
  if (finished_ || !ok()) return out;
  finished_ = true;
  if (!layout_known_) {
    DecideLayout(std::string_view(head_).substr(0, records::LayoutProbeLength(head_, true)));
    std::string head = std::move(head_);
    head_.clear();
    Feed(head);
  }
  events_.Close(Window());
  Advance(true, out);
  return out;
}

std::vector<Finding> StreamState::ScanAll(std::string_view text) {
  return ScanPart(text, 0, text.size());
}

std::vector<Finding> StreamState::ScanPart(std::string_view text, uint64_t from, uint64_t to) {
  std::vector<Finding> out;
  if (finished_ || !ok() || written_ != 0) return out;
  to = std::min<uint64_t>(to, text.size());
  if (from >= to && !text.empty()) return out;
  borrowing_ = true;
  borrowed_ = text;
  written_ = text.size();
  emit_from_ = from;
  emit_to_ = to == text.size() ? kNever : to;
  if (!layout_known_) DecideLayout(text.substr(0, records::LayoutProbeLength(text, true)));
  const Engine& e = *engine_;
  // A candidate that ends before this cannot overlap one of the part's, nor
  // be a term within the window before one.
  const uint64_t context = e.max_before() + e.max_width() + kMargin;
  confirm_from_ = from > context ? from - context : 0;
  const uint64_t reach = e.max_width() + e.max_after() + e.max_keyword() + kLookahead;
  // A candidate's verdict and score read at most max_width + max_before
  // bytes before it (keywords, terms, qualifiers); matches cut by the
  // part's start are found only there. The margin is wide enough that
  // neither reaches the candidates of the part.
  const uint64_t lookback = std::max<uint64_t>(kPartLookback, 4 * (reach + e.max_before()));
  uint64_t at = from > lookback ? from - lookback : 0;
  if (at > 0) SkipTo(at);
  // The part's bytes in slices, then short slices until the findings that
  // begin in it are settled.
  const size_t tail = std::max<size_t>(kTailSlice, 2 * reach);
  while (at < text.size()) {
    size_t n = std::min<uint64_t>(at < to ? std::min<uint64_t>(kSliceBytes, to - at) : tail,
                                  text.size() - at);
    Feed(text.substr(at, n));
    at += n;
    Advance(false, out);
    // Events not yet processed end past at - kLookahead, and a candidate
    // begins at most max_width bytes before its event's end: past
    // to + reach, none can begin before `to` any more.
    if (at > to + reach && DoneBefore(to)) return out;
  }
  finished_ = true;
  events_.Close(Window());
  Advance(true, out);
  return out;
}

void StreamState::SkipTo(uint64_t start) {
  TextWindow before{borrowed_.substr(0, start), 0};
  uint64_t skipped = 0;
  if (cells_) {
    if (layout_.header) {
      // The header's keywords name the columns, as in a scan from the
      // first byte: the keywords of the layout's probe (64 KiB) are
      // recorded, those of the header's cells as column names; candidates
      // there are dropped.
      skipped = std::min<uint64_t>(start, records::kLayoutProbeBytes);
      std::string_view head = borrowed_.substr(0, skipped);
      TextWindow visible{head, 0};
      cells_->Feed(head, 0);
      events_.Scan(head, visible);
      for (const MatchEvent& event : events_.queue()) {
        MatchTarget target = engine_->target(static_cast<DbRole>(event.db), event.id);
        if (target.type == MatchTarget::Type::kKeyword) {
          context_.AddKeyword(event.end, target, visible, cells(), true);
        }
      }
    }
    cells_->Skip(before.bytes.substr(skipped), skipped);
    NameColumns();
  }
  lines_.Forget(start, before);
  events_.Restart(start);
  fed_ = start;
}

void StreamState::NameColumns() {
  if (!layout_.json) return;
  for (const records::ColumnName& name : cells_->TakeNames()) {
    context_.NameColumn(name.column, engine_->KeywordsInName(name.name));
  }
}

bool StreamState::DoneBefore(uint64_t to) const {
  auto before = [to](const Candidate& c) { return c.begin < to; };
  return std::none_of(pending_.begin(), pending_.end(), before) &&
         std::none_of(scored_.begin(), scored_.end(), before);
}

void StreamState::Process(const MatchEvent& event) {
  MatchTarget target = engine_->target(static_cast<DbRole>(event.db), event.id);
  TextWindow window = Window();
  bool header = layout_.header;
  if (target.type == MatchTarget::Type::kKeyword) {
    context_.AddKeyword(event.end, target, window, cells(), header);
    return;
  }
  // Before a part, only the candidates that may reach into it, or be
  // context for its candidates (a term within their window), count.
  if (event.end < confirm_from_) return;
  std::optional<Candidate> c =
      confirmer_.Confirm(event.end, target, window, cells(), header, context_);
  if (!c) return;
  context_.NoteTerm(*c);
  LineTracker::Position at = lines_.At(c->begin, window);
  c->line = at.line;
  c->column = at.column;
  pending_.push_back(std::move(*c));
}

void StreamState::Advance(bool final, std::vector<Finding>& out) {
  const Engine& e = *engine_;
  const uint64_t width = e.max_width();
  const uint64_t after = e.max_after() + e.max_keyword();
  std::deque<MatchEvent>& queue = events_.queue();
  auto processed_below = [&]() -> uint64_t { return ProcessedBelow(final); };
  auto score_ready = [&]() {
    uint64_t below = processed_below();
    // A keyword that starts within the window after a candidate ends at
    // most `after` bytes past it; once such keywords are processed, the
    // candidate's context is complete.
    while (!pending_.empty() && pending_.front().end + after < below) {
      Candidate c = std::move(pending_.front());
      pending_.pop_front();
      if (!InText(c)) continue;
      context_.Score(c, Window(), cells_.has_value());
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
    if (scored_.size() >= settle_at_) Settle(frontier(), out);
    if (queue.empty()) break;
    const MatchEvent& next = queue.front();
    if (!final && next.end + kLookahead > fed_) break;
    MatchEvent event = next;
    queue.pop_front();
    Process(event);
    // Keywords that no candidate can reach any more are dropped.
    uint64_t below = processed_below();
    uint64_t lowest_begin = below > after + width ? below - after - width : 0;
    if (!pending_.empty()) {
      uint64_t front = pending_.front().end;
      lowest_begin = std::min(lowest_begin, front > width ? front - width : 0);
    }
    context_.Forget(lowest_begin);
  }
  Settle(final ? kNever : frontier(), out);
  if (final) return;
  // Scoring reads the bytes between a candidate and the keywords before it.
  uint64_t below = processed_below();
  uint64_t needed = below - std::min(below, width + after + e.max_before() + kMargin);
  Trim(needed);
}

uint64_t StreamState::ProcessedBelow(bool final) const {
  const std::deque<MatchEvent>& queue = events_.queue();
  if (!queue.empty()) return queue.front().end;
  return final ? kNever : fed_ + 1;
}

uint64_t StreamState::Settled() const {
  if (finished_) return written_;
  if (!layout_known_ || fed_ == 0) return 0;
  // A candidate still to come ends at or after ProcessedBelow and begins at
  // most max_width bytes before its end; those waiting begin where they do.
  const uint64_t width = engine_->max_width();
  // Matches that wait for the next bytes (a boundary after them) are
  // reported late, ending at most kLookahead bytes before the end fed.
  const uint64_t fed_back = fed_ > kLookahead ? fed_ - kLookahead : 0;
  const uint64_t below = std::min(ProcessedBelow(false), fed_back);
  uint64_t settled = below > width ? below - width : 0;
  for (const Candidate& c : pending_) settled = std::min(settled, c.begin);
  for (const Candidate& c : scored_) settled = std::min(settled, c.begin);
  return std::min(settled, fed_);
}

bool StreamState::InText(const Candidate& c) const {
  const DetectorDef& d = engine_->detectors()[c.detector];
  if (!d.text_only) return true;
  // Within the detector's windows, which are in memory when it is scored
  // (in a stream as in a block).
  TextWindow w = Window();
  uint64_t before = std::min<uint64_t>({kTextAround, d.window_before, c.begin});
  uint64_t from = std::max(w.start, c.begin - before);
  uint64_t to = std::min(w.end(), c.end + std::min<uint64_t>(kTextAround, d.window_after));
  return text::LooksLikeText(w.Slice(from, to));
}

void StreamState::Trim(uint64_t keep_from) {
  if (keep_from <= window_start_) return;
  keep_from = std::min(keep_from, fed_);
  lines_.Forget(keep_from, Window());
  if (cells_) cells_->Forget(keep_from);
  if (borrowing_) return;
  uint64_t dead = keep_from - window_start_;
  if (dead < kCompactBytes || dead < window_.size() / 2) return;
  window_.erase(0, dead);
  window_start_ = keep_from;
}

void StreamState::Settle(uint64_t frontier, std::vector<Finding>& out) {
  if (scored_.empty()) return;
  // Chains of overlapping findings, in order of their start. A chain that
  // ends at or before the frontier can take no new member: it is resolved.
  // The decision depends only on the findings, never on how the text was
  // cut into chunks. (A chain longer than kMaxChain members is resolved
  // as it stands, so that a pathological text cannot hold memory.)
  // Candidates are large: sort pointers, and move each candidate once.
  order_.clear();
  for (Candidate& c : scored_) order_.push_back(&c);
  SortNearlySorted(order_.begin(), order_.end(),
                   [](const Candidate* a, const Candidate* b) { return a->begin < b->begin; });
  kept_.clear();
  size_t i = 0;
  while (i < order_.size()) {
    size_t j = i + 1;
    uint64_t chain_end = order_[i]->end;
    while (j < order_.size() && order_[j]->begin < chain_end) {
      chain_end = std::max(chain_end, order_[j]->end);
      ++j;
    }
    if (chain_end <= frontier || j - i >= kMaxChain) {
      uint64_t chain_begin = order_[i]->begin;
      if (chain_begin >= emit_from_ && chain_begin < emit_to_) {
        Resolve(order_.data() + i, order_.data() + j, out);
      }
    } else {
      for (size_t k = i; k < j; ++k) kept_.push_back(std::move(*order_[k]));
    }
    i = j;
  }
  scored_.swap(kept_);
  settle_at_ = scored_.size() + kSettleBatch;
}

void StreamState::Resolve(Candidate* const* first, Candidate* const* last,
                          std::vector<Finding>& out) {
  const auto& detectors = engine_->detectors();
  std::vector<Contender>& chain = chain_;
  chain.clear();
  for (Candidate* const* c = first; c != last; ++c) {
    const Candidate& k = **c;
    uint8_t family = detectors[k.detector].term_family;
    chain.push_back({k.begin, k.end, k.score, k.verdict.status == Verdict::Status::kConfirmed,
                     k.digit_led, family != 0 ? -int64_t{family} : int64_t{k.detector},
                     k.detector});
  }
  ResolveOverlaps(chain, winners_);
  for (size_t w : winners_) {
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
    f.record = c.cell_column != Finding::kNoField ? c.cell_row : c.line - 1;
    f.field = layout_.json ? Finding::kNoField : c.cell_column;
    f.score = c.score;
    f.qualifiers = c.qualifiers;
    f.value = std::move(c.verdict.value);
    f.context = std::move(c.verdict.context);
  }
}

}  // namespace vigie::internal
