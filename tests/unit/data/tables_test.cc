// SPDX-License-Identifier: Apache-2.0
// The tables prepared at build time hold what the source files of
// lib/data say, read here the plain way (a hash map built from the rows).
#include "data/tables.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "data/embedded.h"
#include "validate/address_internal.h"
#include "validate/person.h"

namespace vigie::data {
namespace {

std::string Source(const std::string& name) {
  std::ifstream in(std::string(VIGIE_SOURCE_DIR) + "/lib/data/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

uint32_t Count(std::string_view cell) {
  return static_cast<uint32_t>(std::stoul(std::string(cell)));
}

TEST(TablesTest, NamesHoldTheMergedListsOfInsee) {
  std::map<std::string, NameEntry> expected;
  std::string given = Source("names/given_names.tsv");
  ForEachRow(given, [&](const std::vector<std::string_view>& c) {
    NameEntry& e = expected[validate::FoldName(c[0])];
    if (Count(c[2]) > e.given) e.sex = c[1] == "1" ? 'M' : c[1] == "2" ? 'F' : 0;
    e.given += Count(c[2]);
    e.given_ambiguous = e.given_ambiguous || c[3] == "1";
  });
  std::string family = Source("names/family_names.tsv");
  ForEachRow(family, [&](const std::vector<std::string_view>& c) {
    NameEntry& e = expected[validate::FoldName(c[0])];
    e.family += Count(c[1]);
    e.family_ambiguous = e.family_ambiguous || c[2] == "1";
  });
  ASSERT_GT(expected.size(), 80000u);
  ASSERT_EQ(kNamesByKey.rows, expected.size());
  for (const auto& [key, want] : expected) {
    auto [first, last] = kNamesByKey.EqualRange(key);
    ASSERT_EQ(last - first, 1u) << key;
    const NameEntry& got = kNameEntries[first];
    EXPECT_EQ(got.given, want.given) << key;
    EXPECT_EQ(got.family, want.family) << key;
    EXPECT_EQ(got.sex, want.sex) << key;
    EXPECT_EQ(got.given_ambiguous, want.given_ambiguous) << key;
    EXPECT_EQ(got.family_ambiguous, want.family_ambiguous) << key;
  }
  EXPECT_EQ(kNamesByKey.EqualRange("ZZZZQX").first, kNamesByKey.EqualRange("ZZZZQX").second);
  EXPECT_EQ(kNameEntries[kNamesByKey.EqualRange("HELENE").first].sex, 'F');

  // The first words of the names of several words, and nothing else.
  std::map<std::string, int> firsts;
  for (const auto& [key, entry] : expected) {
    if (size_t space = key.find(' '); space != std::string::npos) ++firsts[key.substr(0, space)];
  }
  ASSERT_GT(firsts.size(), 20u);
  EXPECT_GT(firsts["LE"], 100);
  EXPECT_EQ(kNameFirstWords.rows, firsts.size());
  for (const auto& [first, count] : firsts) {
    auto [begin, end] = kNameFirstWords.EqualRange(first);
    EXPECT_EQ(end - begin, 1u) << first;
  }
  EXPECT_EQ(kNameFirstWords.EqualRange("MARTIN").first,
            kNameFirstWords.EqualRange("MARTIN").second);
}

TEST(TablesTest, PlacesKeepEveryPairInTheOrderOfTheSource) {
  std::map<std::string, std::vector<std::string>> by_postcode, by_commune;
  std::string places = Source("places/postcode_commune.tsv");
  ForEachRow(places, [&](const std::vector<std::string_view>& c) {
    if (c[0] == "code_postal") return;
    std::string key = CommuneKey(c[2]);
    by_postcode[std::string(c[0])].push_back(key + "\t" + std::string(c[2]));
    by_commune[key].push_back(std::string(c[0]));
  });
  ASSERT_GT(by_postcode.size(), 6000u);
  size_t rows = 0;
  for (const auto& [postcode, communes] : by_postcode) {
    auto [first, last] = kCommunesByPostcode.EqualRange(postcode);
    ASSERT_EQ(last - first, communes.size()) << postcode;
    for (size_t i = first; i < last; ++i) {
      std::string_view row = kCommunesByPostcode.Row(i);
      EXPECT_EQ(std::string(Field(row, 1)) + "\t" + std::string(Field(row, 2)),
                communes[i - first]);
    }
    rows += communes.size();
  }
  EXPECT_EQ(kCommunesByPostcode.rows, rows);
  for (const auto& [key, postcodes] : by_commune) {
    auto [first, last] = kPostcodesByCommune.EqualRange(key);
    ASSERT_EQ(last - first, postcodes.size()) << key;
    for (size_t i = first; i < last; ++i) {
      EXPECT_EQ(Field(kPostcodesByCommune.Row(i), 1), postcodes[i - first]) << key;
    }
  }
  auto [v, v_end] = kCommunesByPostcode.EqualRange("56000");
  ASSERT_EQ(v_end - v, 1u);
  EXPECT_EQ(Field(kCommunesByPostcode.Row(v), 2), "Vannes");
}

}  // namespace
}  // namespace vigie::data
