// SPDX-License-Identifier: Apache-2.0
// Postal addresses: parsing, the postcode-commune check, and the detector.
#include "vigie/address.h"

#include <gtest/gtest.h>

#include "test_util.h"
#include "text/utf8.h"
#include "validate/address_internal.h"
#include "vigie/vigie.h"

namespace vigie {
namespace {

TEST(AddressTest, PublicExamplesParse) {
  // Establishment addresses in La Poste style: abbreviated types of way,
  // BP/CS, CEDEX, overseas departments and collectivities.
  for (const std::string& line :
       vigie::testing::ReadLines("vectors/address_fr_public_examples.txt")) {
    AddressParse p = ParseAddress(line);
    EXPECT_TRUE(p.valid) << line << ": " << p.reason;
    EXPECT_TRUE(p.has_street) << line;
  }
}

// AddressWords cuts and folds a text once, then parses it from any start:
// each parse equals ParseAddress of the text from that start.
TEST(AddressTest, ParsesFromEveryStartAsParseAddressDoes) {
  std::vector<std::string> texts = {
      "NOM;Jean;12 bis rue des Lilas;56000;Vannes;Dr Neron;Swiss Life;RAS\n"
      "DUPONT;Marie;3 rond-point de l'Église;35000;Rennes;06 39 98 00 11",
      "Mme Hélène GARNIER, demeurant 21 ter avenue Jean Jaurès,\nBP 381 97150 ST MARTIN",
      "écrire au 4 R AUGUST NYMAN 97133 ST BARTHELEMY ou au 15-17 av. du Général Leclerc",
      "CS 11021 - 35010 RENNES CEDEX 9; tour Eiffel, 5 avenue Anatole France 75007 Paris"};
  // Real addresses (the public examples) and invented ones (Faker's, whose
  // communes mostly do not match their postcodes), in running text.
  for (const char* file :
       {"vectors/address_fr_public_examples.txt", "vectors/faker_address_fr.txt"}) {
    for (const std::string& line : vigie::testing::ReadLines(file)) {
      if (texts.size() < 60) texts.push_back("Tél. 06 39 98 00 11, adresse : " + line);
    }
  }
  size_t valid = 0;
  size_t invalid = 0;
  size_t ruled_out = 0;
  for (const std::string& text : texts) {
    AddressWords words(text);
    for (size_t s = 0; s < text.size(); ++s) {
      if (text::WordCharBefore(text, s) || !text::WordCharAt(text, s)) continue;
      AddressParse want = ParseAddress(std::string_view(text).substr(s));
      AddressParse got = words.ParseFrom(s);
      ASSERT_EQ(got.valid, want.valid) << text.substr(s) << ": " << want.reason;
      // MayStartAt rules out no start that parses, and most that do not.
      bool may = words.MayStartAt(s);
      if (!want.valid) {
        ruled_out += may ? 0 : 1;
        ++invalid;
        continue;
      }
      EXPECT_TRUE(may) << text.substr(s);
      ++valid;
      EXPECT_EQ(got.has_street, want.has_street) << text.substr(s);
      EXPECT_EQ(got.has_locality, want.has_locality) << text.substr(s);
      EXPECT_EQ(got.address.normalized, want.address.normalized) << text.substr(s);
      EXPECT_EQ(got.address.commune, want.address.commune) << text.substr(s);
    }
  }
  EXPECT_GT(valid, 30u);
  EXPECT_GT(ruled_out, invalid * 3 / 4);
}

TEST(AddressTest, Components) {
  AddressParse p = ParseAddress("12 bis rue des Lilas, 56000 Vannes");
  ASSERT_TRUE(p.valid) << p.reason;
  EXPECT_EQ(p.address.number, "12");
  EXPECT_EQ(p.address.number_suffix, "BIS");
  EXPECT_EQ(p.address.street_type, "RUE");
  EXPECT_EQ(p.address.street_name, "DES LILAS");
  EXPECT_EQ(p.address.postcode, "56000");
  EXPECT_EQ(p.address.commune_official, "Vannes");
  EXPECT_EQ(p.address.normalized, "12 BIS RUE DES LILAS\n56000 VANNES");

  AddressParse range = ParseAddress("15-17 av. du Général Leclerc\n75014 Paris");
  ASSERT_TRUE(range.valid) << range.reason;
  EXPECT_EQ(range.address.number, "15-17");
  EXPECT_EQ(range.address.street_type, "AVENUE");
  EXPECT_EQ(range.address.street_name, "DU GENERAL LECLERC");
}

TEST(AddressTest, CedexOverseasAndArrondissements) {
  AddressParse cedex = ParseAddress("AV ALEXIS BLAISE BP 6006 97306 CAYENNE CEDEX");
  ASSERT_TRUE(cedex.valid) << cedex.reason;
  EXPECT_TRUE(cedex.address.cedex);
  EXPECT_EQ(cedex.address.complement, "BP 6006");
  EXPECT_EQ(cedex.address.commune_official, "Cayenne");
  AddressParse saint = ParseAddress("4 R AUGUST NYMAN 97133 ST BARTHELEMY");
  ASSERT_TRUE(saint.valid) << saint.reason;
  EXPECT_EQ(saint.address.commune_official, "Saint-Barthélemy");
  EXPECT_TRUE(ParseAddress("1 rue de la Manutention 75116 PARIS").valid);
  EXPECT_TRUE(ParseAddress("6 Place du Pese Lait 01640 L'Abergement-de-Varey").valid);
  // A CEDEX code of another department than the commune's.
  EXPECT_FALSE(ParseAddress("BP 12 56000 CAYENNE CEDEX").valid);
}

TEST(AddressTest, PostcodeAndCommuneMustAgree) {
  AddressParse p = ParseAddress("12 rue des Lilas, 56000 Lyon");
  EXPECT_FALSE(p.valid);
  EXPECT_EQ(p.reason, "commune does not match the postcode");
  EXPECT_FALSE(ParseAddress("12 rue des Lilas, 00000 Vannes").valid);
  // Faker's communes are invented: their addresses never validate.
  size_t valid = 0, lines = 0;
  for (const std::string& line : vigie::testing::ReadLines("vectors/faker_address_fr.txt")) {
    valid += ParseAddress(line).valid;
    ++lines;
  }
  EXPECT_EQ(lines, 2000u);
  EXPECT_LE(valid, 5u);
}

TEST(AddressTest, StreetLineAlone) {
  AddressParse p = ParseAddress("12 bis rue des Lilas");
  ASSERT_TRUE(p.valid) << p.reason;
  EXPECT_TRUE(p.has_street);
  EXPECT_FALSE(p.has_locality);
  EXPECT_EQ(p.address.street_name, "DES LILAS");
  EXPECT_EQ(p.address.normalized, "12 BIS RUE DES LILAS");
  EXPECT_TRUE(ParseAddress("15-17 av. du Général Leclerc").valid);
  EXPECT_TRUE(ParseAddress("5 RUE VICTOR HUGO").valid);
  EXPECT_TRUE(ParseAddress("12 rue de la Paix").valid);
  // Not street lines: no type of way, no number, no capital, words after
  // the name, complements without a locality.
  for (const char* not_street : {"12 mars 2024", "rue des Lilas", "2 cours de maths",
                                 "12 rue des Lilas et il", "BP 12", "12 rue"}) {
    AddressParse q = ParseAddress(not_street);
    EXPECT_FALSE(q.valid) << not_street;
    EXPECT_FALSE(q.reason.empty()) << not_street;
  }
  AddressParse whole = ParseAddress("12 bis rue des Lilas, 56000 Vannes");
  EXPECT_TRUE(whole.has_locality);
}

std::vector<Finding> Addresses(const std::string& text) {
  std::vector<Finding> out;
  for (auto& f : vigie::testing::CachedScanner({.min_score = 0}).Scan(text)) {
    if (f.kind == "FR_POSTAL_ADDRESS") out.push_back(f);
  }
  return out;
}

TEST(AddressTest, DetectorFindsOneLineAndAfnorForms) {
  std::string text = "Patiente domiciliée au 12 bis rue des Lilas, 56000 Vannes, vue ce jour.";
  auto one = Addresses(text);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(text.substr(one[0].begin, one[0].end - one[0].begin),
            "12 bis rue des Lilas, 56000 Vannes");
  EXPECT_GE(one[0].score, 0.9);
  EXPECT_EQ(one[0].category, Category::kContact);
  EXPECT_EQ(one[0].value, "12 BIS RUE DES LILAS, 56000 VANNES");
  std::string afnor = "Madame Hélène Garnier\nBâtiment B\n3 place Bellecour\n69002 LYON\n";
  auto lines = Addresses(afnor);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(afnor.substr(lines[0].begin, lines[0].end - lines[0].begin),
            "Bâtiment B\n3 place Bellecour\n69002 LYON");  // the building line belongs to it
  EXPECT_EQ(lines[0].value, "3 PLACE BELLECOUR, BATIMENT B, 69002 LYON");
  // Two addresses on consecutive lines stay two.
  EXPECT_EQ(Addresses("900 RTE DE PARIS 01440 VIRIAT\n9 RTE DE BESANCON 25300 DOUBS\n").size(), 2u);
}

TEST(AddressTest, NumbersAndLocalitiesAloneAreNotAddresses) {
  EXPECT_TRUE(Addresses("Il y avait 12000 personnes et 56000 visiteurs.").empty());
  // Postcode and commune alone: a weak guess, reported only with context.
  auto bare = vigie::testing::CachedScanner().Scan("Le colis part de 56000 Vannes demain.");
  EXPECT_TRUE(bare.empty());
  auto named = vigie::testing::CachedScanner().Scan("Adresse : 56000 Vannes.");
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].kind, "FR_POSTAL_ADDRESS");
}

TEST(AddressTest, StreetLineWithoutPostcodeIsMedium) {
  std::string text = "Le patient vit au 12 bis rue des Lilas depuis 2019.";
  auto found = Addresses(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "12 bis rue des Lilas");
  EXPECT_GE(found[0].score, 0.5);
  EXPECT_LT(found[0].score, 0.9);
  EXPECT_EQ(found[0].value, "12 BIS RUE DES LILAS");
  // With context it is sure.
  auto labelled = Addresses("Domicile : 8 avenue Jean Jaurès");
  ASSERT_EQ(labelled.size(), 1u);
  EXPECT_GE(labelled[0].score, 0.9);
  // A street line before a postcode line stays one address.
  auto whole = Addresses("3 place Bellecour 69002 Lyon");
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_GE(whole[0].score, 0.9);
  // After another address, on the same line.
  EXPECT_EQ(Addresses("56000 Vannes, puis 12 rue des Lilas").size(), 2u);
  // Counting and dates are not streets.
  EXPECT_TRUE(Addresses("Il a suivi 2 cours de maths et 3 Place Publique le 12 mars.").size() <= 1);
  EXPECT_TRUE(Addresses("Le 12 mars 2024, 3 chemins menaient au village.").empty());
}

}  // namespace
}  // namespace vigie
