// SPDX-License-Identifier: Apache-2.0
// StreamState: the pipeline from bytes to findings, shared by one-block
// scans and streams so that both give the same findings by construction.
// It holds the text still needed and runs the stages in order:
//
//   bytes -> MatchEvents (Hyperscan; events in order of their end)
//         -> Confirmer (start, boundaries, cell, verdict) -> candidates
//         -> Context (keywords, columns, terms, qualifiers) -> scores
//         -> chains of overlapping candidates -> ResolveOverlaps -> findings
//
// with LineTracker giving each candidate its line and column. Each stage
// waits only until the bytes or keywords it needs have been seen, and
// every wait is bounded by the engine's widths, so memory stays bounded
// whatever the length of the text.
#ifndef VIGIE_LIB_SCAN_STREAM_STATE_H_
#define VIGIE_LIB_SCAN_STREAM_STATE_H_

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/layout.h"
#include "scan/candidate.h"
#include "scan/confirm.h"
#include "scan/context.h"
#include "scan/engine.h"
#include "scan/line_tracker.h"
#include "scan/match_events.h"
#include "scan/resolve.h"
#include "scan/text_window.h"
#include "vigie/finding.h"

namespace vigie::internal {

class StreamState {
 public:
  StreamState(std::shared_ptr<const Engine> engine, const CallOptions& call);
  StreamState(const StreamState&) = delete;
  StreamState& operator=(const StreamState&) = delete;

  std::vector<Finding> Write(std::string_view chunk);
  std::vector<Finding> Finish();
  // The whole text at once, read in place without copying.
  std::vector<Finding> ScanAll(std::string_view text);
  // The findings of ScanAll(text) that the part [from, to) owns: those of
  // the groups of overlapping candidates that begin in it. Reads the
  // text's beginning for its layout, header and cells, and past `to` as
  // far as those groups reach; adjacent parts together give ScanAll's
  // findings exactly, in order.
  std::vector<Finding> ScanPart(std::string_view text, uint64_t from, uint64_t to);

  // False when Hyperscan could not allocate: the scan found nothing.
  bool ok() const { return events_.ok(); }
  uint64_t bytes_written() const { return written_; }
  // Every finding that begins before this offset has been returned by
  // Write or Finish; none returned later begins before it (all of the text
  // once finished). A redactor copies the text up to here.
  uint64_t Settled() const;
  // How the text is laid out; meaningful once Settled() is past 0.
  const records::LayoutGuess& layout() const { return layout_; }
  // Before the first Write: the layout is `layout`, not guessed from the
  // text (a redacted text is read as its original was).
  void SetLayout(const records::LayoutGuess& layout);

 private:
  void DecideLayout(std::string_view head);
  void UseLayout(const records::LayoutGuess& layout);
  // A part's scan starts at `start`: what the bytes before it leave (the
  // header's column names, the cell and line at `start`) is set up
  // without matching them.
  void SkipTo(uint64_t start);
  // JSON: the members' names first seen name their columns (their
  // keywords, as a header's name a delimited file's).
  void NameColumns();
  // True when no candidate that begins before `to` is still waiting to be
  // scored or resolved.
  bool DoneBefore(uint64_t to) const;
  void Feed(std::string_view bytes);
  void Advance(bool final, std::vector<Finding>& out);
  // Every event ending before this has been processed, and every event not
  // yet processed ends at or after it.
  uint64_t ProcessedBelow(bool final) const;
  void Process(const MatchEvent& event);
  // Resolves the chains of scored candidates that no later candidate can
  // reach, those that end at or before `frontier`.
  void Settle(uint64_t frontier, std::vector<Finding>& out);
  // Resolves overlaps among [first, last) and emits the winners.
  void Resolve(Candidate* const* first, Candidate* const* last, std::vector<Finding>& out);
  void Trim(uint64_t keep_from);
  // False for a candidate of a text_only detector whose neighbourhood
  // does not read as text (DetectorDef::text_only).
  bool InText(const Candidate& c) const;
  // The bytes in memory: [window_start_, fed_).
  TextWindow Window() const;
  const records::CellTracker* cells() const { return cells_ ? &*cells_ : nullptr; }

  std::shared_ptr<const Engine> engine_;
  CallOptions call_;
  MatchEvents events_;
  Confirmer confirmer_;
  Context context_;
  LineTracker lines_;
  bool finished_ = false;

  bool layout_known_ = false;
  std::string head_;  // bytes held back until the layout is known
  records::LayoutGuess layout_;
  std::optional<records::CellTracker> cells_;

  std::string window_;
  bool borrowing_ = false;     // ScanAll reads the caller's text in place
  std::string_view borrowed_;  // ScanAll's text
  uint64_t window_start_ = 0;
  uint64_t fed_ = 0;
  uint64_t written_ = 0;
  // The groups of overlapping candidates that begin in [emit_from_,
  // emit_to_) are resolved into findings; the others are dropped.
  uint64_t emit_from_ = 0;
  uint64_t emit_to_ = UINT64_MAX;
  // Candidate events that end before this are dropped unconfirmed.
  uint64_t confirm_from_ = 0;

  std::deque<Candidate> pending_;  // confirmed, waiting for their context
  std::vector<Candidate> scored_;  // scored, waiting for their chain to complete
  size_t settle_at_;               // the size of scored_ that calls Settle again
  std::vector<Candidate*> order_;  // Settle's, kept to reuse its memory
  std::vector<Candidate> kept_;    // Settle's
  std::vector<Contender> chain_;   // Resolve's
  std::vector<size_t> winners_;    // Resolve's
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_STREAM_STATE_H_
