// SPDX-License-Identifier: Apache-2.0
// Spelling variants of a term, so that literal matching finds it whatever the
// case and accents, without rewriting the scanned text.
#ifndef VIGIE_LIB_TEXT_FOLD_H_
#define VIGIE_LIB_TEXT_FOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// The distinct UTF-8 spellings under which `term` may appear: composed and
// decomposed accents, accents removed, lower and upper case of non-ASCII
// letters, ligatures opened (œ as oe), and (with `joiners`) '_' or '-' in place of spaces. ASCII
// case is left to the matcher (case-insensitive). The first element is `term` in NFC.
std::vector<std::string> SpellingVariants(std::string_view term, bool joiners = true);

// `term` folded for comparisons: NFC, lower case, accents removed.
std::string FoldForCompare(std::string_view term);

}  // namespace vigie::text

#endif  // VIGIE_LIB_TEXT_FOLD_H_
