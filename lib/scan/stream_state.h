// StreamState: the pipeline from bytes to findings, shared by one-block
// scans and streams so that both give the same findings by construction.
//
//   bytes -> Hyperscan (one stream per database) -> events sorted by end
//   -> confirm (find the start, boundaries, cell, checksum) -> candidates
//   -> score (keywords within the window, column headers) -> chains of
//   overlapping findings -> resolve -> findings
//
// Each stage waits only until the bytes or keywords it needs have been
// seen, and every wait is bounded by the engine's widths, so memory stays
// bounded whatever the length of the text.
#ifndef VIGIE_LIB_SCAN_STREAM_STATE_H_
#define VIGIE_LIB_SCAN_STREAM_STATE_H_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "records/layout.h"
#include "scan/engine.h"
#include "vigie/finding.h"

namespace vigie::internal {

class StreamState {
 public:
  StreamState(std::shared_ptr<const Engine> engine, const CallOptions& call);
  ~StreamState();
  StreamState(const StreamState&) = delete;
  StreamState& operator=(const StreamState&) = delete;

  std::vector<Finding> Write(std::string_view chunk);
  std::vector<Finding> Finish();
  // The whole text at once, read in place without copying.
  std::vector<Finding> ScanAll(std::string_view text);

  uint64_t bytes_written() const { return written_; }

 private:
  struct Event {
    uint64_t end;
    uint8_t db;
    unsigned id;
  };
  struct KeywordHit {
    uint64_t begin;
    uint64_t end;
    uint32_t keyword;
    uint64_t cell_begin;
    bool cancelled = false;  // a trigger inside a pseudo trigger
  };
  // A term that stands on its own: context for the findings of its family
  // near it ("douleur" is medical next to "pancréatite").
  struct TermHit {
    uint64_t begin;
    uint64_t end;
    uint64_t cell_begin;
    uint8_t family;
  };
  // A confirmed match on its way to resolution. The Finding itself (kind,
  // strings) is built only for the winners, in Resolve.
  struct Candidate {
    uint64_t begin = 0;
    uint64_t end = 0;
    uint64_t line = 0;
    uint64_t column = 0;  // 1-based, in code points
    uint64_t cell_begin = 0;
    uint32_t detector = 0;
    uint32_t cell_column = 0;
    double score = 0;
    uint8_t qualifiers = 0;
    bool digit_led = false;  // the span starts with a digit
    Verdict verdict;         // value and context, moved into the Finding
  };
  struct LineCursor {
    uint64_t pos = 0;
    uint64_t line = 1;
    uint64_t column = 0;  // code points since the line start
  };
  struct MatchContext {
    StreamState* self;
    uint8_t db;
  };
  static int OnMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                     void* ctx);

  void DecideLayout(std::string_view head);
  void Feed(std::string_view bytes);
  void CloseStreams();
  void Advance(bool final, std::vector<Finding>& out);
  void ProcessEvent(const Event& event);
  void ProcessKeyword(const Event& event, const MatchTarget& target);
  void ProcessCandidate(const Event& event, const MatchTarget& target);
  void Score(Candidate& candidate) const;
  // The keyword hits that may lie within `d`'s windows around `f`, in
  // order of their end: [first, last) of hits_.
  std::pair<size_t, size_t> HitsNear(const Candidate& c, const DetectorDef& d) const;
  // The qualifiers that the triggers among hits_[first, last) give a
  // candidate.
  uint8_t Qualifiers(const Candidate& candidate, size_t first, size_t last) const;
  // True when no sentence ends within [from, to).
  bool SameSentence(uint64_t from, uint64_t to) const;
  // Resolves the chains of scored findings that no later finding can reach.
  void Settle(uint64_t frontier, std::vector<Finding>& out);
  // Resolves overlaps among [first, last) and emits the winners.
  void Resolve(Candidate* const* first, Candidate* const* last, std::vector<Finding>& out);
  void MoveCursor(LineCursor& cursor, uint64_t to) const;
  LineCursor CursorAt(uint64_t pos);
  void Trim(uint64_t keep_from);

  // Retained bytes [window_start_, fed_).
  std::string_view View() const;
  // False when a keyword ending at `end` surely stands inside a word.
  bool KeywordMayStand(uint64_t end, uint32_t length) const;
  // True when a candidate ending at `end` is followed by a letter or digit
  // in the visible bytes (then it can never stand).
  bool EndsInsideWord(uint64_t end) const;

  std::shared_ptr<const Engine> engine_;
  CallOptions call_;
  hs_scratch_t* scratch_ = nullptr;
  std::array<hs_stream_t*, kNumStreamDbs> streams_{};
  bool broken_ = false;  // Hyperscan could not allocate: the stream yields nothing
  bool finished_ = false;

  bool layout_known_ = false;
  std::string head_;  // bytes held back until the layout is known
  records::LayoutGuess layout_;
  std::optional<records::CellTracker> cells_;
  std::vector<std::vector<KeywordOwner>> column_context_;

  std::string window_;
  std::string_view visible_;   // during Feed: retained bytes plus the piece scanned
  bool borrowing_ = false;     // ScanAll reads the caller's text in place
  std::string_view borrowed_;  // ScanAll's text
  uint64_t window_start_ = 0;
  uint64_t fed_ = 0;
  uint64_t written_ = 0;

  std::vector<Event> new_events_;
  std::deque<Event> events_;
  std::deque<KeywordHit> hits_;
  std::deque<TermHit> terms_;
  std::deque<Candidate> pending_;
  std::vector<Candidate> scored_;  // scored, waiting for their chain to complete
  std::vector<std::pair<uint64_t, uint64_t>> last_span_;
  LineCursor cursor_;  // never past a start still to come
  LineCursor last_;    // at the last start asked for
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_STREAM_STATE_H_
