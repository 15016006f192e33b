// SPDX-License-Identifier: Apache-2.0
// The Scanner from the outside: findings, offsets, context, overlaps,
// delimited files, custom detectors, options and bad input.
#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

Scanner MakeScanner(const ScanOptions& options = {}) {
  if (options.detectors.empty()) return vigie::testing::CachedScanner(options);
  auto s = Scanner::Create(options, vigie::testing::TestCache());
  EXPECT_TRUE(s.ok()) << s.error();
  return std::move(s).value();
}

const Finding* FindKind(const std::vector<Finding>& findings, std::string_view kind) {
  for (const auto& f : findings) {
    if (f.kind == kind) return &f;
  }
  return nullptr;
}

std::string_view Slice(std::string_view text, const Finding& f) {
  return text.substr(f.begin, f.end - f.begin);
}

// The fixture of every other test (tests/CMakeLists.txt): the built-in
// detectors compiled into the test cache once.
TEST(TestCache, Warm) { EXPECT_GT(vigie::testing::CachedScanner().Kinds().size(), 20u); }

TEST(ScannerTest, FindsNirPhoneAndEmailWithByteOffsets) {
  std::string text =
      "Patiente née à Ajaccio, n° de sécurité sociale : 2 84 05 2A 321 025 52, "
      "tél. 06 12 34 56 78, courriel héloïse.x@example.org ou h.dupont@example.org.";
  auto findings = MakeScanner().Scan(text);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].kind, "FR_NIR");
  EXPECT_EQ(Slice(text, findings[0]), "2 84 05 2A 321 025 52");
  EXPECT_EQ(findings[0].value, "284052A32102552");
  EXPECT_EQ(findings[0].category, Category::kIdentity);
  EXPECT_GE(findings[0].score, 0.9);
  EXPECT_EQ(findings[1].kind, "PHONE_NUMBER");
  EXPECT_EQ(Slice(text, findings[1]), "06 12 34 56 78");
  EXPECT_EQ(findings[1].value, "+33612345678");
  EXPECT_EQ(findings[1].category, Category::kContact);
  // "héloïse.x@" is not an ASCII local part: only the second address counts.
  EXPECT_EQ(findings[2].kind, "EMAIL_ADDRESS");
  EXPECT_EQ(Slice(text, findings[2]), "h.dupont@example.org");
}

TEST(ScannerTest, LineAndColumnCountCodePoints) {
  std::string text = "première ligne\nNIR é : 1 53 12 45 007 231 60\n";
  auto findings = MakeScanner().Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2u);
  EXPECT_EQ(findings[0].column, 9u);       // "NIR é : " is 8 code points, 9 bytes
  EXPECT_EQ(findings[0].begin, 16u + 9u);  // "première ligne\n" is 16 bytes
}

TEST(ScannerTest, ScoresFollowTheScale) {
  auto scanner = MakeScanner(ScanOptions{.min_score = 0});
  auto score_of = [&](const std::string& text) {
    auto findings = scanner.Scan(text);
    const Finding* f = FindKind(findings, "FR_NIR");
    // Every case below must be found (with min_score 0), or its bound on
    // the score would hold for nothing.
    if (f == nullptr) ADD_FAILURE() << "no FR_NIR in: " << text;
    return f ? f->score : -1.0;
  };
  EXPECT_GE(score_of("NIR : 185057512345673"), 0.9);           // context
  EXPECT_GE(score_of("vu 1 85 05 75 123 456 73 hier"), 0.75);  // written as a NIR
  EXPECT_LE(score_of("vu 185057512345673 hier"), 0.5);         // bare run
  EXPECT_LE(score_of("vu 185057512345674 hier"), 0.3);         // wrong key: unconfirmed
  // Negative context ("commande": an order number) leaves no finding at all.
  EXPECT_EQ(FindKind(scanner.Scan("commande 185057512345673"), "FR_NIR"), nullptr);
  EXPECT_NE(FindKind(scanner.Scan("patient 185057512345673"), "FR_NIR"), nullptr);
}

// A generic label ("identifiant", "n°") lifts a bare NIR whose checks hold
// just over the default threshold; it does not lift an unconfirmed one,
// nor outweigh a negative word or a name of the kind.
TEST(ScannerTest, GenericLabelsLiftABareNirPartOfTheWay) {
  auto scanner = MakeScanner(ScanOptions{.min_score = 0});
  auto nir = [&](const std::string& text) {
    auto findings = scanner.Scan(text);
    const Finding* f = FindKind(findings, "FR_NIR");
    return f ? f->score : -1.0;
  };
  for (const char* label : {"identifiant :", "Identifiant", "numéro", "N°", "id:", "matricule"}) {
    double score = nir(std::string(label) + " 185057512345673");
    EXPECT_GT(score, 0.5) << label;
    EXPECT_LT(score, 0.7) << label;
  }
  EXPECT_LT(nir("valeur 185057512345673"), 0.5);
  EXPECT_LE(nir("identifiant : 185057512345674"), 0.3);  // wrong key
  EXPECT_LT(nir("n° de commande 185057512345673"), 0.5);
  EXPECT_GE(nir("n° de sécurité sociale 185057512345673"), 0.9);
  // As a column's name too.
  auto rows = MakeScanner().Scan("identifiant;ville\n185057512345673;Lyon\n");
  const Finding* f = FindKind(rows, "FR_NIR");
  ASSERT_NE(f, nullptr);
  EXPECT_GT(f->score, 0.5);
}

// Casual text: a given name of INSEE's list in lower case after a
// self-introduction or a greeting is a name; an everyday word there is not.
TEST(ScannerTest, GivenNamesAfterIntroductionsInAnyCase) {
  auto scanner = MakeScanner();
  auto name = [&](const std::string& text) -> std::string {
    auto findings = scanner.Scan(text);
    const Finding* f = FindKind(findings, "PERSON");
    return f ? text.substr(f->begin, f->end - f->begin) : "";
  };
  EXPECT_EQ(name("je m'appelle julie, et toi ?"), "julie");
  EXPECT_EQ(name("moi c’est chloé !"), "chloé");
  EXPECT_EQ(name("coucou léa"), "léa");
  EXPECT_EQ(name("salut Marie !"), "Marie");  // a word too, but with its capital
  EXPECT_EQ(name("c'est rose"), "");          // an everyday word after a greeting
  EXPECT_EQ(name("merci bien"), "");
  EXPECT_EQ(name("je m'appelle zorglub"), "");  // no list knows it
  EXPECT_EQ(name("ok, julie"), "");             // no introduction
}

// In a column whose header names names, one to three capitalized words
// that fill the cell are a name, whether or not a list knows them; not in
// another column, nor in the header itself.
TEST(ScannerTest, NamesNoListKnowsInANameColumn) {
  auto scanner = MakeScanner();
  std::string csv =
      "nom;prenom;produit\n"
      "ZORGLUB;Xylophe Quentar;Chaise Longue\n"
      "Kwarteng;Ndeye;Table\n";
  std::set<std::string> names;
  for (const Finding& f : scanner.Scan(csv)) {
    if (f.kind == "PERSON") names.insert(csv.substr(f.begin, f.end - f.begin));
  }
  EXPECT_EQ(names, (std::set<std::string>{"ZORGLUB", "Xylophe Quentar", "Kwarteng", "Ndeye"}));
  // Four words, or a lower-case word, are no name's shape.
  auto cells = scanner.Scan("prenom;ville\nAbc Def Ghi Jkl;Lyon\nxylophe;Lyon\n");
  EXPECT_EQ(FindKind(cells, "PERSON"), nullptr);
}

TEST(ScannerTest, DefaultMinScoreDropsBareRunsWithoutContext) {
  auto findings = MakeScanner().Scan("vu 185057512345673 hier");
  EXPECT_EQ(FindKind(findings, "FR_NIR"), nullptr);
}

TEST(ScannerTest, KeywordsNeedWordBoundaries) {
  auto scanner = MakeScanner(ScanOptions{.min_score = 0});
  auto findings = scanner.Scan("INSIDER 185057512345673");  // "ins" inside a word
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_LT(findings[0].score, 0.5);
}

TEST(ScannerTest, KeywordsIgnoreCaseAndAccents) {
  auto scanner = MakeScanner();
  for (const char* prefix :
       {"Sécurité sociale", "SECURITE SOCIALE", "SÉCURITÉ SOCIALE", "securite_sociale"}) {
    std::string text = std::string(prefix) + " : 185057512345673";
    auto findings = scanner.Scan(text);
    ASSERT_EQ(findings.size(), 1u) << prefix;
    EXPECT_GE(findings[0].score, 0.9) << prefix;
  }
}

TEST(ScannerTest, NoMatchInsideLongerNumbers) {
  // A NIR inside 16 digits and a phone number inside 11 are not found; a
  // kind whose whole shape is the longer number may be.
  std::string text = "9185057512345673 06123456789";
  for (const auto& f : MakeScanner(ScanOptions{.min_score = 0}).Scan(text)) {
    bool whole = (f.begin == 0 && f.end == 16) || (f.begin == 17 && f.end == text.size());
    EXPECT_TRUE(whole) << f.kind << " [" << f.begin << ", " << f.end << ")";
  }
}

TEST(ScannerTest, DelimitedHeaderGivesContextToItsColumn) {
  std::string csv =
      "nom;num_secu;code;telephone\n"
      "DUPONT;185057512345673;185057512345673;0612345678\n";
  auto findings = MakeScanner().Scan(csv);
  // The num_secu column is a NIR by its header; the same value under
  // "code" has no context and stays below the default minimum. A family
  // name alone is a name under "nom".
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].kind, "PERSON");
  EXPECT_GE(findings[0].score, 0.9);
  EXPECT_EQ(findings[1].kind, "FR_NIR");
  EXPECT_EQ(findings[1].begin, csv.find("185057512345673"));
  EXPECT_GE(findings[1].score, 0.9);
  EXPECT_EQ(findings[2].kind, "PHONE_NUMBER");
  EXPECT_GE(findings[2].score, 0.9);
}

TEST(ScannerTest, CellsDoNotLendContextToTheirNeighbours) {
  std::string csv =
      "a;b;c\n"
      "NIR;185057512345673;x\n";
  auto findings = MakeScanner(ScanOptions{.min_score = 0}).Scan(csv);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_LT(findings[0].score, 0.5);
  // The same line as running text: the keyword counts.
  auto prose = MakeScanner(ScanOptions{.min_score = 0, .layout = Layout::kText}).Scan(csv);
  ASSERT_EQ(prose.size(), 1u);
  EXPECT_GE(prose[0].score, 0.9);
}

TEST(ScannerTest, FindingsNeverSpanTwoCells) {
  // With ',' as delimiter a number cut by the delimiter is two cells.
  std::string csv = "x,y,z\n06 12 34,56 78,a\n";
  auto findings = MakeScanner(ScanOptions{.min_score = 0}).Scan(csv);
  EXPECT_TRUE(findings.empty());
}

TEST(ScannerTest, AStreetLineAloneLiesInItsCell) {
  // Without a postcode, a street line is read in its own cell: the number
  // in the cell before is no part of it. With the postcode after it, the
  // cells of the record make one address.
  ScanOptions options{.kinds = {"FR_POSTAL_ADDRESS"}, .min_score = 0};
  std::string alone = "naissance;numero;adresse\n02/02/1979;12;rue des Lilas\n";
  EXPECT_EQ(FindKind(MakeScanner(options).Scan(alone), "FR_POSTAL_ADDRESS"), nullptr);
  std::string in_cell = "naissance;adresse\n02/02/1979;12 bis rue des Lilas\n";
  auto findings = MakeScanner(options).Scan(in_cell);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Slice(in_cell, findings[0]), "12 bis rue des Lilas");
  std::string with_postcode = "numero;voie;cp;ville\n12;rue des Lilas;71710;Charmoy\n";
  findings = MakeScanner(options).Scan(with_postcode);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Slice(with_postcode, findings[0]), "12;rue des Lilas;71710;Charmoy");
}

TEST(ScannerTest, AStreetLineAloneEndsOnItsLastCapitalizedWord) {
  // Not on "de" nor "la", in any case of its type of way.
  ScanOptions options{.kinds = {"FR_POSTAL_ADDRESS"}, .min_score = 0};
  for (std::string line : {"31 ter impasse de la Gare", "31 TER IMPASSE DE LA GARE",
                           "12 Rue Jean de La Fontaine", "4 bis allée des Érables"}) {
    std::string text = "Elle habite au " + line + " depuis mai.";
    auto findings = MakeScanner(options).Scan(text);
    ASSERT_EQ(findings.size(), 1u) << line;
    EXPECT_EQ(Slice(text, findings[0]), line);
  }
}

TEST(ScannerTest, QuotedCellsMayHoldDelimitersAndNewlines) {
  std::string csv = "nom,commentaire,tel\n\"Dupont, Jean\",\"ligne 1\nligne 2\",0612345678\n";
  auto findings = MakeScanner().Scan(csv);
  // The quoted cell is one cell: both names under "nom", nothing in the
  // comment, the phone under "tel".
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(Slice(csv, findings[0]), "Dupont");
  EXPECT_GE(findings[0].score, 0.9);  // a name under "nom"
  EXPECT_EQ(Slice(csv, findings[1]), "Jean");
  EXPECT_EQ(findings[2].kind, "PHONE_NUMBER");
  EXPECT_GE(findings[2].score, 0.9);  // under the "tel" header
}

TEST(ScannerTest, OverlapsKeepTheBetterFinding) {
  // A custom kind that also matches inside the phone number loses to it.
  DetectorSpec digits{.kind = "FOUR_DIGITS",
                      .category = Category::kIdentity,
                      .patterns = {"[0-9]{2} [0-9]{2}"},
                      .score = 0.55};
  ScanOptions options{.kinds = {"PHONE_NUMBER", "FOUR_DIGITS"}, .detectors = {digits}};
  auto findings = MakeScanner(options).Scan("tél 06 12 34 56 78");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "PHONE_NUMBER");
}

TEST(ScannerTest, DigitsInsideALongerNumberAreNotANumberOfTheirOwn) {
  // A NIR with a wrong key (a typo) holds a valid mobile number, from its
  // month on ("07 69 123 456"): that is no phone number, whatever its score.
  // The NIR stays a weak, unconfirmed guess.
  ScanOptions options{.min_score = 0.1};
  for (std::string text :
       {"NIR 2 87 07 69 123 456 23", "réf. 2 87 07 69 123 456 23 ok", "2870769123456 23"}) {
    auto findings = MakeScanner(options).Scan(text);
    EXPECT_EQ(FindKind(findings, "PHONE_NUMBER"), nullptr) << text;
  }
  std::string text = "NIR 2 87 07 69 123 456 23";
  auto findings = MakeScanner(options).Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "FR_NIR");
  EXPECT_EQ(findings[0].confidence, Confidence::kUnconfirmed);
  EXPECT_LE(findings[0].score, 0.3);
  EXPECT_TRUE(MakeScanner().Scan(text).empty());  // below the default min_score
  // The same phone number on its own, or beside other numbers, is one.
  for (std::string phone : {"tél 07 69 12 34 56", "07 69 12 34 56 / 06 12 34 56 78"}) {
    auto found = MakeScanner().Scan(phone);
    const Finding* f = FindKind(found, "PHONE_NUMBER");
    ASSERT_NE(f, nullptr) << phone;
    EXPECT_EQ(f->begin, phone.find("07 69"));
  }
}

TEST(ScannerTest, NestedTermsOfTwoKindsResolveAsOneChain) {
  // "sérologie" (lab test) ends first, "toxoplasmose" starts after it, and
  // "sérologie toxoplasmose" spans both: all three are one chain, and the
  // longest wins however the findings arrive.
  std::string text = "Sérologie toxoplasmose négative.";
  auto findings = MakeScanner().Scan(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "HEALTH_PREGNANCY");
  EXPECT_EQ(Slice(text, findings[0]), "Sérologie toxoplasmose");
}

TEST(ScannerTest, CustomRegexDetectorWithConfirmCallback) {
  // An employee number E-123456-K whose last letter is a check letter.
  DetectorSpec spec;
  spec.kind = "ACME_EMPLOYEE_ID";
  spec.category = Category::kIdentity;
  spec.patterns = {"E-[0-9]{6}-[A-Z]"};
  spec.keywords = {"matricule"};
  spec.score = 0.7;
  spec.confirm = [](std::string_view m) {
    int sum = 0;
    for (char c : m.substr(2, 6)) sum += c - '0';
    char expected = static_cast<char>('A' + sum % 26);
    if (m.back() != expected) return Verdict::Reject();
    return Verdict::Confirmed(-1, std::string(m.substr(2, 6)));
  };
  auto scanner = MakeScanner(ScanOptions{.builtin_detectors = false, .detectors = {spec}});
  std::string text =
      "matricule E-123456-V, autre E-123456-A" + std::string(80, ' ') + "sans contexte E-000001-B";
  auto findings = scanner.Scan(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(Slice(text, findings[0]), "E-123456-V");
  EXPECT_EQ(findings[0].value, "123456");
  EXPECT_GT(findings[0].score, 0.9);
  EXPECT_EQ(Slice(text, findings[1]), "E-000001-B");
  EXPECT_DOUBLE_EQ(findings[1].score, 0.7);
}

TEST(ScannerTest, CustomDetectorWindowsNegativeKeywordsAndUnconfirmed) {
  // A ticket number T-NNNN: "ticket" before it within window_before raises
  // it, "exemple" after it within window_after lowers it; a number ending
  // in 0 is kept but unconfirmed (a weaker score).
  DetectorSpec spec;
  spec.kind = "ACME_TICKET";
  spec.patterns = {"T-[0-9]{4}"};
  spec.keywords = {"ticket"};
  spec.negative_keywords = {"exemple"};
  spec.window_before = 10;
  spec.window_after = 12;
  spec.score = 0.6;
  spec.confirm = [](std::string_view m) {
    return m.back() == '0' ? Verdict::Unconfirmed(0.4) : Verdict::Confirmed();
  };
  auto scanner = MakeScanner(ScanOptions{.builtin_detectors = false, .detectors = {spec}});
  auto score_of = [&](const std::string& text) {
    auto findings = scanner.Scan(text, CallOptions{.min_score = 0});
    if (findings.size() != 1) ADD_FAILURE() << findings.size() << " findings in: " << text;
    return findings.empty() ? -1.0 : findings[0].score;
  };
  const double plain = score_of("vu T-1234 hier");
  EXPECT_DOUBLE_EQ(plain, 0.6);
  EXPECT_GT(score_of("ticket T-1234 hier"), plain);                     // within 10 bytes before
  EXPECT_DOUBLE_EQ(score_of("ticket, voir aussi T-1234 hier"), plain);  // 13 bytes before: outside
  EXPECT_LT(score_of("vu T-1234 (exemple)"), plain);                    // within 12 bytes after
  EXPECT_DOUBLE_EQ(score_of("vu T-1234 puis beaucoup plus tard exemple"), plain);  // outside
  auto unconfirmed = scanner.Scan("vu T-1230 hier", CallOptions{.min_score = 0});
  ASSERT_EQ(unconfirmed.size(), 1u);
  EXPECT_EQ(unconfirmed[0].confidence, Confidence::kUnconfirmed);
  EXPECT_LT(unconfirmed[0].score, plain);
  EXPECT_EQ(scanner.Scan("vu T-1234 hier")[0].confidence, Confidence::kConfirmed);
}

TEST(ScannerTest, CustomLiteralDetectorMatchesVariants) {
  DetectorSpec spec{.kind = "PROJECT_CODENAME", .literals = {"Opération Hélios"}, .score = 0.8};
  auto scanner = MakeScanner(ScanOptions{.builtin_detectors = false, .detectors = {spec}});
  std::string text = "voir OPERATION HELIOS et opération hélios, pas OpérationHélios2.";
  auto findings = scanner.Scan(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(Slice(text, findings[0]), "OPERATION HELIOS");
  EXPECT_EQ(Slice(text, findings[1]), "opération hélios");
}

TEST(ScannerTest, ThrowingCallbackRejectsInsteadOfCrashing) {
  DetectorSpec spec{.kind = "BOOM", .patterns = {"boom[0-9]"}};
  spec.confirm = [](std::string_view) -> Verdict { throw std::runtime_error("no"); };
  auto findings =
      MakeScanner(ScanOptions{.builtin_detectors = false, .detectors = {spec}}).Scan("a boom1 b");
  EXPECT_TRUE(findings.empty());
}

TEST(ScannerTest, KindsOptionKeepsOnlyThoseKinds) {
  auto scanner = MakeScanner(ScanOptions{.kinds = {"EMAIL_ADDRESS"}});
  EXPECT_EQ(scanner.Kinds(), std::vector<std::string>{"EMAIL_ADDRESS"});
  auto findings = scanner.Scan("tel 06 12 34 56 78 mail a@example.org");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, "EMAIL_ADDRESS");
}

TEST(ScannerTest, MinScoreDropsWeakFindings) {
  auto findings = MakeScanner(ScanOptions{.min_score = 0.99}).Scan("tel 06 12 34 56 78");
  EXPECT_TRUE(findings.empty());
}

TEST(ScannerTest, EachCallChoosesItsThresholdAndLayout) {
  // One compiled scanner, calls with other CallOptions: no second scanner.
  const Scanner& scanner = MakeScanner();
  EXPECT_EQ(scanner.default_call().min_score, 0.5);
  const std::string bare = "vu 185057512345673 hier";
  EXPECT_EQ(FindKind(scanner.Scan(bare), "FR_NIR"), nullptr);
  std::vector<Finding> low = scanner.Scan(bare, CallOptions{.min_score = 0.1});
  const Finding* weak = FindKind(low, "FR_NIR");
  ASSERT_NE(weak, nullptr);
  EXPECT_LT(weak->score, 0.5);
  // A header names a column of NIRs only when the text is read as a table.
  std::string csv = "num_secu;x\n";
  for (int i = 0; i < 30; ++i) csv += "a;b\n";  // the header out of a text's window
  csv += "185057512345673;y\n";
  EXPECT_NE(FindKind(scanner.Scan(csv), "FR_NIR"), nullptr);
  EXPECT_EQ(FindKind(scanner.Scan(csv, CallOptions{.layout = Layout::kText}), "FR_NIR"), nullptr);
  // A stream takes the same options, and out-of-range values are clamped.
  Stream stream = scanner.OpenStream(CallOptions{.min_score = 0.1});
  std::vector<Finding> streamed = stream.Write(bare);
  for (Finding& f : stream.Finish()) streamed.push_back(std::move(f));
  EXPECT_NE(FindKind(streamed, "FR_NIR"), nullptr);
  EXPECT_TRUE(scanner.Scan("tel 06 12 34 56 78", CallOptions{.min_score = 7}).empty());
  EXPECT_FALSE(scanner.Scan("tel 06 12 34 56 78", CallOptions{.min_score = -1}).empty());
}

TEST(ScannerTest, CreateExplainsBadOptions) {
  auto unknown = Scanner::Create(ScanOptions{.kinds = {"NOPE"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().find("unknown kind 'NOPE'"), std::string::npos);

  auto bad_regex = Scanner::Create(ScanOptions{.detectors = {{.kind = "X", .patterns = {"(a"}}}});
  ASSERT_FALSE(bad_regex.ok());
  EXPECT_NE(bad_regex.error().find("'(a'"), std::string::npos);

  auto unbounded =
      Scanner::Create(ScanOptions{.detectors = {{.kind = "X", .patterns = {"a[0-9]+"}}}});
  ASSERT_FALSE(unbounded.ok());
  EXPECT_NE(unbounded.error().find("512 bytes"), std::string::npos);

  auto bad_kind = Scanner::Create(ScanOptions{.detectors = {{.kind = "lower", .literals = {"x"}}}});
  EXPECT_FALSE(bad_kind.ok());

  auto twice = Scanner::Create(ScanOptions{.detectors = {{.kind = "FR_NIR", .literals = {"x"}}}});
  EXPECT_FALSE(twice.ok());

  EXPECT_FALSE(Scanner::Create(ScanOptions{.min_score = 1.5}).ok());
}

TEST(ScannerTest, EmptyInputHasNoFindings) {
  auto scanner = MakeScanner();
  EXPECT_TRUE(scanner.Scan("").empty());
  EXPECT_TRUE(scanner.Scan(std::string_view()).empty());
}

TEST(ScannerTest, InvalidUtf8AndNulBytesAreScannedAround) {
  const char raw[] =
      "\xff\xfe\x80 NIR \xc3 185057512345673\x00\xc3\xa9 tel 0612345678 \xe2\x82\0\0\xff";
  std::string text(raw, sizeof raw - 1);
  auto findings = MakeScanner().Scan(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(Slice(text, findings[0]), "185057512345673");
  EXPECT_EQ(Slice(text, findings[1]), "0612345678");
}

TEST(ScannerTest, SampleExportHasEveryRowFound) {
  std::string csv =
      vigie::testing::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/patients_labo.csv");
  ASSERT_FALSE(csv.empty());
  auto findings = MakeScanner().Scan(csv);
  size_t rows = static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')) - 1;
  for (const char* kind :
       {"FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH", "FR_POSTAL_ADDRESS"}) {
    size_t n = static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                                 [&](const Finding& f) { return f.kind == kind; }));
    EXPECT_EQ(n, rows) << kind;
  }
  // Family name, given name and attending physician on every row.
  EXPECT_EQ(std::count_if(findings.begin(), findings.end(),
                          [](const Finding& f) { return f.kind == "PERSON"; }),
            static_cast<std::ptrdiff_t>(3 * rows));
  for (const auto& f : findings) {
    // Identifiers under their column's header are certain; health terms in
    // the comment column are found at their own score.
    EXPECT_GE(f.score, f.category == Category::kHealth ? 0.5 : 0.9)
        << f.kind << " at line " << f.line;
    // Only an address spans cells (street, postcode, commune), never rows.
    std::string_view raw = std::string_view(csv).substr(f.begin, f.end - f.begin);
    EXPECT_EQ(raw.find('\n'), std::string::npos);
    if (f.kind != "FR_POSTAL_ADDRESS") {
      EXPECT_EQ(raw.find(';'), std::string::npos) << f.kind;
    }
  }
}

}  // namespace
}  // namespace vigie
