// SPDX-License-Identifier: Apache-2.0
// The keyed primitives of redaction, from OpenSSL: HMAC-SHA256 for tokens,
// surrogate choices and date shifts, AES-SIV for reversible encryption,
// and base32 to write their bytes in text.
#ifndef VIGIE_LIB_REDACT_KEYED_H_
#define VIGIE_LIB_REDACT_KEYED_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::redact {

using Digest = std::array<unsigned char, 32>;

// HMAC-SHA256 of `message` under `key`.
Digest Hmac(std::string_view key, std::string_view message);

// HMAC-SHA256 under one key, set up once: each message costs the hashing
// from the keyed state, not a lookup of the algorithms (OpenSSL's one-shot
// HMAC fetches them at every call) nor an allocation. One thread at a time
// signs with a Mac; a copy is another Mac with the same key.
class Mac {
 public:
  explicit Mac(std::string_view key);
  Mac(const Mac& other);
  Mac& operator=(const Mac& other);
  ~Mac();
  Digest Sign(std::string_view message);

 private:
  void* ctx_ = nullptr;  // EVP_MAC_CTX, keyed
};

// The sub-keys of one secret, one per use, so that a token never tells
// anything about a surrogate or a ciphertext of the same value.
struct Keys {
  explicit Keys(std::string_view secret);
  Mac token;
  Mac surrogate;
  Mac shift;
  std::string encrypt;  // 64 bytes: AES-256-SIV takes two keys
};

// A keyed stream of choices drawn from HMAC(key, label || value || n): the
// same inputs give the same choices everywhere. Nothing is computed until
// the first choice.
class KeyedChoice {
 public:
  KeyedChoice(Mac& mac, std::string_view label, std::string_view value);
  // A number in [0, n), n > 0.
  uint64_t Below(uint64_t n);

 private:
  void Refill();
  Mac& mac_;
  std::string seed_;
  Digest block_{};
  size_t used_;
  uint32_t counter_ = 0;
};

// RFC 4648 base32, lower case, without padding.
std::string Base32(const unsigned char* bytes, size_t n);
std::optional<std::string> FromBase32(std::string_view text);

// AES-256-SIV (RFC 5297) of `plain` with `aad` authenticated: tag (16
// bytes) then ciphertext. Deterministic: the same inputs give the same
// bytes. Empty on a failure of OpenSSL.
std::string SivEncrypt(std::string_view key64, std::string_view aad, std::string_view plain);
// The plain text, or nothing when `sealed` does not authenticate.
std::optional<std::string> SivDecrypt(std::string_view key64, std::string_view aad,
                                      std::string_view sealed);

}  // namespace vigie::redact

#endif  // VIGIE_LIB_REDACT_KEYED_H_
