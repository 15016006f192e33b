// SPDX-License-Identifier: Apache-2.0
// Streams yield exactly the findings of a one-block scan, whatever the
// chunking, including values cut across two chunks.
#include <gtest/gtest.h>

#include <random>

#include "corpus.h"
#include "test_util.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

std::vector<Finding> StreamInChunks(const Scanner& scanner, std::string_view text,
                                    std::mt19937& rng, size_t max_chunk) {
  Stream stream = scanner.OpenStream();
  std::vector<Finding> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t n = std::min<size_t>(text.size() - at, 1 + rng() % max_chunk);
    // A copy that dies after the call: the stream must not keep pointers.
    std::string chunk(text.substr(at, n));
    for (auto& f : stream.Write(chunk)) out.push_back(std::move(f));
    at += n;
  }
  for (auto& f : stream.Finish()) out.push_back(std::move(f));
  std::stable_sort(out.begin(), out.end(),
                   [](const Finding& a, const Finding& b) { return a.begin < b.begin; });
  return out;
}

void ExpectStreamEqualsBlock(const Scanner& scanner, const std::string& text, uint32_t seed) {
  auto block = scanner.Scan(text);
  std::mt19937 rng(seed);
  for (size_t max_chunk : {1, 3, 17, 256, 4096, 100000}) {
    vigie::testing::ExpectSameFindings(StreamInChunks(scanner, text, rng, max_chunk), block,
                                       "max chunk " + std::to_string(max_chunk));
  }
}

TEST(StreamTest, EqualsBlockOnProseOverRandomChunkings) {
  const Scanner* scanner = &vigie::testing::CachedScanner({.min_score = 0});
  std::string text = vigie::testing::FrenchProse(60000);
  ASSERT_GT(scanner->Scan(text).size(), 50u);
  ExpectStreamEqualsBlock(*scanner, text, 1);
}

TEST(StreamTest, EqualsBlockOnQualifiedHealthFindings) {
  // Qualifiers read the bytes between a trigger and its finding, which a
  // stream may have received in another chunk.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text +=
        "Pas de diabète connu. Suspicion de tuberculose pulmonaire. Mère diabétique, "
        "antécédents d'asthme. Il n'y a pas de doute sur le lupus. Sérologie VIH négative.\n";
  }
  const Scanner& scanner = vigie::testing::CachedScanner();
  size_t qualified = 0;
  for (const auto& f : scanner.Scan(text)) qualified += f.qualifiers != 0;
  ASSERT_GE(qualified, 40u * 5);
  ExpectStreamEqualsBlock(scanner, text, 7);
}

TEST(StreamTest, EqualsBlockOnNamesAndTheirTitles) {
  // A name is weighed with the title and the words before it, which a
  // stream may have received in another chunk.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text +=
        "médecin traitant : Dr Martin\nVu Sabine Leduc ce matin. Compte rendu pour PICARD "
        "Olivie.\nLycée Victor Hugo, Mme Hélène Garnier et J. Dupont, 12 bis rue des Lilas.\n";
  }
  const Scanner& scanner = vigie::testing::CachedScanner({.min_score = 0});
  size_t providers = 0;
  for (const auto& f : scanner.Scan(text)) providers += f.context == "HEALTH_PROVIDER";
  ASSERT_EQ(providers, 40u);
  ExpectStreamEqualsBlock(scanner, text, 11);
}

TEST(StreamTest, EqualsBlockOnDelimitedExport) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  std::string text = vigie::testing::LabExport(40000);
  ASSERT_GT(scanner->Scan(text).size(), 300u);
  ExpectStreamEqualsBlock(*scanner, text, 2);
}

TEST(StreamTest, EqualsBlockOnTheSampleFiles) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  for (const char* name : {"patients_labo.csv", "compte_rendu.txt"}) {
    std::string text =
        vigie::testing::ReadFile(std::string(VIGIE_SOURCE_DIR) + "/examples/data/" + name);
    ASSERT_FALSE(text.empty()) << name;
    ExpectStreamEqualsBlock(*scanner, text, 3);
  }
}

TEST(StreamTest, NirCutAcrossTwoChunksIsFound) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  std::string text = "Numéro de sécurité sociale : 2 84 05 2A 321 025 52 fin";
  size_t nir = text.find("2 84");
  for (size_t cut = nir; cut <= nir + 21; ++cut) {
    Stream stream = scanner->OpenStream();
    auto first = stream.Write(std::string_view(text).substr(0, cut));
    auto second = stream.Write(std::string_view(text).substr(cut));
    auto last = stream.Finish();
    size_t total = first.size() + second.size() + last.size();
    ASSERT_EQ(total, 1u) << "cut at " << cut;
    const Finding& f = !first.empty() ? first[0] : !second.empty() ? second[0] : last[0];
    EXPECT_EQ(f.begin, nir);
    EXPECT_EQ(f.value, "284052A32102552");
  }
}

TEST(StreamTest, FindingsComeOutBeforeTheEnd) {
  // Bounded delay: a finding is final once enough bytes follow it (and the
  // layout is known, which takes two lines or 64 KiB).
  const Scanner* scanner = &vigie::testing::CachedScanner();
  Stream stream = scanner->OpenStream();
  auto early = stream.Write("NIR 2 84 05 2A 321 025 52\n" + std::string(5000, ' ') + "\n");
  EXPECT_EQ(early.size(), 1u);
  EXPECT_TRUE(stream.Finish().empty());
}

TEST(StreamTest, LongStreamInSmallChunksKeepsWorking) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  std::string text = vigie::testing::FrenchProse(200000, 5);
  size_t expected = scanner->Scan(text).size();
  Stream stream = scanner->OpenStream();
  size_t found = 0;
  for (int round = 0; round < 20; ++round) {
    for (size_t at = 0; at < text.size(); at += 65536) {
      found += stream.Write(std::string_view(text).substr(at, 65536)).size();
    }
  }
  found += stream.Finish().size();
  EXPECT_EQ(stream.bytes_written(), 20 * text.size());
  // The rounds are glued together, so the first and last sentences may
  // differ; every round finds what one block finds.
  EXPECT_NEAR(static_cast<double>(found), 20.0 * static_cast<double>(expected), 20.0);
}

TEST(StreamTest, WriteAfterFinishDoesNothing) {
  const Scanner* scanner = &vigie::testing::CachedScanner();
  Stream stream = scanner->OpenStream();
  stream.Write("tel 06 12 34 56 78");
  EXPECT_EQ(stream.Finish().size(), 1u);
  EXPECT_TRUE(stream.Write("tel 06 12 34 56 78").empty());
  EXPECT_TRUE(stream.Finish().empty());
}

}  // namespace
}  // namespace vigie
