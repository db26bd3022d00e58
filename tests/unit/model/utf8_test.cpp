#include "model/utf8.h"

#include <gtest/gtest.h>

namespace utf8 = dossier::model::utf8;

TEST(Utf8, DecodesEachSequenceLength) {
  const std::string s = "a\u00E9\u20AC\U0001F600";
  std::vector<char32_t> cps;
  utf8::for_each(s, [&](char32_t cp, std::size_t) { cps.push_back(cp); });
  EXPECT_EQ(cps, (std::vector<char32_t>{'a', 0xE9, 0x20AC, 0x1F600}));
  EXPECT_EQ(utf8::length(s), 4u);
}

TEST(Utf8, RejectsOverlongsSurrogatesAndOutOfRange) {
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF8"}) {
    EXPECT_FALSE(utf8::decode(bad, 0).valid)
        << "lead byte " << int(static_cast<unsigned char>(bad[0]));
    EXPECT_FALSE(utf8::is_valid(bad));
  }
}

TEST(Utf8, DamagedSequenceConsumesOnlyWhatFitted) {
  // "é" missing its continuation byte, followed by "x": the x must survive.
  const utf8::Decoded d = utf8::decode("\xC3x", 0);
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.length, 1u);
}

TEST(Utf8, EncodesRoundTrip) {
  for (char32_t cp : {U'A', U'\u00FC', U'\u0131', U'\u20AC', U'\U0001F600'}) {
    const std::string s = utf8::encode(cp);
    EXPECT_EQ(utf8::decode(s, 0).cp, cp);
    EXPECT_EQ(utf8::decode(s, 0).length, s.size());
  }
}
