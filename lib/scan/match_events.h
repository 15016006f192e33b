// SPDX-License-Identifier: Apache-2.0
// MatchEvents: the first stage. Bytes go through Hyperscan's stream
// databases; the raw matches that may stand as words (most end inside a
// longer word or number and are dropped at once) become events, queued in
// order of their end.
#ifndef VIGIE_LIB_SCAN_MATCH_EVENTS_H_
#define VIGIE_LIB_SCAN_MATCH_EVENTS_H_

#include <hs/hs.h>

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <vector>

#include "scan/engine.h"
#include "scan/text_window.h"

namespace vigie::internal {

struct MatchEvent {
  uint64_t end = 0;
  uint8_t db = 0;  // a DbRole
  unsigned id = 0;
};

class MatchEvents {
 public:
  explicit MatchEvents(const Engine& engine);
  MatchEvents(const MatchEvents&) = delete;
  MatchEvents& operator=(const MatchEvents&) = delete;

  // False when Hyperscan could not allocate a scratch space or a stream:
  // nothing is matched then.
  bool ok() const { return ok_; }

  // Scans `piece`, the last bytes of `window` (the bytes before it give
  // the boundaries of the matches).
  void Scan(std::string_view piece, const TextWindow& window);
  // The end of the text: the matches that waited for it.
  void Close(const TextWindow& window);
  // Drops the streams and the events not yet taken, and starts again at
  // offset `base` of the text: the next Scan reads the bytes from there.
  void Restart(uint64_t base);

  // Events not yet taken, in order of their end (then database, then id).
  std::deque<MatchEvent>& queue() { return queue_; }
  const std::deque<MatchEvent>& queue() const { return queue_; }

 private:
  struct StreamClose {
    void operator()(hs_stream_t* s) const { hs_close_stream(s, nullptr, nullptr, nullptr); }
  };
  using StreamPtr = std::unique_ptr<hs_stream_t, StreamClose>;
  struct Context {
    MatchEvents* self;
    uint8_t db;
  };
  // Calls `call(stream, context)` for each open stream, its matches
  // going to fresh_.
  template <typename Call>
  void EachStream(const TextWindow& window, Call call);
  static int OnMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned flags,
                     void* ctx);

  const Engine& engine_;
  // Opens a stream on each database; false when Hyperscan cannot.
  bool Open();

  ScratchLease scratch_;
  std::array<StreamPtr, kNumStreamDbs> streams_;
  bool ok_ = true;
  uint64_t base_ = 0;                    // the text's offset of the streams' first byte
  const TextWindow* visible_ = nullptr;  // during Scan and Close
  std::vector<MatchEvent> fresh_;        // matches of the current call
  std::deque<MatchEvent> queue_;
};

}  // namespace vigie::internal

#endif  // VIGIE_LIB_SCAN_MATCH_EVENTS_H_
