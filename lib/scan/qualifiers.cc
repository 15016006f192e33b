// SPDX-License-Identifier: Apache-2.0
#include "scan/qualifiers.h"

namespace vigie::internal {

bool SameSentence(std::string_view between) {
  for (size_t i = 0; i < between.size(); ++i) {
    char ch = between[i];
    if (ch == '\n' || ch == ';' || ch == '!' || ch == '?') return false;
    if (ch == '.' && (i + 1 == between.size() || between[i + 1] == ' ')) return false;
  }
  return true;
}

void MarkPseudoTriggers(std::span<KeywordHit> earlier, KeywordHit& hit,
                        std::span<const KeywordDef> keywords) {
  const KeywordDef& k = keywords[hit.keyword];
  bool trigger = k.qualifies_before != 0 || k.qualifies_after != 0;
  if (!k.pseudo && !trigger) return;
  for (auto it = earlier.rbegin(); it != earlier.rend(); ++it) {
    if (it->end <= hit.begin || (!k.pseudo && it->end != hit.end)) break;
    if (k.pseudo && it->begin >= hit.begin) it->cancelled = true;
    if (trigger && it->end == hit.end && keywords[it->keyword].pseudo && it->begin <= hit.begin) {
      hit.cancelled = true;
    }
  }
}

uint8_t Qualifiers(const QualifiedSpan& span, std::span<const KeywordHit> hits,
                   std::span<const KeywordDef> keywords, const TextWindow& window) {
  auto same_sentence = [&](uint64_t from, uint64_t to) {
    return window.Holds(from, to) && SameSentence(window.Slice(from, to));
  };
  uint8_t q = 0;
  for (const KeywordHit& hit : hits) {
    const KeywordDef& k = keywords[hit.keyword];
    if ((k.qualifies_before == 0 && k.qualifies_after == 0) || hit.cancelled) continue;
    if (span.cell_begin && hit.cell_begin != *span.cell_begin) continue;
    if ((q | k.qualifies_before | k.qualifies_after) == q) continue;  // nothing new
    bool before = hit.end <= span.begin && span.begin - hit.end <= span.window_before &&
                  k.qualifies_before != 0 && same_sentence(hit.end, span.begin);
    bool after = hit.begin >= span.end && hit.begin - span.end <= span.window_after &&
                 k.qualifies_after != 0 && same_sentence(span.end, hit.begin);
    if (before) q |= k.qualifies_before;
    if (after) q |= k.qualifies_after;
  }
  return q;
}

}  // namespace vigie::internal
