// SPDX-License-Identifier: Apache-2.0
#include "scan/context.h"

#include <algorithm>
#include <optional>

#include "scan/qualifiers.h"
#include "scan/score.h"
#include "text/utf8.h"

namespace vigie::internal {
namespace {

// A term confirmed at this score or more without context stands on its
// own, and is context for the terms of its family near it.
constexpr double kStandaloneTerm = 0.7;
// Forgotten hits are dropped from the front of their vector past this many.
constexpr size_t kCompactHits = 1024;

template <typename T>
void DropFront(std::vector<T>& v, size_t& first) {
  if (first < kCompactHits || first * 2 < v.size()) return;
  v.erase(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(first));
  first = 0;
}

}  // namespace

void Context::AddKeyword(uint64_t end, const MatchTarget& target, const TextWindow& window,
                         const records::CellTracker* cells, bool header) {
  if (end < target.length) return;
  uint64_t begin = end - target.length;
  if (begin < window.start) return;
  size_t b = begin - window.start, e = end - window.start;
  if (text::WordCharBefore(window.bytes, b) || text::WordCharAt(window.bytes, e)) return;
  KeywordHit hit{begin, end, target.index, 0};
  if (cells) {
    records::Cell cell = cells->CellAt(begin);
    if (cells->CellAt(end - 1).begin != cell.begin) return;
    hit.cell_begin = cell.begin;
    if (header && cell.row == 0) {
      if (column_context_.size() <= cell.column) column_context_.resize(cell.column + 1);
      for (const KeywordOwner& owner : engine_.keywords()[target.index].owners) {
        column_context_[cell.column].push_back(owner);
      }
    }
  }
  MarkPseudoTriggers(std::span<KeywordHit>(hits_).subspan(first_hit_), hit, engine_.keywords());
  hits_.push_back(hit);
}

void Context::NoteTerm(const Candidate& c) {
  uint8_t family = engine_.detectors()[c.detector].term_family;
  if (family != 0 && c.verdict.status == Verdict::Status::kConfirmed &&
      c.verdict.score >= kStandaloneTerm) {
    terms_.push_back({c.begin, c.end, c.cell_begin, family});
  }
}

std::span<const KeywordHit> Context::HitsNear(uint64_t begin, uint64_t end,
                                              const DetectorDef& d) const {
  uint64_t from = begin > d.window_before ? begin - d.window_before : 0;
  uint64_t to = end + d.window_after + engine_.max_keyword();
  auto by_end = [](const KeywordHit& h, uint64_t at) { return h.end < at; };
  auto live = std::span<const KeywordHit>(hits_).subspan(first_hit_);
  auto first = std::lower_bound(live.begin(), live.end(), from, by_end);
  auto last = std::lower_bound(first, live.end(), to + 1, by_end);
  return {first, last};
}

void Context::Score(Candidate& c, const TextWindow& window, bool delimited) const {
  const DetectorDef& d = engine_.detectors()[c.detector];
  bool positive = false, negative = false, weak = false;
  std::span<const KeywordHit> near = HitsNear(c.begin, c.end, d);
  for (const KeywordHit& hit : near) {
    uint8_t role = engine_.role(c.detector, hit.keyword);
    if (role == 0) continue;
    if (hit.end <= c.begin) {
      if (c.begin - hit.end > d.window_before) continue;
    } else if (hit.begin >= c.end) {
      if (hit.begin - c.end > d.window_after) continue;
    } else {
      continue;  // a keyword inside the match says nothing about it
    }
    if (delimited && hit.cell_begin != c.cell_begin) continue;  // context stays in its cell
    positive = positive || (role & Engine::kPositiveRole) != 0;
    negative = negative || (role & Engine::kNegativeRole) != 0;
    weak = weak || (role & Engine::kWeakRole) != 0;
  }
  bool named = false;
  if (delimited && c.cell_column < column_context_.size()) {
    for (const KeywordOwner& o : column_context_[c.cell_column]) {
      if (o.detector != c.detector) continue;
      (o.weak ? weak : o.positive ? positive : negative) = true;
      named = named || (o.positive && !o.weak);
    }
  }
  if (d.term_family != 0 && !positive) {
    // Another term of the family within the window. One after the
    // candidate counts when it ends within the window: by then it has
    // surely been processed, in a stream as in a block.
    for (size_t i = first_term_; i < terms_.size(); ++i) {
      const TermHit& t = terms_[i];
      if (t.family != d.term_family) continue;
      if (delimited && t.cell_begin != c.cell_begin) continue;
      bool before = t.end <= c.begin && c.begin - t.end <= d.window_before;
      bool after = t.begin >= c.end && t.end - c.end <= d.window_after;
      if (before || after) {
        positive = true;
        break;
      }
    }
  }
  if (d.negative_context && !named && ReadsAsNegative(c, d, window, delimited)) {
    positive = weak = false;
    negative = true;
  }
  c.score = ContextScore(c.verdict, positive, negative, weak);
  if (d.qualified) {
    QualifiedSpan span{c.begin, c.end, d.window_before, d.window_after, std::nullopt};
    if (delimited) span.cell_begin = c.cell_begin;
    c.qualifiers = Qualifiers(span, near, engine_.keywords(), window);
  }
}

void Context::NameColumn(uint32_t column, const std::vector<uint32_t>& keywords) {
  if (keywords.empty()) return;
  if (column_context_.size() <= column) column_context_.resize(column + 1);
  for (uint32_t k : keywords) {
    for (const KeywordOwner& owner : engine_.keywords()[k].owners) {
      column_context_[column].push_back(owner);
    }
  }
}

bool Context::ReadsAsNegative(const Candidate& c, const DetectorDef& d, const TextWindow& window,
                              bool delimited) {
  uint64_t from =
      std::max<uint64_t>(window.start, c.begin > d.window_before ? c.begin - d.window_before : 0);
  uint64_t to = std::min<uint64_t>(window.start + window.bytes.size(), c.end + d.window_after);
  if (delimited) from = std::max(from, c.cell_begin);
  std::string_view before = window.Slice(from, c.begin);
  size_t line = before.rfind('\n');
  if (line != std::string_view::npos) before.remove_prefix(line + 1);
  std::string_view after = window.Slice(c.end, std::max(to, c.end));
  return d.negative_context(before, window.Slice(c.begin, c.end), after);
}

bool Context::NamesColumn(uint32_t column, uint32_t detector) const {
  if (column >= column_context_.size()) return false;
  return std::any_of(
      column_context_[column].begin(), column_context_[column].end(),
      [&](const KeywordOwner& o) { return o.detector == detector && o.positive && !o.weak; });
}

void Context::Forget(uint64_t lowest_begin) {
  uint64_t before = engine_.max_before();
  while (first_hit_ < hits_.size() && hits_[first_hit_].end + before < lowest_begin) ++first_hit_;
  while (first_term_ < terms_.size() && terms_[first_term_].end + before < lowest_begin) {
    ++first_term_;
  }
  DropFront(hits_, first_hit_);
  DropFront(terms_, first_term_);
}

}  // namespace vigie::internal
