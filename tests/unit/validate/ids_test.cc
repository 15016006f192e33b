// SPDX-License-Identifier: Apache-2.0
// Company, tax, health-system and document numbers against the published
// vectors (tests/data/vectors, sources in its README).
#include <gtest/gtest.h>

#include "test_util.h"
#include "vigie/validate.h"

namespace vigie {
namespace {

using vigie::testing::ExpectAll;
using vigie::testing::ReadLines;

TEST(SirenTest, Vectors) {
  ExpectAll("siren_valid.txt", ValidateSiren, true, 18);
  ExpectAll("siren_invalid.txt", ValidateSiren, false, 1);
  ExpectAll("faker_siren.txt", ValidateSiren, true, 2000);
}

TEST(SiretTest, VectorsIncludingLaPoste) {
  ExpectAll("siret_valid.txt", ValidateSiret, true, 64);
  ExpectAll("siret_invalid.txt", ValidateSiret, false, 2);
  ExpectAll("siret_laposte_valid.txt", ValidateSiret, true, 3);
  ExpectAll("faker_siret.txt", ValidateSiret, true, 2000);
  EXPECT_EQ(ValidateSiret("35600000049838").reason, "La Poste check fails");
}

TEST(TvaTest, VectorsIncludingMonacoAndLetterKeys) {
  ExpectAll("tva_fr_valid.txt", ValidateTvaFr, true, 7);
  ExpectAll("tva_fr_invalid.txt", ValidateTvaFr, false, 2);
  ExpectAll("tva_fr_monaco.txt", ValidateTvaFr, true, 1);
  ExpectAll("faker_tva_fr.txt", ValidateTvaFr, true, 2000);
  EXPECT_EQ(ValidateTvaFr("Fr 40 303 265 045").normalized, "FR40303265045");
}

TEST(NifTest, Vectors) {
  ExpectAll("nif_fr_valid.txt", ValidateNifFr, true, 1);
  ExpectAll("nif_fr_invalid.txt", ValidateNifFr, false, 3);
}

TEST(HealthIdsTest, RppsAdeliFiness) {
  ExpectAll("rpps_valid.txt", ValidateRpps, true, 10);
  ExpectAll("adeli_valid.txt", ValidateAdeli, true, 3);
  ExpectAll("finess_valid.txt", ValidateFiness, true, 29);
  EXPECT_FALSE(ValidateRpps("10001045368").valid);
  EXPECT_FALSE(ValidateFiness("010000025").valid);
  EXPECT_TRUE(ValidateFiness("2A0000013").valid);  // Corsica: shape only
}

TEST(HealthIdsTest, IdNatPsIsEightPlusRppsOrZeroPlusAdeli) {
  for (const auto& id : ReadLines("vectors/idnat_ps_valid.txt")) {
    std::string_view v = id;
    bool ok = v[0] == '8' ? ValidateRpps(v.substr(1)).valid : ValidateAdeli(v.substr(1)).valid;
    EXPECT_TRUE(ok) << id;
  }
}

TEST(Cip13Test, EveryBdpmPackageCode) {
  ExpectAll("cip13_all_bdpm2021.txt", ValidateCip13, true, 20567);
  EXPECT_FALSE(ValidateCip13("3400949974154").valid);
  EXPECT_FALSE(ValidateCip13("4400949974153").valid);
}

TEST(Cip13Test, CipSevenIsTheMiddleOfCip13) {
  auto cip13 = ReadLines("vectors/cip13_valid.txt");
  auto cip7 = ReadLines("vectors/cip7_valid.txt");
  ASSERT_EQ(cip13.size(), cip7.size());
  for (size_t i = 0; i < cip13.size(); ++i) EXPECT_EQ(cip13[i].substr(5, 7), cip7[i]);
}

TEST(DocumentsTest, IdentityCards) {
  // The 2021 specimen's MRZ reads X4RTBPFW4 then its check digit 6; the old
  // card's reads 1710GVA12345 then 1.
  EXPECT_TRUE(ValidateCni("X4RTBPFW4", "6").valid);
  EXPECT_FALSE(ValidateCni("X4RTBPFW4", "7").valid);
  EXPECT_TRUE(ValidateCni("1710GVA12345", "1").valid);
  EXPECT_FALSE(ValidateCni("1710GVA12345", "2").valid);
  ExpectAll(
      "cni_fr_2021_valid.txt", [](std::string_view v) { return ValidateCni(v); }, true, 1);
  ExpectAll(
      "cni_fr_old_valid.txt", [](std::string_view v) { return ValidateCni(v); }, true, 1);
  EXPECT_FALSE(ValidateCni("X4RTBPFW").valid);
}

TEST(DocumentsTest, PassportShape) {
  ExpectAll("passport_fr_format_examples.txt", ValidatePassportFr, true, 1);
  EXPECT_FALSE(ValidatePassportFr("123B34567").valid);
}

}  // namespace
}  // namespace vigie
