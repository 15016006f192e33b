// What the address parser knows that other detectors ask too.
#ifndef VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
#define VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/address.h"

namespace vigie {

// `key` (lower case, no accents: "rue", "av", "allee") is a type of way of
// the embedded tables (libpostal, RNA): "rue Victor Hugo" names a street.
bool IsStreetTypeKey(const std::string& key);

// A word of an address: its bytes, its folded key (lower case, no accents,
// "st" as "saint"), where it starts.
struct AddressToken {
  std::string_view raw;
  std::string key;
  size_t offset = 0;
};

// ParseAddress over words already cut and folded.
AddressParse ParseAddressTokens(std::span<const AddressToken> tokens);

// A text cut into words once, then parsed from any of its word starts: a
// start finder tries many starts of one text, and ParseFrom(s) gives what
// ParseAddress(text.substr(s)) gives, without cutting and folding again.
class AddressWords {
 public:
  explicit AddressWords(std::string_view text);
  // `start` is a byte offset into the text.
  AddressParse ParseFrom(size_t start);

 private:
  std::vector<AddressToken> tokens_;
};

}  // namespace vigie

#endif  // VIGIE_LIB_VALIDATE_ADDRESS_INTERNAL_H_
