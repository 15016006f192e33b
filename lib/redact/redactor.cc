// SPDX-License-Identifier: Apache-2.0
// Redactor: a scan whose findings are replaced in the text as they settle.
//
// The text is held from the first byte not yet written out. After each
// chunk, the scan says how far its findings are final (StreamState::
// Settled); the text is written out record by record (a row, a line, never
// cutting a finding) up to there, each finding replaced by its action's
// output, fitted to its place (SyntaxFollower). Dates are shifted by the
// record's person, known once the record is whole; a record longer than
// kMaxRecord is written out as it settles.
#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <deque>

#include "redact/keyed.h"
#include "redact/surrogate.h"
#include "redact/syntax.h"
#include "scan/engine.h"
#include "scan/stream_state.h"
#include "text/utf8.h"
#include "vigie/redact.h"

namespace vigie {
namespace {

constexpr uint64_t kMaxRecord = uint64_t{1} << 20;
// Redactor::Redact feeds its text to a stream in slices of this size.
constexpr size_t kRedactSlice = size_t{256} << 10;
// The text written out is dropped from memory once this much has gathered.
constexpr uint64_t kCompactBytes = uint64_t{64} << 10;
constexpr size_t kMinKeyBytes = 16;
constexpr std::string_view kEncryptedPrefix = "ENC:";

// The kinds whose value names the person of a record, best first: the
// dates of a record move by that person's shift.
constexpr std::array<std::string_view, 6> kIdentityKinds = {
    "FR_NIR", "FR_INS", "EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER", "IBAN_CODE"};

bool Keyed(RedactAction a) {
  return a == RedactAction::kToken || a == RedactAction::kSurrogate || a == RedactAction::kEncrypt;
}

int ThisYear() {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

std::string Replace(std::string s, std::string_view what, std::string_view by) {
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + by.size())) {
    s.replace(at, what.size(), by);
  }
  return s;
}

}  // namespace

std::string_view RedactActionName(RedactAction action) {
  switch (action) {
    case RedactAction::kKeep:
      return "keep";
    case RedactAction::kMask:
      return "mask";
    case RedactAction::kTag:
      return "tag";
    case RedactAction::kToken:
      return "token";
    case RedactAction::kSurrogate:
      return "surrogate";
    case RedactAction::kEncrypt:
      return "encrypt";
    case RedactAction::kGeneralize:
      return "generalize";
  }
  return "mask";
}

Result<RedactAction> ParseRedactAction(std::string_view name) {
  for (auto a : {RedactAction::kKeep, RedactAction::kMask, RedactAction::kTag, RedactAction::kToken,
                 RedactAction::kSurrogate, RedactAction::kEncrypt, RedactAction::kGeneralize}) {
    if (RedactActionName(a) == name) return a;
  }
  return Result<RedactAction>::Error("unknown action '" + std::string(name) +
                                     "': keep, mask, tag, token, surrogate, encrypt or generalize");
}

RedactionPolicy RedactionPolicy::Default() {
  RedactionPolicy p;
  p.identity.action = p.contact.action = p.financial.action = RedactAction::kMask;
  p.health.action = RedactAction::kTag;
  return p;
}

const ActionSpec& RedactionPolicy::For(std::string_view kind, Category category) const {
  if (auto it = kinds.find(std::string(kind)); it != kinds.end()) return it->second;
  switch (category) {
    case Category::kIdentity:
      return identity;
    case Category::kContact:
      return contact;
    case Category::kFinancial:
      return financial;
    case Category::kHealth:
      return health;
  }
  return identity;
}

struct Redactor::Impl {
  std::shared_ptr<const internal::Engine> engine;
  RedactionPolicy policy;
  redact::Keys keys{""};
  CallOptions call;
  int reference_year = 0;
  // Kinds and their category, from the engine's detectors.
  std::vector<std::pair<std::string, Category>> kinds;
};

namespace {

// The replacement of one finding, before it is fitted to its place, and
// the action that made it (a surrogate or generalization of a value that
// does not parse is masked).
struct Replacement {
  std::string text;
  RedactAction action;
};

// The surrogates of the values met lately: a value (a name, a physician)
// comes back on many rows of an export, and its surrogate is the same
// each time. Bounded: emptied when full.
class SurrogateMemo {
 public:
  template <typename Make>
  std::optional<std::string> Get(const Finding& f, std::string_view raw, Make make) {
    key_.assign(f.kind);
    key_.push_back('\0');
    key_.append(raw);
    if (auto it = memo_.find(key_); it != memo_.end()) return it->second;
    std::optional<std::string> made = make();
    if (memo_.size() >= kMaxEntries) memo_.clear();
    memo_.emplace(key_, made);
    return made;
  }

 private:
  static constexpr size_t kMaxEntries = size_t{1} << 14;
  std::string key_;
  absl::flat_hash_map<std::string, std::optional<std::string>> memo_;
};

Replacement Act(const Redactor::Impl& impl, redact::Keys& keys, const Finding& f,
                std::string_view raw, int shift_days, SurrogateMemo* memo = nullptr) {
  const ActionSpec& spec = impl.policy.For(f.kind, f.category);
  switch (spec.action) {
    case RedactAction::kKeep:
      return {std::string(raw), spec.action};
    case RedactAction::kMask:
      break;
    case RedactAction::kTag: {
      std::string tag = Replace(spec.tag, "{kind}", f.kind);
      return {Replace(tag, "{category}", CategoryName(f.category)), spec.action};
    }
    case RedactAction::kToken: {
      std::string message = f.kind + '\0' + f.value;
      redact::Digest d = keys.token.Sign(message);
      std::string code = redact::Base32(d.data(), d.size());
      code.resize(static_cast<size_t>(std::clamp(spec.token_length, 8, 52)));
      return {f.kind + "_" + code, spec.action};
    }
    case RedactAction::kSurrogate: {
      auto s = memo != nullptr && f.kind != "DATE_OF_BIRTH"
                   ? memo->Get(f, raw, [&] { return redact::Surrogate(f, raw, keys.surrogate, 0); })
                   : redact::Surrogate(f, raw, keys.surrogate, shift_days);
      if (s) return {std::move(*s), spec.action};
      break;
    }
    case RedactAction::kEncrypt: {
      std::string sealed = redact::SivEncrypt(keys.encrypt, f.kind, raw);
      if (sealed.empty()) break;
      auto* bytes = reinterpret_cast<const unsigned char*>(sealed.data());
      return {std::string(kEncryptedPrefix) + f.kind + ":" + redact::Base32(bytes, sealed.size()),
              spec.action};
    }
    case RedactAction::kGeneralize: {
      std::string_view level = spec.level;
      auto levels = redact::GeneralizationLevels(f.kind);
      if (level.empty() && !levels.empty()) level = levels.front();
      auto g = redact::Generalize(f, raw, level, impl.reference_year);
      if (g) return {std::move(*g), spec.action};
      break;
    }
  }
  return {Mask(raw, spec.mask_char, spec.keep_last), RedactAction::kMask};
}

}  // namespace

struct RedactionStream::State {
  State(std::shared_ptr<const Redactor::Impl> impl_in)
      : impl(std::move(impl_in)),
        keys(impl->keys),
        scan(impl->engine, impl->call),
        shift_dates(impl->policy.For("DATE_OF_BIRTH", Category::kIdentity).action ==
                    RedactAction::kSurrogate) {}

  std::string Write(std::string_view chunk) {
    std::string out;
    if (finished || !scan.ok()) return out;
    report.bytes_in += chunk.size();
    held.append(chunk);
    Take(scan.Write(chunk));
    Render(scan.Settled(), false, out);
    return Checked(std::move(out));
  }

  std::string Finish() {
    std::string out;
    if (finished) return out;
    finished = true;
    Take(scan.Finish());
    Render(held_base + held.size(), true, out);
    return Checked(std::move(out));
  }

  // Nothing is passed on from a text that could not be scanned.
  std::string Checked(std::string out) {
    if (!scan.ok()) return {};
    report.bytes_out += out.size();
    for (const auto& [kind, by_action] : counters) {
      for (size_t a = 0; a < by_action.size(); ++a) {
        if (by_action[a] == 0) continue;
        report.counts[kind][std::string(RedactActionName(static_cast<RedactAction>(a)))] =
            by_action[a];
      }
    }
    return out;
  }

  // The counts of a kind's findings by action, found by hashing.
  std::array<uint64_t, 7>& Counter(const std::string& kind) { return counters[kind]; }

  void Take(std::vector<Finding> found) {
    if (found.empty()) return;
    auto by_begin = [](const Finding& a, const Finding& b) { return a.begin < b.begin; };
    size_t old = findings.size();
    for (Finding& f : found) findings.push_back(std::move(f));
    // Batches may interleave (a finding waits for its context while a
    // later one settles): kept in order of their begin. Nearly always they
    // come in order.
    if (!std::is_sorted(findings.begin() + static_cast<ptrdiff_t>(old ? old - 1 : 0),
                        findings.end(), by_begin)) {
      std::stable_sort(findings.begin(), findings.end(), by_begin);
    }
  }

  // Writes out the records that end at or before `limit`, or (at the end,
  // or for a record longer than kMaxRecord) everything up to `limit`.
  void Render(uint64_t limit, bool final, std::string& out) {
    if (limit <= held_from && !final) return;
    if (!syntax_known) {
      syntax_known = true;
      redact::Syntax syntax =
          redact::SyntaxOf(std::string_view(held).substr(0, 4096), scan.layout().delimited);
      if (impl->call.layout == Layout::kDelimited && syntax == redact::Syntax::kJson) {
        syntax = redact::Syntax::kDelimited;
      }
      delimiter = scan.layout().delimiter ? scan.layout().delimiter : ',';
      ahead = redact::SyntaxFollower(syntax, delimiter);
      behind = ahead;
      initial = ahead;
    }
    uint64_t end = held_base + held.size();
    if (!shift_dates) {
      // Records matter only for the dates' shift: without it, everything
      // settled is written out at once, but for a finding that goes on
      // past the settled offset.
      RenderTo(final ? end : CutBefore(limit), out);
      return;
    }
    // Record ends among the bytes now settled.
    while (looked < std::min(limit, end)) {
      std::string_view rest(held.data() + (looked - held_base), std::min(limit, end) - looked);
      bool ended = false;
      looked += ahead.FollowRecord(rest, &ended);
      if (ended) record_ends.push_back(looked);
    }
    while (!record_ends.empty() && record_ends.front() <= limit) {
      uint64_t cut = record_ends.front();
      record_ends.pop_front();
      if (CutBefore(cut) != cut) continue;  // a finding goes on past this line break
      RenderTo(cut, out);
    }
    if (final) {
      RenderTo(end, out);
    } else if (limit - held_from > kMaxRecord) {
      RenderTo(CutBefore(limit), out);
    }
  }

  // `limit`, or the begin of the first finding that goes on past it.
  uint64_t CutBefore(uint64_t limit) const {
    for (const Finding& f : findings) {
      if (f.begin >= limit) break;
      if (f.end > limit) return f.begin;
    }
    return limit;
  }

  // The record [held_from, to), with every finding that begins in it.
  void RenderTo(uint64_t to, std::string& out) {
    if (to <= held_from) return;
    size_t n = 0;
    while (n < findings.size() && findings[n].begin < to) ++n;
    int shift = 0;
    for (size_t i = 0; i < n && shift_dates; ++i) {
      if (findings[i].kind == "DATE_OF_BIRTH") {
        shift = Shift(n);
        break;
      }
    }
    uint64_t at = held_from;
    auto copy = [&](uint64_t upto) {
      if (upto <= at) return;
      std::string_view bytes(held.data() + (at - held_base), upto - at);
      behind.FollowAll(bytes);
      out.append(bytes);
      at = upto;
    };
    for (size_t i = 0; i < n; ++i) {
      const Finding& f = findings[i];
      if (f.end <= at) continue;  // within one written already
      uint64_t begin = std::max(f.begin, at);
      uint64_t stop = std::min<uint64_t>(f.end, held_base + held.size());
      copy(begin);
      // A member's name in JSON names a field, as a header does a column.
      if (behind.Next() == redact::Place::kJsonKey) continue;
      std::string_view raw = std::string_view(held).substr(begin - held_base, stop - begin);
      Replacement r = Act(*impl, keys, f, raw, shift, &memo);
      ++report.findings;
      ++Counter(f.kind)[static_cast<size_t>(r.action)];
      uint64_t out_begin = report.bytes_out + out.size();
      Emit(r, raw, f, out);
      at = stop;
      if (trail) {
        spans.emplace_back(out_begin, report.bytes_out + out.size());
        if (r.action != RedactAction::kKeep && f.category != Category::kHealth) {
          originals.insert(f.kind + '\0' + f.value);
        }
      }
    }
    copy(to);
    findings.erase(findings.begin(), findings.begin() + static_cast<ptrdiff_t>(n));
    held_from = to;
    // The text written out is dropped in large steps, not record by record
    // (a whole text arrives as one chunk of many records).
    uint64_t dead = held_from - held_base;
    if (dead >= kCompactBytes && dead >= held.size() / 2) {
      held.erase(0, dead);
      held_base = held_from;
    }
  }

  // The replacement of `raw`, fitted to where it lies. A finding whose
  // bytes lie in several places (a JSON string and what follows it) gets
  // its replacement in the first; of the others, only the syntax stays
  // (quotes, brackets, commas, colons, line breaks outside strings; a
  // digit outside a string becomes 0).
  void Emit(const Replacement& r, std::string_view raw, const Finding& f, std::string& out) {
    if (r.action == RedactAction::kKeep) {
      behind.FollowAll(raw);
      out.append(raw);
      return;
    }
    if (behind.syntax() == redact::Syntax::kDelimited) return EmitCells(r, raw, f, out);
    redact::Place first = behind.Next();
    out.append(redact::Fit(r.text, first, delimiter));
    bool same = true;
    for (char c : raw) {
      redact::Place place = behind.Next();
      behind.Follow(c);
      bool in_string = place == redact::Place::kJsonString || place == redact::Place::kJsonKey;
      bool closes = in_string && behind.Next() != place;
      // JSON's syntax outside strings (a record's line break too) stays.
      bool syntax = place == redact::Place::kJsonOther &&
                    (c == '"' || c == '{' || c == '}' || c == '[' || c == ']' || c == ',' ||
                     c == ':' || c == '\n' || c == '\r');
      same = same && place == first && !closes && !syntax;
      if (same) continue;
      if (closes || syntax) {
        out.push_back(c);
      } else if (place == redact::Place::kJsonOther && text::IsAsciiDigit(c)) {
        out.push_back('0');  // a number stays a number
      }
    }
  }

  // A delimited text's finding may run over several cells (an address in
  // columns of street, postcode and commune). The cells stay: when the
  // replacement holds as many delimiters as the finding crosses (a mask,
  // an address written with the original's separators), each of its parts
  // goes into its cell; otherwise all of it goes into the first cell and
  // the others are emptied; an encrypted one is encrypted cell by cell, so
  // that Reveal gives the cells back. Quotes and line breaks between cells
  // stay.
  void EmitCells(const Replacement& r, std::string_view raw, const Finding& f, std::string& out) {
    std::string_view replacement = r.text;
    // Where the finding crosses from one cell to the next, and which of its
    // bytes are syntax that stays: a cell's quotes (the opening one, the
    // closing one, doubled ones inside; a quote inside a bare cell is
    // content, as RFC 4180 reads it) and carriage returns.
    std::vector<size_t> breaks;
    std::vector<bool> syntax(raw.size());
    redact::SyntaxFollower probe = behind;
    for (size_t i = 0; i < raw.size(); ++i) {
      redact::Place place = probe.Next();
      char c = raw[i];
      if (place == redact::Place::kBareCell && (c == delimiter || c == '\n')) breaks.push_back(i);
      probe.Follow(c);
      syntax[i] = c == '\r' || (c == '"' && (place == redact::Place::kQuotedCell ||
                                             probe.Next() == redact::Place::kQuotedCell));
    }
    std::vector<std::string_view> parts;
    std::string_view rest = replacement;
    for (size_t k = 0; k < breaks.size(); ++k) {
      size_t d = rest.find(delimiter);
      if (d == std::string_view::npos || raw[breaks[k]] != delimiter) break;
      parts.push_back(rest.substr(0, d));
      rest.remove_prefix(d + 1);
    }
    parts.push_back(rest);
    std::vector<std::string> sealed;
    if (r.action == RedactAction::kEncrypt && !breaks.empty()) {
      parts.clear();
      size_t from = 0;
      for (size_t k = 0; k <= breaks.size(); ++k) {
        size_t to = k < breaks.size() ? breaks[k] : raw.size();
        std::string content;
        for (size_t i = from; i < to; ++i) {
          if (!syntax[i]) content.push_back(raw[i]);
        }
        sealed.push_back(content.empty() ? content : Act(*impl, keys, f, content, 0).text);
        from = to + 1;
      }
      parts.assign(sealed.begin(), sealed.end());
    } else if (parts.size() != breaks.size() + 1 ||
               rest.find(delimiter) != std::string_view::npos) {
      parts.assign(breaks.size() + 1, std::string_view());
      parts[0] = replacement;
    }
    // Each cell's piece of the finding: its syntax kept, its content
    // replaced by its part.
    size_t from = 0;
    for (size_t k = 0; k <= breaks.size(); ++k) {
      size_t to = k < breaks.size() ? breaks[k] : raw.size();
      redact::Place content = redact::Place::kBareCell;
      bool written = false;
      for (size_t i = from; i < to; ++i) {
        redact::Place place = behind.Next();
        behind.Follow(raw[i]);
        if (syntax[i]) {
          out.push_back(raw[i]);
          continue;
        }
        content = place;
        if (!written) {
          out.append(FitPiece(parts[k], content, k == breaks.size() ? After(raw) : 0));
          written = true;
        }
      }
      if (!written) out.append(FitPiece(parts[k], content, k == breaks.size() ? After(raw) : 0));
      if (k < breaks.size()) {
        behind.Follow(raw[to]);
        out.push_back(raw[to]);
      }
      from = to + 1;
    }
  }

  // The byte after `raw` (a view into the held text), 0 at its end.
  char After(std::string_view raw) const {
    const char* end = raw.data() + raw.size();
    return end < held.data() + held.size() ? *end : 0;
  }

  // A cell's piece of a finding, fitted. A quote after an emptied piece
  // would open the cell as a quoted one: a space keeps it a quote.
  std::string FitPiece(std::string_view part, redact::Place place, char after) const {
    std::string fitted = redact::Fit(part, place, delimiter);
    if (fitted.empty() && place == redact::Place::kBareCell && after == '"') fitted = " ";
    return fitted;
  }

  // The shift of the dates of the record whose findings are findings[0, n).
  int Shift(size_t n) {
    const Finding* who = nullptr;
    size_t rank = kIdentityKinds.size();
    for (size_t i = 0; i < n; ++i) {
      auto it = std::find(kIdentityKinds.begin(), kIdentityKinds.end(), findings[i].kind);
      size_t r = static_cast<size_t>(it - kIdentityKinds.begin());
      if (r < rank) {
        rank = r;
        who = &findings[i];
      }
    }
    std::string identity = who ? who->kind + '\0' + who->value : std::string();
    return redact::DateShift(keys.shift, identity,
                             impl->policy.For("DATE_OF_BIRTH", Category::kIdentity).shift_days);
  }

  std::shared_ptr<const Redactor::Impl> impl;
  redact::Keys keys;  // this stream's own: a Mac signs for one thread at a time
  SurrogateMemo memo;
  internal::StreamState scan;
  bool finished = false;
  const bool shift_dates;  // dates of birth are moved: each record's shift is needed
  RedactionReport report;

  std::string held;              // the text from held_base on
  uint64_t held_base = 0;        // the offset of held[0]
  uint64_t held_from = 0;        // the first byte not written out
  std::deque<Finding> findings;  // final, not written out, in order
  bool syntax_known = false;
  char delimiter = ',';
  redact::SyntaxFollower ahead;    // finds record ends, up to `looked`
  redact::SyntaxFollower behind;   // at held_from
  redact::SyntaxFollower initial;  // at the first byte
  uint64_t looked = 0;
  std::deque<uint64_t> record_ends;

  absl::flat_hash_map<std::string, std::array<uint64_t, 7>> counters;  // kind -> by action
  bool trail = false;
  std::vector<std::pair<uint64_t, uint64_t>> spans;  // replacements in the output
  absl::flat_hash_set<std::string> originals;        // kind '\0' value
};

Redactor::Redactor(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

Result<Redactor> Redactor::Create(const Scanner& scanner, const RedactionPolicy& policy) {
  auto impl = std::make_shared<Impl>();
  impl->engine = scanner.engine_;
  impl->policy = policy;
  impl->reference_year = policy.reference_year > 0 ? policy.reference_year : ThisYear();
  impl->call.min_score = policy.min_score;
  impl->call.layout = policy.layout;
  impl->call.delimiter = policy.delimiter;
  for (const auto& d : impl->engine->detectors()) {
    if (std::none_of(impl->kinds.begin(), impl->kinds.end(),
                     [&](const auto& k) { return k.first == d.kind; })) {
      impl->kinds.emplace_back(d.kind, d.category);
    }
  }
  auto fail = [](const std::string& why) { return Result<Redactor>::Error(why); };
  // Every kind listed must be one the scanner finds, and every action must
  // be able to run on every kind it applies to.
  for (const auto& listed : policy.kinds) {
    const std::string& kind = listed.first;
    if (std::none_of(impl->kinds.begin(), impl->kinds.end(),
                     [&](const auto& k) { return k.first == kind; })) {
      return fail("the policy names kind '" + kind + "', which the scanner does not find");
    }
  }
  bool keyed = false;
  for (const auto& [kind, category] : impl->kinds) {
    const ActionSpec& spec = policy.For(kind, category);
    keyed = keyed || Keyed(spec.action);
    if (spec.action == RedactAction::kSurrogate && !redact::HasSurrogate(kind)) {
      return fail("no surrogate for " + kind +
                  ": health terms can be kept, masked, tagged, "
                  "tokenized or encrypted");
    }
    if (spec.action == RedactAction::kGeneralize) {
      auto levels = redact::GeneralizationLevels(kind);
      if (levels.empty()) {
        return fail("no generalization for " + kind +
                    ": dates of birth, postal addresses and NIR have one");
      }
      if (!spec.level.empty() &&
          std::find(levels.begin(), levels.end(), spec.level) == levels.end()) {
        std::string why = "generalization '" + spec.level + "' is not one of ";
        why += kind;
        why += "'s:";
        for (size_t i = 0; i < levels.size(); ++i) {
          why += i == 0 ? " " : ", ";
          why += levels[i];
        }
        return fail(why);
      }
    }
    if (spec.action == RedactAction::kMask &&
        (spec.mask_char.empty() || text::CountCodePoints(spec.mask_char) != 1)) {
      return fail("the mask of " + kind + " must be one character, not '" + spec.mask_char + "'");
    }
    if (spec.action == RedactAction::kToken && (spec.token_length < 8 || spec.token_length > 52)) {
      return fail("the token length of " + kind + " must be 8 to 52");
    }
    if (spec.shift_days < 0 || spec.shift_days > 36500) {
      return fail("the date shift must be 0 to 36500 days");
    }
  }
  if (keyed && policy.key.empty()) {
    return fail(
        "the policy's token, surrogate or encrypt actions need a key (VIGIE_KEY or a key "
        "file); there is no default key");
  }
  if (!policy.key.empty() && policy.key.size() < kMinKeyBytes) {
    return fail("the key must be at least 16 bytes long");
  }
  impl->keys = redact::Keys(policy.key);
  return Redactor(std::move(impl));
}

const RedactionPolicy& Redactor::policy() const { return impl_->policy; }

RedactionStream Redactor::OpenStream() const {
  return RedactionStream(std::make_unique<RedactionStream::State>(impl_));
}

Result<std::string> Redactor::Redact(std::string_view text, RedactionReport* report) const {
  RedactionStream stream = OpenStream();
  // In slices, so that each is written out while its bytes and findings
  // are still in the cache, and the findings held stay few.
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (size_t at = 0; at < text.size(); at += kRedactSlice) {
    out += stream.Write(text.substr(at, kRedactSlice));
  }
  out += stream.Finish();
  if (stream.status() != ErrorCode::kOk) {
    return Result<std::string>::Error(ErrorCode::kResourceExhausted,
                                      "not redacted: Hyperscan could not allocate a stream");
  }
  if (report != nullptr) *report = stream.report();
  return out;
}

RedactionStream::RedactionStream(std::unique_ptr<State> state) : state_(std::move(state)) {}
RedactionStream::RedactionStream(RedactionStream&&) noexcept = default;
RedactionStream& RedactionStream::operator=(RedactionStream&&) noexcept = default;
RedactionStream::~RedactionStream() = default;

std::string RedactionStream::Write(std::string_view chunk) { return state_->Write(chunk); }
std::string RedactionStream::Finish() { return state_->Finish(); }
const RedactionReport& RedactionStream::report() const { return state_->report; }
ErrorCode RedactionStream::status() const {
  return state_->scan.ok() ? ErrorCode::kOk : ErrorCode::kResourceExhausted;
}
void RedactionStream::KeepTrail() { state_->trail = true; }

// --- verification -----------------------------------------------------------

struct RedactionVerifier::State {
  explicit State(std::shared_ptr<const Redactor::Impl> impl_in)
      : impl(std::move(impl_in)), scan(impl->engine, Floor(impl->call)) {}

  static CallOptions Floor(CallOptions call) {
    call.min_score = 0;
    return call;
  }

  // Follows the redacted text as it comes, noting where JSON members'
  // names lie: a redactor leaves them, as it leaves a table's header.
  void Follow(std::string_view chunk) {
    for (char c : chunk) {
      bool in_key = syntax.Next() == redact::Place::kJsonKey;
      if (in_key && (keys.empty() || keys.back().second != followed)) {
        keys.emplace_back(followed, followed);
      }
      if (in_key) keys.back().second = followed + 1;
      syntax.Follow(c);
      ++followed;
    }
  }

  bool InKey(const Finding& f) {
    while (!keys.empty() && keys.front().second <= f.begin) keys.pop_front();
    return !keys.empty() && keys.front().first <= f.begin;
  }

  void Check(std::vector<Finding> found) {
    for (Finding& f : found) {
      if (impl->policy.For(f.kind, f.category).action == RedactAction::kKeep) continue;
      if (InKey(f)) continue;
      // Spans in order: those that end before f cannot excuse a later one.
      while (next_span < spans.size() && spans[next_span].second <= f.begin) ++next_span;
      bool excused = false;
      for (size_t i = next_span; i < spans.size() && spans[i].first < f.end; ++i) {
        excused = excused || spans[i].second > f.begin;
      }
      if (excused) continue;
      bool original = originals.contains(f.kind + '\0' + f.value);
      if (!original && f.score < impl->policy.min_score) continue;
      Residue r;
      r.kind = f.kind;
      r.begin = f.begin;
      r.end = f.end;
      r.line = f.line;
      r.column = f.column;
      r.score = f.score;
      r.value = std::move(f.value);
      r.reason = original ? "original value" : "found";
      residues.push_back(std::move(r));
    }
  }

  std::shared_ptr<const Redactor::Impl> impl;
  internal::StreamState scan;
  std::vector<std::pair<uint64_t, uint64_t>> spans;
  size_t next_span = 0;
  redact::SyntaxFollower syntax;
  uint64_t followed = 0;
  std::deque<std::pair<uint64_t, uint64_t>> keys;  // JSON members' names, [begin, end)
  absl::flat_hash_set<std::string> originals;
  std::vector<Residue> residues;
};

RedactionVerifier Redactor::OpenVerifier() const {
  return RedactionVerifier(std::make_unique<RedactionVerifier::State>(impl_));
}

RedactionVerifier::RedactionVerifier(std::unique_ptr<State> state) : state_(std::move(state)) {}
RedactionVerifier::RedactionVerifier(RedactionVerifier&&) noexcept = default;
RedactionVerifier& RedactionVerifier::operator=(RedactionVerifier&&) noexcept = default;
RedactionVerifier::~RedactionVerifier() = default;

void RedactionVerifier::Excuse(const RedactionStream& run) {
  const RedactionStream::State& s = *run.state_;
  // The redacted text is read as the original was: its cells and header
  // as they were guessed from the original's first lines.
  state_->scan.SetLayout(s.scan.layout());
  state_->syntax = s.initial;
  state_->spans.insert(state_->spans.end(), s.spans.begin(), s.spans.end());
  state_->originals.insert(s.originals.begin(), s.originals.end());
}

void RedactionVerifier::Write(std::string_view chunk) {
  state_->Follow(chunk);
  state_->Check(state_->scan.Write(chunk));
}

std::vector<Residue> RedactionVerifier::Finish() {
  state_->Check(state_->scan.Finish());
  std::stable_sort(state_->residues.begin(), state_->residues.end(),
                   [](const Residue& a, const Residue& b) { return a.begin < b.begin; });
  return std::move(state_->residues);
}

// --- encryption -------------------------------------------------------------

namespace {

// `encrypted` ("ENC:KIND:base32") decrypted with `keys`.
Result<std::string> DecryptWith(const redact::Keys& keys, std::string_view encrypted) {
  auto fail = [](std::string_view why) { return Result<std::string>::Error(why); };
  if (encrypted.substr(0, kEncryptedPrefix.size()) != kEncryptedPrefix) {
    return fail("not a value that vigie encrypted (ENC:KIND:...)");
  }
  std::string_view rest = encrypted.substr(kEncryptedPrefix.size());
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos) return fail("not a value that vigie encrypted");
  std::string_view kind = rest.substr(0, colon);
  auto sealed = redact::FromBase32(rest.substr(colon + 1));
  if (!sealed) return fail("the encrypted value is not base32");
  auto plain = redact::SivDecrypt(keys.encrypt, kind, *sealed);
  if (!plain) return fail("the value does not decrypt under this key (a wrong key, or changed)");
  return *plain;
}

}  // namespace

Result<std::string> Decrypt(std::string_view encrypted, std::string_view key) {
  return DecryptWith(redact::Keys(key), encrypted);
}

std::string Reveal(std::string_view text, std::string_view key, uint64_t* failed) {
  std::string out;
  out.reserve(text.size());
  const redact::Keys keys(key);  // derived once for every value
  uint64_t failures = 0;
  size_t at = 0;
  for (size_t hit = text.find(kEncryptedPrefix); hit != std::string_view::npos;
       hit = text.find(kEncryptedPrefix, hit + 1)) {
    if (hit < at) continue;
    // ENC:KIND:base32, the kind in upper case, digits and '_'.
    size_t i = hit + kEncryptedPrefix.size();
    size_t kind_end = i;
    while (kind_end < text.size() &&
           ((text[kind_end] >= 'A' && text[kind_end] <= 'Z') ||
            text::IsAsciiDigit(text[kind_end]) || text[kind_end] == '_')) {
      ++kind_end;
    }
    if (kind_end == i || kind_end >= text.size() || text[kind_end] != ':') continue;
    size_t end = kind_end + 1;
    while (end < text.size() &&
           ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= '2' && text[end] <= '7'))) {
      ++end;
    }
    auto plain = DecryptWith(keys, text.substr(hit, end - hit));
    if (!plain.ok()) {
      ++failures;
      continue;
    }
    out.append(text.substr(at, hit - at));
    out.append(plain.value());
    at = end;
  }
  out.append(text.substr(at));
  if (failed != nullptr) *failed = failures;
  return out;
}

}  // namespace vigie
