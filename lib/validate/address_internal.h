// SPDX-License-Identifier: Apache-2.0
// What the address parser knows that other detectors ask too.
#ifndef VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
#define VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/address.h"

namespace vigie {

// `key` (lower case, no accents: "rue", "av", "allee") is a type of way of
// the embedded tables (libpostal, RNA): "rue Victor Hugo" names a street.
bool IsStreetTypeKey(const std::string& key);

// A commune's name (or any words) folded for comparison: lower case, no
// accents, hyphens and apostrophes as spaces, "st"/"ste" as "saint"/"sainte".
std::string CommuneKey(std::string_view name);

// A word of an address: its bytes, where it starts, and its folded key
// (lower case, no accents, "st" as "saint"), folded when first asked for:
// most words of a failed parse are never looked at.
class AddressToken {
 public:
  AddressToken() = default;
  AddressToken(std::string_view text, size_t at) : raw(text), offset(at) {}
  const std::string& key() const;

  std::string_view raw;
  size_t offset = 0;

 private:
  mutable std::string key_;
  mutable bool folded_ = false;
};

// ParseAddress over words already cut and folded.
AddressParse ParseAddressTokens(std::span<const AddressToken> tokens);

// A text cut into words once, then parsed from any of its word starts: a
// start finder tries many starts of one text, and ParseFrom(s) gives what
// ParseAddress(text.substr(s)) gives, without cutting and folding again.
// A failed parse from a start that no address can begin with gives a
// shorter reason than ParseAddress would.
class AddressWords {
 public:
  explicit AddressWords(std::string_view text);
  ~AddressWords();
  // `start` is a byte offset into the text, at a character's first byte.
  AddressParse ParseFrom(size_t start);
  // False when ParseFrom(start) cannot be valid, decided from its first
  // words alone: a start finder asks this of every word start and parses
  // from the few that may begin an address.
  bool MayStartAt(size_t start);
  // For a start at a postcode: true when what follows it names the
  // postcode's commune, the locality part of ParseFrom(start), checked
  // without the rest of the parse (which may still fail: another postcode
  // before this one); never false where ParseFrom(start) is valid.
  bool LocalityValidAt(size_t start);

 private:
  // Cuts the token that holds `start` at it (as Tokenize would cut a text
  // that begins there) and returns the index of the first token from
  // `start`; Uncut puts the whole token back.
  size_t Cut(size_t start);
  void Uncut(size_t first);
  // The locality of the postcode of `tokens` (those from token `first`),
  // parsed once for every start before it; null without a postcode.
  struct Locality;
  const Locality* LocalityOf(size_t first, std::span<const AddressToken> tokens);

  std::vector<AddressToken> tokens_;
  AddressToken whole_;  // the token cut, while it is
  bool cut_ = false;
  std::unique_ptr<Locality> locality_;  // of the postcode at token locality_at_
  size_t locality_at_ = 0;
};

}  // namespace vigie

#endif  // VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
