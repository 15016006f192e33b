// SPDX-License-Identifier: Apache-2.0
// Redaction: the keyed primitives against their RFCs' vectors, surrogates
// against vigie's validators on the third-party vectors, every action, the
// syntax of delimited and JSON texts, streams against whole texts, and
// verification.
#include "vigie/redact.h"

#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <string>

#include "redact/keyed.h"
#include "redact/surrogate.h"
#include "redact/syntax.h"
#include "test_util.h"
#include "vigie/address.h"
#include "vigie/person.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

using testing::CachedScanner;
using testing::DataPath;
using testing::ReadFile;
using testing::ReadLines;

const std::string kKey = "a secret of more than sixteen bytes";

std::string Hex(std::string_view bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

TEST(Keyed, AesSivMatchesRfc5297) {
  // RFC 5297, appendix A.1 (deterministic authenticated encryption).
  std::string key = Unhex("fffefdfcfbfaf9f8f7f6f5f4f3f2f1f0f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
  std::string aad = Unhex("101112131415161718191a1b1c1d1e1f2021222324252627");
  std::string plain = Unhex("112233445566778899aabbccddee");
  std::string sealed = redact::SivEncrypt(key, aad, plain);
  EXPECT_EQ(Hex(sealed), "85632d07c6e8f37f950acd320a2ecc9340c02b9690c4dc04daef7f6afe5c");
  EXPECT_EQ(redact::SivDecrypt(key, aad, sealed), plain);
  sealed[20] ^= 1;
  EXPECT_FALSE(redact::SivDecrypt(key, aad, sealed).has_value());
}

TEST(Keyed, HmacMatchesRfc4231) {
  // RFC 4231, test case 2, one-shot and with the key set up once (twice,
  // and from a copy: the keyed state is never consumed).
  auto hex = [](const redact::Digest& d) {
    return Hex(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
  };
  const char* expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
  EXPECT_EQ(hex(redact::Hmac("Jefe", "what do ya want for nothing?")), expected);
  redact::Mac mac("Jefe");
  EXPECT_EQ(hex(mac.Sign("what do ya want for nothing?")), expected);
  EXPECT_EQ(hex(mac.Sign("what do ya want for nothing?")), expected);
  redact::Mac copy = mac;
  EXPECT_EQ(hex(copy.Sign("what do ya want for nothing?")), expected);
}

TEST(Keyed, Base32MatchesRfc4648) {
  auto b32 = [](std::string_view s) {
    return redact::Base32(reinterpret_cast<const unsigned char*>(s.data()), s.size());
  };
  EXPECT_EQ(b32("f"), "my");
  EXPECT_EQ(b32("foobar"), "mzxw6ytboi");
  EXPECT_EQ(redact::FromBase32("mzxw6ytboi"), "foobar");
  EXPECT_FALSE(redact::FromBase32("mzxw6ytbo1").has_value());
}

Finding Of(std::string kind, std::string_view raw, std::string value = {}) {
  Finding f;
  f.kind = std::move(kind);
  f.value = value.empty() ? std::string(raw) : std::move(value);
  return f;
}

redact::Mac kSurrogateKey = redact::Keys(kKey).surrogate;

TEST(Surrogate, NirKeepsSexYearMonthAndDepartmentWithAValidKey) {
  auto lines = ReadLines("vectors/nir_valid.txt");
  ASSERT_GT(lines.size(), 10u);
  for (const std::string& raw : lines) {
    NirValidation v = ValidateNir(raw);
    if (!v.valid || v.normalized.size() != 15) continue;
    auto s = redact::Surrogate(Of("FR_NIR", raw, v.normalized), raw, kSurrogateKey, 0);
    ASSERT_TRUE(s.has_value()) << raw;
    NirValidation w = ValidateNir(*s);
    EXPECT_TRUE(w.valid) << raw << " -> " << *s << ": " << w.reason;
    EXPECT_NE(w.normalized, v.normalized) << raw;
    EXPECT_EQ(w.sex, v.sex) << raw;
    EXPECT_EQ(w.birth_year, v.birth_year) << raw;
    EXPECT_EQ(w.birth_month, v.birth_month) << raw;
    EXPECT_EQ(w.department, v.department) << raw;
    EXPECT_EQ(s->size(), raw.size()) << "written as the original: " << raw << " -> " << *s;
    EXPECT_EQ(redact::Surrogate(Of("FR_NIR", raw, v.normalized), raw, kSurrogateKey, 0), s);
  }
}

TEST(Surrogate, PhonesFallInArcepFictionBlocksOfTheSameType) {
  for (const std::string& raw : ReadLines("vectors/phone_fr_valid.txt")) {
    PhoneValidation v = ValidatePhone(raw);
    if (!v.valid || v.territory != "FR" || v.type == "m2m") continue;
    auto s = redact::Surrogate(Of("PHONE_NUMBER", raw, v.e164), raw, kSurrogateKey, 0);
    ASSERT_TRUE(s.has_value()) << raw;
    PhoneValidation w = ValidatePhone(*s);
    ASSERT_TRUE(w.valid) << raw << " -> " << *s << ": " << w.reason;
    std::string national = w.e164.substr(3);
    static const std::set<std::string> kBlocks = {"19900", "26191", "35301",
                                                  "46571", "53649", "63998"};
    EXPECT_TRUE(kBlocks.count(national.substr(0, 5))) << raw << " -> " << *s;
    bool mobile = v.type == "mobile";
    EXPECT_EQ(w.type == "mobile", mobile) << raw << " -> " << *s;
    if (v.e164[3] >= '1' && v.e164[3] <= '5') {
      EXPECT_EQ(w.e164[3], v.e164[3]) << "zone of " << raw;
    }
  }
}

TEST(Surrogate, IbansKeepCountryAndBankWithValidKeys) {
  for (const std::string& raw : ReadLines("vectors/iban_fr_valid.txt")) {
    IbanValidation v = ValidateIban(raw);
    if (!v.valid) continue;
    auto s = redact::Surrogate(Of("IBAN_CODE", raw, v.normalized), raw, kSurrogateKey, 0);
    ASSERT_TRUE(s.has_value()) << raw;
    IbanValidation w = ValidateIban(*s);
    EXPECT_TRUE(w.valid) << raw << " -> " << *s << ": " << w.reason;
    EXPECT_EQ(w.country, v.country);
    EXPECT_EQ(w.normalized.substr(4, 5), v.normalized.substr(4, 5)) << "bank code";
    EXPECT_NE(w.normalized, v.normalized);
  }
}

TEST(Surrogate, CompanyAndProfessionalNumbersPassTheirChecks) {
  struct Case {
    const char* kind;
    const char* file;
    Validation (*validate)(std::string_view);
  };
  const Case cases[] = {
      {"FR_SIREN", "vectors/siren_valid.txt", ValidateSiren},
      {"FR_SIRET", "vectors/siret_valid.txt", ValidateSiret},
      {"FR_TVA", "vectors/faker_tva_fr.txt", ValidateTvaFr},
      {"FR_NIF", "vectors/nif_fr_valid.txt", ValidateNifFr},
      {"FR_RPPS", "vectors/rpps_valid.txt", ValidateRpps},
      {"FR_FINESS", "vectors/finess_valid.txt", ValidateFiness},
      {"FR_ADELI", "vectors/adeli_valid.txt", ValidateAdeli},
  };
  for (const Case& c : cases) {
    int checked = 0;
    for (const std::string& raw : ReadLines(c.file)) {
      if (!c.validate(raw).valid) continue;
      auto s = redact::Surrogate(Of(c.kind, raw), raw, kSurrogateKey, 0);
      ASSERT_TRUE(s.has_value()) << c.kind << " " << raw;
      Validation w = c.validate(*s);
      EXPECT_TRUE(w.valid) << c.kind << " " << raw << " -> " << *s << ": " << w.reason;
      ++checked;
    }
    EXPECT_GT(checked, 0) << c.kind;
  }
}

TEST(Surrogate, CardsAndIdentityDocumentsKeepTheirStructure) {
  struct Case {
    const char* kind;
    std::vector<std::string> values;
    Validation (*validate)(std::string_view);
  };
  auto cni = [](std::string_view v) -> Validation { return ValidateCni(v); };
  auto card = [](std::string_view v) -> Validation { return ValidateCard(v); };
  std::vector<Case> cases = {
      {"FR_CNI", ReadLines("vectors/cni_fr_2021_valid.txt"), cni},
      {"FR_CNI", ReadLines("vectors/cni_fr_old_valid.txt"), cni},
      {"FR_PASSPORT", ReadLines("vectors/passport_fr_format_examples.txt"), ValidatePassportFr},
      // Issuers' published test numbers (Visa, Mastercard, American Express).
      {"CREDIT_CARD", {"4111 1111 1111 1111", "5555555555554444", "3782 822463 10005"}, card},
  };
  for (const Case& c : cases) {
    ASSERT_FALSE(c.values.empty()) << c.kind;
    for (const std::string& raw : c.values) {
      ASSERT_TRUE(c.validate(raw).valid) << raw;
      auto s = redact::Surrogate(Of(c.kind, raw), raw, kSurrogateKey, 0);
      ASSERT_TRUE(s.has_value()) << c.kind << " " << raw;
      Validation w = c.validate(*s);
      EXPECT_TRUE(w.valid) << c.kind << " " << raw << " -> " << *s << ": " << w.reason;
      EXPECT_NE(*s, raw);
      EXPECT_EQ(s->size(), raw.size());
    }
  }
  // A card keeps its issuer's first four digits, so its brand.
  auto visa = redact::Surrogate(Of("CREDIT_CARD", "4111 1111 1111 1111"), "4111 1111 1111 1111",
                                kSurrogateKey, 0);
  EXPECT_EQ(ValidateCard(*visa).brand, "visa");
  EXPECT_EQ(visa->substr(0, 5), "4111 ");
}

TEST(Surrogate, DatesMoveByTheShiftInTheirOwnWriting) {
  using std::chrono::sys_days;
  for (const std::string& raw : ReadLines("vectors/faker_date_of_birth_fr.txt")) {
    DateValidation v = ValidateDate(raw);
    if (!v.valid) continue;
    for (int shift : {-180, -1, 37, 180}) {
      auto s = redact::Surrogate(Of("DATE_OF_BIRTH", raw), raw, kSurrogateKey, shift);
      ASSERT_TRUE(s.has_value()) << raw;
      DateValidation w = ValidateDate(*s);
      ASSERT_TRUE(w.valid) << raw << " -> " << *s;
      auto days = [](const DateValidation& d) {
        return sys_days(std::chrono::year_month_day(std::chrono::year(d.year),
                                                    std::chrono::month(unsigned(d.month)),
                                                    std::chrono::day(unsigned(d.day))));
      };
      EXPECT_EQ((days(w) - days(v)).count(), shift) << raw << " -> " << *s;
      bool numeric = std::none_of(raw.begin(), raw.end(), [](char c) { return std::isalpha(c); });
      if (numeric) {
        // A two-digit year moved out of 1927-2026 is written in full.
        bool in_full = s->size() == raw.size() + 2 && raw.size() == 8;
        EXPECT_TRUE(s->size() == raw.size() || in_full) << raw << " -> " << *s;
      }
    }
  }
  auto words =
      redact::Surrogate(Of("DATE_OF_BIRTH", "3 Mars 1985"), "3 Mars 1985", kSurrogateKey, 30);
  EXPECT_EQ(words, "2 Avril 1985");
  EXPECT_EQ(redact::Surrogate(Of("DATE_OF_BIRTH", "10/01/27"), "10/01/27", kSurrogateKey, -10),
            "31/12/1926");
}

TEST(Surrogate, NamesKeepSexOrderAndCase) {
  const char* names[] = {"Marie MARTIN", "DUPONT Jean", "Mme Claire Lefebvre", "Dr Pierre Roux",
                         "J. Moreau"};
  for (const char* raw : names) {
    NameParse p = ParsePersonName(raw);
    ASSERT_TRUE(p.valid) << raw;
    auto s = redact::Surrogate(Of("PERSON", raw), raw, kSurrogateKey, 0);
    ASSERT_TRUE(s.has_value()) << raw;
    NameParse q = ParsePersonName(*s);
    EXPECT_TRUE(q.valid) << raw << " -> " << *s << ": " << q.reason;
    if (p.name.sex != 0) {
      EXPECT_EQ(q.name.sex, p.name.sex) << raw << " -> " << *s;
    }
    EXPECT_EQ(q.name.title, p.name.title);
    EXPECT_NE(q.name.family, p.name.family) << raw << " -> " << *s;
  }
  // One person, two writings: the same parts.
  auto a = redact::Surrogate(Of("PERSON", "Jean DUPONT"), "Jean DUPONT", kSurrogateKey, 0);
  auto b = redact::Surrogate(Of("PERSON", "DUPONT Jean"), "DUPONT Jean", kSurrogateKey, 0);
  ASSERT_TRUE(a && b);
  NameParse pa = ParsePersonName(*a), pb = ParsePersonName(*b);
  EXPECT_EQ(pa.name.normalized, pb.name.normalized) << *a << " / " << *b;
}

TEST(Surrogate, AddressesKeepTheDepartmentWithARealCommune) {
  int checked = 0;
  for (const std::string& raw : ReadLines("vectors/address_fr_public_examples.txt")) {
    AddressParse p = ParseAddress(raw);
    if (!p.valid || !p.has_locality) continue;
    auto s = redact::Surrogate(Of("FR_POSTAL_ADDRESS", raw), raw, kSurrogateKey, 0);
    ASSERT_TRUE(s.has_value()) << raw;
    AddressParse q = ParseAddress(*s);
    EXPECT_TRUE(q.valid && q.has_locality) << raw << " -> " << *s << ": " << q.reason;
    EXPECT_EQ(q.address.postcode.substr(0, 2), p.address.postcode.substr(0, 2)) << *s;
    ++checked;
  }
  EXPECT_GT(checked, 5);
}

TEST(Surrogate, EmailsAreAtReservedDomains) {
  auto s = redact::Surrogate(Of("EMAIL_ADDRESS", "marie.martin@orange.fr"),
                             "Marie.Martin@Orange.fr", kSurrogateKey, 0);
  ASSERT_TRUE(s.has_value());
  EXPECT_TRUE(ValidateEmail(*s).valid) << *s;
  EXPECT_TRUE(s->ends_with("@example.com") || s->ends_with("@example.net") ||
              s->ends_with("@example.org"))
      << *s;
}

TEST(Surrogate, DateShiftsAreKeyedPerPersonAndNeverZero) {
  redact::Mac key = redact::Keys(kKey).shift;
  std::set<int> shifts;
  for (int i = 0; i < 200; ++i) {
    int s = redact::DateShift(key, "person " + std::to_string(i), 10);
    EXPECT_NE(s, 0);
    EXPECT_LE(std::abs(s), 10);
    shifts.insert(s);
  }
  EXPECT_EQ(shifts.size(), 20u);
  EXPECT_EQ(redact::DateShift(key, "x", 10), redact::DateShift(key, "x", 10));
}

// --- the redactor --------------------------------------------------------------

RedactionPolicy AllTo(RedactAction action) {
  RedactionPolicy p = RedactionPolicy::Default();
  p.identity.action = p.contact.action = p.financial.action = action;
  p.key = kKey;
  return p;
}

Redactor Make(const RedactionPolicy& policy) {
  auto r = Redactor::Create(CachedScanner(), policy);
  EXPECT_TRUE(r.ok()) << r.error();
  return std::move(r).value();
}

const std::string kLetter =
    "Patient : Marie MARTIN, NIR 2 84 08 31 555 430 14, tel. 06 12 34 56 78, "
    "marie.martin@orange.fr.\nDiabète de type 2.\n";

TEST(Redactor, EachAction) {
  auto run = [](const RedactionPolicy& p) { return Make(p).Redact(kLetter).value(); };
  std::string masked = run(AllTo(RedactAction::kMask));
  EXPECT_NE(masked.find("NIR * ** ** ** *** *** **,"), std::string::npos) << masked;
  EXPECT_NE(masked.find("\n<HEALTH_CONDITION>.\n"), std::string::npos) << masked;
  EXPECT_EQ(masked.find("MARTIN"), std::string::npos) << masked;

  RedactionPolicy last = AllTo(RedactAction::kMask);
  last.kinds["PHONE_NUMBER"] = {.action = RedactAction::kMask, .mask_char = "X", .keep_last = 2};
  EXPECT_NE(run(last).find("XX XX XX XX 78"), std::string::npos) << run(last);

  RedactionPolicy tag = AllTo(RedactAction::kTag);
  tag.kinds["PERSON"] = {.action = RedactAction::kTag, .tag = "[{category}:{kind}]"};
  std::string tagged = run(tag);
  EXPECT_NE(tagged.find("Patient : [identity:PERSON], NIR <FR_NIR>, tel. <PHONE_NUMBER>"),
            std::string::npos)
      << tagged;

  std::string tokens = run(AllTo(RedactAction::kToken));
  EXPECT_NE(tokens.find("NIR FR_NIR_"), std::string::npos) << tokens;
  EXPECT_EQ(tokens, run(AllTo(RedactAction::kToken))) << "the same key, the same tokens";
  RedactionPolicy other = AllTo(RedactAction::kToken);
  other.key = "another secret of sixteen bytes";
  EXPECT_NE(tokens, run(other));

  std::string fake = run(AllTo(RedactAction::kSurrogate));
  EXPECT_EQ(fake.find("MARTIN"), std::string::npos) << fake;
  EXPECT_NE(fake.find("06 39 98 "), std::string::npos) << fake;
  EXPECT_NE(fake.find("@example."), std::string::npos) << fake;

  RedactionPolicy encrypt = AllTo(RedactAction::kEncrypt);
  encrypt.health.action = RedactAction::kEncrypt;
  std::string sealed = run(encrypt);
  EXPECT_NE(sealed.find("ENC:FR_NIR:"), std::string::npos) << sealed;
  uint64_t failed = 0;
  EXPECT_EQ(Reveal(sealed, kKey, &failed), kLetter);
  EXPECT_EQ(failed, 0u);
  EXPECT_EQ(Reveal(sealed, "a wrong key of sixteen bytes", &failed), sealed);
  EXPECT_EQ(failed, 5u);

  RedactionPolicy keep = AllTo(RedactAction::kKeep);
  keep.health.action = RedactAction::kKeep;
  EXPECT_EQ(run(keep), kLetter);
}

TEST(Redactor, TokensAreNormalizedValues) {
  Redactor r = Make(AllTo(RedactAction::kToken));
  std::string a = r.Redact("NIR : 2 84 08 31 555 430 14\ntel 06 12 34 56 78\n").value();
  std::string b = r.Redact("NIR : 284083155543014\ntel +33 6 12 34 56 78\n").value();
  EXPECT_EQ(a, b);
  std::string c = r.Redact("courriel : Marie.Martin@Orange.FR\n").value();
  std::string d = r.Redact("courriel : marie.martin@orange.fr\n").value();
  EXPECT_EQ(c, d);
}

TEST(Redactor, GeneralizeLevels) {
  RedactionPolicy p = AllTo(RedactAction::kMask);
  p.reference_year = 2026;
  p.kinds["DATE_OF_BIRTH"] = {.action = RedactAction::kGeneralize, .level = "age_band"};
  p.kinds["FR_NIR"] = {.action = RedactAction::kGeneralize};
  p.kinds["FR_POSTAL_ADDRESS"] = {.action = RedactAction::kGeneralize, .level = "department"};
  std::string out =
      Make(p)
          .Redact(
              "Née le 20/08/1984, NIR 2 84 08 31 555 430 14, demeurant 28 route de Nantes, "
              "31000 Toulouse.\n")
          .value();
  EXPECT_NE(out.find("Née le 40-49 ans, NIR F 1984, demeurant 31."), std::string::npos) << out;
}

TEST(Redactor, RefusesPoliciesThatCannotRun) {
  auto error = [](const RedactionPolicy& p) {
    auto r = Redactor::Create(CachedScanner(), p);
    return r.ok() ? std::string() : r.error();
  };
  RedactionPolicy no_key = AllTo(RedactAction::kToken);
  no_key.key.clear();
  EXPECT_NE(error(no_key).find("need a key"), std::string::npos);
  RedactionPolicy short_key = AllTo(RedactAction::kEncrypt);
  short_key.key = "short";
  EXPECT_NE(error(short_key).find("16 bytes"), std::string::npos);
  RedactionPolicy health = AllTo(RedactAction::kMask);
  health.health.action = RedactAction::kSurrogate;
  EXPECT_NE(error(health).find("no surrogate for HEALTH_"), std::string::npos);
  RedactionPolicy level = AllTo(RedactAction::kMask);
  level.kinds["DATE_OF_BIRTH"] = {.action = RedactAction::kGeneralize, .level = "decade"};
  EXPECT_NE(error(level).find("not one of DATE_OF_BIRTH's: year, age_band"), std::string::npos);
  RedactionPolicy phone = AllTo(RedactAction::kMask);
  phone.kinds["PHONE_NUMBER"] = {.action = RedactAction::kGeneralize};
  EXPECT_NE(error(phone).find("no generalization for PHONE_NUMBER"), std::string::npos);
  RedactionPolicy unknown = AllTo(RedactAction::kMask);
  unknown.kinds["NOT_A_KIND"] = {};
  EXPECT_NE(error(unknown).find("NOT_A_KIND"), std::string::npos);
  RedactionPolicy mask = AllTo(RedactAction::kMask);
  mask.identity.mask_char = "ab";
  EXPECT_NE(error(mask).find("one character"), std::string::npos);
  EXPECT_FALSE(ParseRedactAction("erase").ok());
  EXPECT_EQ(ParseRedactAction("surrogate").value(), RedactAction::kSurrogate);
}

// A replacement that holds the delimiter, quotes and a line break.
RedactionPolicy Awkward() {
  RedactionPolicy p = AllTo(RedactAction::kTag);
  p.identity.tag = p.contact.tag = p.financial.tag = "a;b,\"c\"\n{kind}";
  p.health.tag = "\\\"";
  return p;
}

TEST(Redactor, DelimitedCellsStayCells) {
  std::string csv =
      "nom;telephone;commentaire\n"
      "MARTIN Marie;06 12 34 56 78;\"suivi; diabète \"\"sévère\"\"\n 06 12 34 56 79\"\n"
      "DUPONT Jean;\"01 23 45 67 89\";rien\n";
  std::string out = Make(Awkward()).Redact(csv).value();
  // Three rows of three cells: the quoting rules hold.
  redact::SyntaxFollower f(redact::Syntax::kDelimited, ';');
  int rows = 0, cells = 1;
  for (char c : out) {
    redact::Place before = f.Next();
    if (f.Follow(c)) {
      EXPECT_EQ(cells, 3) << out;
      ++rows;
      cells = 1;
    } else if (c == ';' && before == redact::Place::kBareCell) {
      ++cells;
    }
  }
  EXPECT_EQ(rows, 3) << out;
  EXPECT_EQ(out.find("06 12"), std::string::npos) << out;
  EXPECT_NE(out.find("\"01 23"), std::string::npos - 1) << out;
}

TEST(Redactor, JsonStringsStayValid) {
  std::string json =
      "{\"nom\": \"Marie MARTIN\", \"tel\": \"06 12 34 56 78\", \"note\": \"diabète\", "
      "\"num\": 0612345679}\n";
  std::string out = Make(Awkward()).Redact(json).value();
  EXPECT_EQ(out.find("06 12"), std::string::npos) << out;
  EXPECT_EQ(out.find("0612345679"), std::string::npos) << out;
  // Every string closed, every escape known, the structure as it was.
  redact::SyntaxFollower f(redact::Syntax::kJson, ',');
  std::string structure;
  for (char c : out) {
    if (f.Next() == redact::Place::kJsonOther && c != ' ' && c != '\n' && c != '"' &&
        !(c >= '0' && c <= '9')) {
      structure.push_back(c);
    }
    f.Follow(c);
  }
  EXPECT_EQ(f.Next(), redact::Place::kJsonOther) << out;
  EXPECT_EQ(structure, "{:,:,:,:}") << out;
  EXPECT_NE(out.find("\"num\": \"a;b,\\\"c\\\"\\nPHONE_NUMBER\"}"), std::string::npos) << out;
  // Members' names are no one's data: they stay, in objects at any depth.
  std::string keys =
      Make(Awkward()).Redact("{\"groupe_sanguin\": \"A+\", \"x\": [{\"diabète\": 1}]}\n").value();
  EXPECT_NE(keys.find("{\"groupe_sanguin\": "), std::string::npos) << keys;
  EXPECT_NE(keys.find("[{\"diabète\": 1}]"), std::string::npos) << keys;
}

TEST(Redactor, StreamsRedactAsWholeTexts) {
  std::string sample = ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/patients_labo.csv");
  std::string letter = ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/compte_rendu.txt");
  ASSERT_FALSE(sample.empty());
  for (RedactAction action : {RedactAction::kMask, RedactAction::kSurrogate}) {
    Redactor r = Make(AllTo(action));
    for (const std::string& text : {sample, letter}) {
      std::string whole = r.Redact(text).value();
      for (size_t chunk : {1, 7, 100, 4096}) {
        RedactionStream s = r.OpenStream();
        std::string out;
        for (size_t at = 0; at < text.size(); at += chunk) {
          out += s.Write(std::string_view(text).substr(at, chunk));
        }
        out += s.Finish();
        EXPECT_EQ(out, whole) << "chunks of " << chunk;
        EXPECT_EQ(s.report().bytes_in, text.size());
        EXPECT_EQ(s.report().bytes_out, out.size());
      }
    }
  }
}

TEST(Redactor, DatesOfOneRecordMoveTogether) {
  RedactionPolicy p = AllTo(RedactAction::kSurrogate);
  std::string rows =
      "nom;naissance;num_secu\n"
      "MARTIN Marie;20/08/1984;2 84 08 31 555 430 14\n"
      "MARTIN Marie;20/08/1984;2 84 08 31 555 430 14\n"
      "DUPONT Jean;20/08/1984;1 64 11 2A 004 637 85\n";
  std::string out = Make(p).Redact(rows).value();
  std::vector<std::string> lines;
  for (size_t at = 0, nl; (nl = out.find('\n', at)) != std::string::npos; at = nl + 1) {
    lines.push_back(out.substr(at, nl - at));
  }
  ASSERT_EQ(lines.size(), 4u) << out;
  EXPECT_EQ(lines[1], lines[2]) << "one person, one surrogate row";
  EXPECT_EQ(lines[1].find("20/08/1984"), std::string::npos) << out;
}

// The residues a verifier finds in the redaction of `text` by `r`, with
// `added` written after it.
std::vector<Residue> Residues(const Redactor& r, std::string_view text,
                              std::string_view added = {}) {
  RedactionStream s = r.OpenStream();
  s.KeepTrail();
  std::string out = s.Write(text);  // before Finish: operands of + are unsequenced
  out += s.Finish();
  RedactionVerifier v = r.OpenVerifier();
  v.Excuse(s);
  v.Write(out);
  v.Write(added);
  return v.Finish();
}

TEST(Verifier, PassesRedactedTextsAndListsResidues) {
  std::string sample = ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/patients_labo.csv");
  for (RedactAction action : {RedactAction::kMask, RedactAction::kToken, RedactAction::kSurrogate,
                              RedactAction::kEncrypt}) {
    for (const Residue& res : Residues(Make(AllTo(action)), sample)) {
      ADD_FAILURE() << RedactActionName(action) << ": " << res.kind << " " << res.reason << " line "
                    << res.line << ": " << res.value;
    }
  }
  // Values left after the redacted text: a finding at the threshold, and a
  // value this run replaced, found again below it (a bare NIR).
  std::string letter = "Patient : Marie MARTIN, NIR 2 84 08 31 555 430 14.\n";
  std::vector<Residue> residues =
      Residues(Make(AllTo(RedactAction::kMask)), letter,
               "contact : jean.dupont@orange.fr\nref 284083155543014\n");
  ASSERT_EQ(residues.size(), 2u);
  EXPECT_EQ(residues[0].kind, "EMAIL_ADDRESS");
  EXPECT_EQ(residues[0].reason, "found");
  EXPECT_EQ(residues[0].line, 2u);
  EXPECT_EQ(residues[1].kind, "FR_NIR");
  EXPECT_EQ(residues[1].reason, "original value");
}

}  // namespace
}  // namespace vigie
