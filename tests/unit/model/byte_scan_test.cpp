// The block scans of model/byte_scan.h give what their byte-at-a-time definitions give, at
// every length and offset around the sixteen-byte blocks.
#include "model/byte_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace bytes = dossier::model::bytes;

namespace {

std::string random_bytes(std::mt19937& rng, std::size_t size) {
  // Mostly ASCII, as text is, with every kind of byte the scans tell apart.
  static constexpr unsigned char kBytes[] = {'a',  'Z',  ' ',  '.',  '\t', '\n', '\r',
                                             '\f', 0x00, 0x01, 0x1F, 0x7F, 0x80, 0xBF,
                                             0xC0, 0xC3, 0xE2, 0xFF, 'e',  't'};
  std::string s;
  for (std::size_t i = 0; i < size; ++i) {
    s += static_cast<char>(rng() % 4 == 0 ? kBytes[rng() % sizeof kBytes] : 'a' + rng() % 26);
  }
  return s;
}

TEST(ByteScan, BlockScansEqualTheirDefinitions) {
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_bytes(rng, rng() % 70);
    ASSERT_EQ(bytes::count_code_points(s), bytes::count_code_points_bytewise(s));
    ASSERT_EQ(bytes::count_binary_controls(s), bytes::count_binary_controls_bytewise(s));
    for (std::size_t from = 0; from <= s.size(); ++from) {
      ASSERT_EQ(bytes::first_non_ascii(s, from), bytes::first_non_ascii_bytewise(s, from));
    }
  }
}

TEST(ByteScan, CountsPastTheLanesLimit) {
  // More than 255 blocks of sixteen bytes: the per-lane counters are emptied on the way.
  std::mt19937 rng(11);
  const std::string s = random_bytes(rng, 16 * 700 + 9);
  EXPECT_EQ(bytes::count_code_points(s), bytes::count_code_points_bytewise(s));
  EXPECT_EQ(bytes::count_binary_controls(s), bytes::count_binary_controls_bytewise(s));
  const std::string continuations(16 * 300, '\x80');
  EXPECT_EQ(bytes::count_code_points(continuations), 0u);
}

TEST(ByteScan, FindsTheFirstNonAsciiByteInALaterBlock) {
  std::string s(40, 'x');
  s[37] = '\xC3';
  EXPECT_EQ(bytes::first_non_ascii(s), 37u);
  EXPECT_EQ(bytes::first_non_ascii(std::string(40, 'x')), 40u);
}

TEST(ByteScan, CountsCodePointsOfMultibyteText) {
  EXPECT_EQ(bytes::count_code_points("Zürich \u2014 Kyiv \u201Ctalks\u201D, 2025"), 27u);
}

TEST(ByteScan, CountsControlsButTabsAndLineEnds) {
  std::string s = "a\tb\nc\rd\fe";
  s += std::string(20, '\x01');
  s += '\0';
  s += '\x7F';  // DEL is not a C0 control
  EXPECT_EQ(bytes::count_binary_controls(s), 21u);
}

}  // namespace
