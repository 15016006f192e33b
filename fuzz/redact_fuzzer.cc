// SPDX-License-Identifier: Apache-2.0
// Fuzz target for redaction: any bytes, in any layout, with each action.
// Nothing crashes; a stream cut anywhere redacts as the whole text does;
// a delimited text keeps its rows and cells, row by row; JSON keeps its
// strings; what `encrypt` wrote reveals the text byte for byte; Reveal
// reads any bytes.
#include <string>

#include "fuzz_util.h"
#include "redact/syntax.h"

namespace {

using vigie::fuzz::Check;

// The cells of each row of `text` (a row ends with a line break outside
// quotes), and whether it ends inside a JSON string, as vigie reads them.
std::vector<size_t> Shape(std::string_view text, vigie::redact::Syntax syntax, char delimiter) {
  vigie::redact::SyntaxFollower follower(syntax, delimiter);
  std::vector<size_t> cells{1};
  for (char c : text) {
    bool bare = follower.Next() == vigie::redact::Place::kBareCell;
    if (follower.Follow(c)) {
      cells.push_back(1);
    } else if (bare && c == delimiter) {
      ++cells.back();
    }
  }
  cells.push_back(follower.Next() == vigie::redact::Place::kJsonString ? 1 : 0);
  return cells;
}

const vigie::Redactor& RedactorFor(uint8_t control) {
  static const auto* const redactors = [] {
    auto* all = new std::vector<vigie::Redactor>;
    static const vigie::Layout kLayouts[] = {vigie::Layout::kText, vigie::Layout::kDelimited};
    static const vigie::RedactAction kActions[] = {
        vigie::RedactAction::kMask, vigie::RedactAction::kTag, vigie::RedactAction::kToken,
        vigie::RedactAction::kSurrogate, vigie::RedactAction::kEncrypt};
    for (vigie::Layout layout : kLayouts) {
      for (vigie::RedactAction action : kActions) {
        vigie::RedactionPolicy p = vigie::RedactionPolicy::Default();
        p.identity.action = p.contact.action = p.financial.action = action;
        if (action != vigie::RedactAction::kSurrogate) p.health.action = action;
        p.identity.tag = "a;b,\"c\"\n{kind}";  // the syntax's own bytes
        p.min_score = 0.3;
        p.layout = layout;
        p.delimiter = layout == vigie::Layout::kDelimited ? ';' : 0;
        p.key = "a fuzzing key of sixteen bytes";
        all->push_back(vigie::Redactor::Create(vigie::fuzz::TheScanner(), p).value());
      }
    }
    return all;
  }();
  return (*redactors)[control % redactors->size()];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [control, text] = vigie::fuzz::Split(data, size);
  const vigie::Redactor& redactor = RedactorFor(control);
  auto whole = redactor.Redact(text);
  Check(whole.ok());
  // The same text in two chunks, cut where the control byte says.
  size_t cut = text.empty() ? 0 : (static_cast<size_t>(control) * 7919) % text.size();
  vigie::RedactionStream stream = redactor.OpenStream();
  std::string out = stream.Write(text.substr(0, cut));
  out += stream.Write(text.substr(cut));
  out += stream.Finish();
  Check(out == whole.value());
  // Rows and cells stay (a text whose syntax the redactor reads as JSON
  // or cells keeps it).
  bool delimited = redactor.policy().layout == vigie::Layout::kDelimited;
  auto syntax = delimited ? vigie::redact::Syntax::kDelimited
                          : vigie::redact::SyntaxOf(text.substr(0, 4096), false);
  if (!delimited && syntax == vigie::redact::Syntax::kText) {
    // Encrypted values reveal the text as it was.
    if (redactor.policy().identity.action == vigie::RedactAction::kEncrypt) {
      // (What looked encrypted in the text itself does not decrypt.)
      uint64_t failed = 0;
      Check(vigie::Reveal(out, "a fuzzing key of sixteen bytes", &failed) == text);
      Check(failed == 0 || text.find("ENC:") != std::string_view::npos);
    }
  } else {
    Check(Shape(out, syntax, ';') == Shape(text, syntax, ';'));
  }
  // Reveal reads any bytes: the text itself, as it came.
  uint64_t failed = 0;
  std::string revealed = vigie::Reveal(text, "another key of sixteen bytes", &failed);
  Check(failed > 0 || revealed == text);
  return 0;
}
