// SPDX-License-Identifier: Apache-2.0
#include "redact/keyed.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>

namespace vigie::redact {
namespace {

constexpr std::string_view kBase32 = "abcdefghijklmnopqrstuvwxyz234567";
constexpr size_t kSivTag = 16;

std::string DigestBytes(const Digest& d) {
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

struct CipherFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

// AES-SIV for a key of 32 bytes (AES-128-SIV) or 64 (AES-256-SIV).
// Fetched once: a fetch looks the algorithm up in the providers, which
// costs more than encrypting a value.
const EVP_CIPHER* SivCipher(size_t key_bytes) {
  static EVP_CIPHER* const k128 = EVP_CIPHER_fetch(nullptr, "AES-128-SIV", nullptr);
  static EVP_CIPHER* const k256 = EVP_CIPHER_fetch(nullptr, "AES-256-SIV", nullptr);
  return key_bytes == 32 ? k128 : key_bytes == 64 ? k256 : nullptr;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

Digest Hmac(std::string_view key, std::string_view message) {
  Digest out{};
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), Bytes(message), message.size(),
       out.data(), &n);
  return out;
}

namespace {

EVP_MAC* HmacAlgorithm() {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

}  // namespace

Mac::Mac(std::string_view key) {
  EVP_MAC_CTX* ctx = HmacAlgorithm() ? EVP_MAC_CTX_new(HmacAlgorithm()) : nullptr;
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                         OSSL_PARAM_construct_end()};
  // HMAC takes an empty key; OpenSSL's init wants a pointer all the same.
  static const unsigned char kNone = 0;
  const unsigned char* bytes = key.empty() ? &kNone : Bytes(key);
  if (ctx != nullptr && EVP_MAC_init(ctx, bytes, key.size(), params) != 1) {
    EVP_MAC_CTX_free(ctx);
    ctx = nullptr;
  }
  ctx_ = ctx;
}

Mac::Mac(const Mac& other)
    : ctx_(other.ctx_ ? EVP_MAC_CTX_dup(static_cast<EVP_MAC_CTX*>(other.ctx_)) : nullptr) {}

Mac& Mac::operator=(const Mac& other) {
  if (this != &other) {
    EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX*>(ctx_));
    ctx_ = other.ctx_ ? EVP_MAC_CTX_dup(static_cast<EVP_MAC_CTX*>(other.ctx_)) : nullptr;
  }
  return *this;
}

Mac::~Mac() { EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX*>(ctx_)); }

Digest Mac::Sign(std::string_view message) {
  Digest out{};
  auto* ctx = static_cast<EVP_MAC_CTX*>(ctx_);
  size_t n = 0;
  // Initialized without a key, HMAC starts again from the keyed state.
  if (ctx == nullptr || EVP_MAC_init(ctx, nullptr, 0, nullptr) != 1 ||
      EVP_MAC_update(ctx, Bytes(message), message.size()) != 1 ||
      EVP_MAC_final(ctx, out.data(), &n, out.size()) != 1) {
    out.fill(0);
  }
  return out;
}

Keys::Keys(std::string_view secret)
    : token(DigestBytes(Hmac(secret, "vigie token v1"))),
      surrogate(DigestBytes(Hmac(secret, "vigie surrogate v1"))),
      shift(DigestBytes(Hmac(secret, "vigie date shift v1"))),
      encrypt(DigestBytes(Hmac(secret, "vigie encrypt v1 a")) +
              DigestBytes(Hmac(secret, "vigie encrypt v1 b"))) {}

KeyedChoice::KeyedChoice(Mac& mac, std::string_view label, std::string_view value)
    : mac_(mac), used_(block_.size()) {
  // The label and the value, separated so that no pair of them reads as
  // another: the label's length first.
  seed_.push_back(static_cast<char>(label.size()));
  seed_.append(label);
  seed_.append(value);
  seed_.append(4, '\0');
}

void KeyedChoice::Refill() {
  for (int i = 0; i < 4; ++i) {
    seed_[seed_.size() - 4 + i] = static_cast<char>((counter_ >> (8 * i)) & 0xFF);
  }
  ++counter_;
  block_ = mac_.Sign(seed_);
  used_ = 0;
}

uint64_t KeyedChoice::Below(uint64_t n) {
  if (n <= 1) return 0;
  // Four bytes a draw when they suffice (eight a block), eight otherwise;
  // a draw in the uneven top is rejected, so that every number is as likely.
  const size_t width = n <= (uint64_t{1} << 32) ? 4 : 8;
  const uint64_t range = width == 4 ? uint64_t{1} << 32 : 0;  // 0: 2^64
  const uint64_t limit = range ? range - range % n : UINT64_MAX - UINT64_MAX % n;
  for (;;) {
    if (used_ + width > block_.size()) Refill();
    uint64_t x = 0;
    for (size_t i = 0; i < width; ++i) x = (x << 8) | block_[used_ + i];
    used_ += width;
    if (x < limit) return x % n;
  }
}

std::string Base32(const unsigned char* bytes, size_t n) {
  std::string out;
  out.reserve((n * 8 + 4) / 5);
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < n; ++i) {
    buffer = (buffer << 8) | bytes[i];
    bits += 8;
    while (bits >= 5) {
      out.push_back(kBase32[(buffer >> (bits - 5)) & 31]);
      bits -= 5;
    }
  }
  if (bits > 0) out.push_back(kBase32[(buffer << (5 - bits)) & 31]);
  return out;
}

std::optional<std::string> FromBase32(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    size_t v = kBase32.find(c);
    if (v == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(v);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  // What is left must be the zero padding of the last character.
  if (bits >= 5 || (buffer & ((1u << bits) - 1)) != 0) return std::nullopt;
  return out;
}

std::string SivEncrypt(std::string_view key, std::string_view aad, std::string_view plain) {
  auto cipher = SivCipher(key.size());
  std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
  if (cipher == nullptr || !ctx) return {};
  std::string out(kSivTag + plain.size(), '\0');
  auto* data = reinterpret_cast<unsigned char*>(out.data());
  int n = 0;
  // SIV takes the associated data, then the whole plain text in one call.
  if (EVP_EncryptInit_ex2(ctx.get(), cipher, Bytes(key), nullptr, nullptr) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &n, Bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), data + kSivTag, &n, Bytes(plain),
                        static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), data + kSivTag + n, &n) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kSivTag, data) != 1) {
    return {};
  }
  return out;
}

std::optional<std::string> SivDecrypt(std::string_view key, std::string_view aad,
                                      std::string_view sealed) {
  if (sealed.size() < kSivTag) return std::nullopt;
  auto cipher = SivCipher(key.size());
  std::unique_ptr<EVP_CIPHER_CTX, CipherFree> ctx(EVP_CIPHER_CTX_new());
  if (cipher == nullptr || !ctx) return std::nullopt;
  std::string tag(sealed.substr(0, kSivTag));
  std::string_view body = sealed.substr(kSivTag);
  std::string out(body.size(), '\0');
  auto* data = reinterpret_cast<unsigned char*>(out.data());
  int n = 0;
  if (EVP_DecryptInit_ex2(ctx.get(), cipher, Bytes(key), nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kSivTag, tag.data()) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &n, Bytes(aad), static_cast<int>(aad.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), data, &n, Bytes(body), static_cast<int>(body.size())) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), data + n, &n) != 1) {
    return std::nullopt;
  }
  return out;
}

}  // namespace vigie::redact
