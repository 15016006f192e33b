// SPDX-License-Identifier: Apache-2.0
// What reads as text around a word (text::LooksLikeText).
#include "text/utf8.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace vigie::text {
namespace {

const std::string kFrench =
    "Patiente de 34 ans, enceinte de 12 SA, suivie pour un diabète gestationnel ; "
    "groupe sanguin A+, sérologie VIH négative. Mère : hypertension. « Traitement » "
    "par insuline — contrôle à J+7, œdème des membres inférieurs, température 37,8 °C.\n";

TEST(LooksLikeTextTest, TextInAnyEncodingAndItsWhitespace) {
  EXPECT_TRUE(LooksLikeText(""));
  EXPECT_TRUE(LooksLikeText("groupe sanguin A+\tRh+\r\n\v\f"));
  EXPECT_TRUE(LooksLikeText(kFrench));
  // Latin-1 and Windows-1252: bytes beyond ASCII that are no UTF-8.
  EXPECT_TRUE(
      LooksLikeText("H\xe9l\xe8ne a un diab\xe8te, l\x92\x9c"
                    "d\xe8me du pied"));
  // Another script, all beyond ASCII: valid UTF-8.
  EXPECT_TRUE(LooksLikeText("Пациентка беременна, срок 12 недель"));
}

TEST(LooksLikeTextTest, EveryWindowOfTextWhateverItCuts) {
  // A window may begin or end inside a character.
  for (size_t width : {8, 24, 64}) {
    for (size_t at = 0; at + width <= kFrench.size(); ++at) {
      EXPECT_TRUE(LooksLikeText(std::string_view(kFrench).substr(at, width))) << at << " " << width;
    }
  }
  const std::string cyrillic = "Пациентка беременна";
  for (size_t at = 0; at + 9 <= cyrillic.size(); ++at) {
    EXPECT_TRUE(LooksLikeText(std::string_view(cyrillic).substr(at, 9))) << at;
  }
}

TEST(LooksLikeTextTest, ControlBytesAndBytesOfNoEncoding) {
  EXPECT_FALSE(LooksLikeText(std::string("SA\0A+", 5)));
  EXPECT_FALSE(LooksLikeText("SA \x01 A+"));
  EXPECT_FALSE(LooksLikeText("SA \x1b[0m"));
  EXPECT_FALSE(LooksLikeText("SA \x7f"));
  // Mostly beyond ASCII and not UTF-8.
  EXPECT_FALSE(LooksLikeText("\xff\xfe\xc3\x28 SA \xa0\xa1\xe2\x28\xa1"));
  EXPECT_FALSE(LooksLikeText("\xe9\xe8\xea\xeb\xe0\xe2"));
}

TEST(LooksLikeTextTest, RandomBytesNeverReadAsText) {
  // The neighbourhood the scanner checks: 32 bytes on each side of a word.
  std::mt19937 random(2021);
  int text = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string window(64, '\0');
    for (char& c : window) c = static_cast<char>(random() & 0xFF);
    window.replace(30, 2, "SA");
    text += LooksLikeText(window) ? 1 : 0;
  }
  EXPECT_EQ(text, 0);
}

}  // namespace
}  // namespace vigie::text
