// SPDX-License-Identifier: Apache-2.0
// Redaction and pseudonymization: a text rewritten with what a policy says
// to do with each kind vigie finds, its layout kept.
//
//   vigie::RedactionPolicy policy = vigie::RedactionPolicy::Default();
//   policy.key = secret;  // token, surrogate and encrypt need one
//   policy.kinds["FR_NIR"].action = vigie::RedactAction::kSurrogate;
//   auto redactor = vigie::Redactor::Create(scanner, policy);
//   std::string out = redactor->Redact(text).value();
//
// ### Layout
// A replacement keeps the syntax around it: in a delimited file (CSV, TSV)
// a cell stays one cell (quotes doubled in a quoted cell; the delimiter,
// quotes and line breaks of a replacement turned into spaces in a bare
// one); in JSON (a text whose first byte that is not a space is `{` or
// `[`) a string stays a valid string, and a value found outside a string
// (a number) becomes one. Everything but the findings is copied byte for
// byte.
//
// ### Keys
// `token`, `surrogate` and `encrypt` are keyed: the same value, kind and
// key give the same output in every file, run and machine, and no keyed
// action runs without a key (there is no default one). Values are
// normalized first, as Finding::value is (a NIR with or without spaces, an
// e-mail in any case, a phone in any writing give one token).
//
// ### Streams
// A RedactionStream takes the text in chunks and gives back the redacted
// text as it is settled, in memory bounded by the detectors' widths and the
// longest record (a row, a line); its output is exactly Redact()'s.
#ifndef VIGIE_REDACT_H_
#define VIGIE_REDACT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/export.h"
#include "vigie/finding.h"
#include "vigie/options.h"
#include "vigie/result.h"
#include "vigie/scanner.h"

namespace vigie {

enum class RedactAction : uint8_t {
  kKeep,        // left as it is
  kMask,        // letters and digits replaced by a character, separators kept
  kTag,         // a label: "<FR_NIR>", "[PERSON]"
  kToken,       // a keyed pseudonym: KIND_ and base32 of HMAC-SHA256(value)
  kSurrogate,   // a fake value of the same kind, valid, chosen by the key
  kEncrypt,     // AES-SIV, reversible by the key holder (Reveal)
  kGeneralize,  // a coarser value: a date's year, an address's commune
};

// "keep", "mask", "tag", "token", "surrogate", "encrypt", "generalize".
VIGIE_EXPORT std::string_view RedactActionName(RedactAction action);
// The action named so; an error naming the actions otherwise.
VIGIE_EXPORT Result<RedactAction> ParseRedactAction(std::string_view name);

// What to do with one kind.
struct ActionSpec {
  RedactAction action = RedactAction::kMask;
  // kMask: the character written for each letter and digit (one code
  // point, UTF-8), and how many of the last letters and digits stay.
  std::string mask_char = "*";
  int keep_last = 0;
  // kTag: the label; "{kind}" and "{category}" are replaced.
  std::string tag = "<{kind}>";
  // kToken: base32 characters after "KIND_", 8 to 52 (5 bits each).
  int token_length = 16;
  // kGeneralize: "year" or "age_band" (dates), "commune" or "department"
  // (addresses), "sex_year" (NIR); empty takes the kind's first.
  std::string level;
  // kSurrogate of a date: the largest shift in days, either way (a keyed
  // offset per person: every date of one record moves by the same days).
  int shift_days = 180;
};

struct RedactionPolicy {
  // By kind; a kind not listed takes its category's action.
  std::map<std::string, ActionSpec> kinds;
  ActionSpec identity;   // NIR, names, identity documents, dates of birth
  ActionSpec contact;    // phones, e-mails, addresses
  ActionSpec financial;  // IBANs, cards
  ActionSpec health;     // every HEALTH_* kind
  // Findings scoring below this are left as they are.
  double min_score = 0.5;
  // Layout of the text, as for a scan.
  Layout layout = Layout::kAuto;
  char delimiter = 0;
  // The secret of the keyed actions, 16 bytes or more; empty when none is
  // used. Sub-keys for each use are derived from it (HMAC-SHA256).
  std::string key;
  // The year ages are counted at (kGeneralize "age_band"); 0: this year.
  int reference_year = 0;

  // Identifiers, contacts and financial data masked, health tagged.
  static RedactionPolicy Default();
  const ActionSpec& For(std::string_view kind, Category category) const;
};

// Counts per kind and action, and bytes.
struct RedactionReport {
  // kind -> action name -> findings.
  std::map<std::string, std::map<std::string, uint64_t>> counts;
  uint64_t findings = 0;  // findings acted on (keep included)
  uint64_t bytes_in = 0;
  uint64_t bytes_out = 0;
};

// A finding that a redacted text still holds (RedactionVerifier).
struct Residue {
  std::string kind;
  uint64_t begin = 0;  // offsets in the redacted text
  uint64_t end = 0;
  uint64_t line = 0;
  uint64_t column = 0;
  double score = 0;
  std::string value;  // the value itself: print MaskValue(value) unless asked
  // Why it counts: "original value" (a value this run replaced, still
  // there at any score) or "found" (a finding of a redacted kind).
  std::string reason;
};

class RedactionStream;
class RedactionVerifier;

class VIGIE_EXPORT Redactor {
 public:
  // Fails on a policy that cannot run: a keyed action without a key or
  // with a key of fewer than 16 bytes, a generalization a kind has not, a
  // surrogate for a kind that has none (health terms), a mask character
  // that is not one code point.
  static Result<Redactor> Create(const Scanner& scanner, const RedactionPolicy& policy);

  // The whole text, redacted; `report`, when not null, receives the counts.
  // Fails only when the scan could not run (kResourceExhausted).
  Result<std::string> Redact(std::string_view text, RedactionReport* report = nullptr) const;
  RedactionStream OpenStream() const;
  // A verifier of this redactor's output: see RedactionVerifier.
  RedactionVerifier OpenVerifier() const;

  const RedactionPolicy& policy() const;

  struct Impl;

 private:
  explicit Redactor(std::shared_ptr<const Impl> impl);
  std::shared_ptr<const Impl> impl_;
};

class VIGIE_EXPORT RedactionStream {
 public:
  RedactionStream(RedactionStream&&) noexcept;
  RedactionStream& operator=(RedactionStream&&) noexcept;
  ~RedactionStream();

  // Feeds the next chunk; returns the redacted text settled so far.
  std::string Write(std::string_view chunk);
  // Ends the text; returns the rest of the redacted text.
  std::string Finish();
  const RedactionReport& report() const;
  // kOk, or kResourceExhausted when the scan could not run (nothing is
  // returned then: a text that was not scanned is not passed on).
  ErrorCode status() const;

  // Where this run's replacements lie in the output, [begin, end) pairs in
  // order, and the distinct original values they replaced (normalized,
  // Finding::value, with their kinds): what a verifier excuses and what it
  // looks for. Kept only after KeepTrail(); memory grows with the findings.
  void KeepTrail();

  struct State;

 private:
  friend class Redactor;
  friend class RedactionVerifier;
  explicit RedactionStream(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Scans a redacted text again (in chunks, like a stream) and lists what it
// still holds: a finding of a kind the policy redacts, at the policy's
// threshold or above, that is not one of the run's replacements; or any
// value the run replaced, found again at any score.
class VIGIE_EXPORT RedactionVerifier {
 public:
  RedactionVerifier(RedactionVerifier&&) noexcept;
  RedactionVerifier& operator=(RedactionVerifier&&) noexcept;
  ~RedactionVerifier();

  // The replacements and original values of `run` (which must have called
  // KeepTrail() before its first write); call after run.Finish().
  void Excuse(const RedactionStream& run);
  // The redacted text, in chunks.
  void Write(std::string_view chunk);
  // The residues, in order.
  std::vector<Residue> Finish();

  struct State;

 private:
  friend class Redactor;
  explicit RedactionVerifier(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The text with every value that `encrypt` wrote ("ENC:KIND:base32")
// decrypted with `key`; values that do not authenticate under the key are
// left as they are and counted in `failed` when not null.
VIGIE_EXPORT std::string Reveal(std::string_view text, std::string_view key,
                                uint64_t* failed = nullptr);
// One value that `encrypt` wrote, decrypted; an error when it is not one or
// does not authenticate under `key` (a wrong key, a changed byte).
VIGIE_EXPORT Result<std::string> Decrypt(std::string_view encrypted, std::string_view key);

// `value` masked as kMask does: letters and digits (any script) replaced
// by `mask` but for the last `keep_last` of them; everything else kept.
VIGIE_EXPORT std::string Mask(std::string_view value, std::string_view mask = "*",
                              int keep_last = 0);

}  // namespace vigie

#endif  // VIGIE_REDACT_H_
