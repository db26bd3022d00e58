// scan_line: which repairs a line could need. The block scan (sixteen bytes at a time) must
// say exactly what the byte-at-a-time scan says, across block edges too.
#include "normalize/line_triggers.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using dossier::normalize::LineTriggers;
using dossier::normalize::scan_line;
using dossier::normalize::scan_line_bytewise;

namespace {

std::string describe(const LineTriggers& t) {
  std::string out;
  const std::pair<const char*, bool> flags[] = {{"non_ascii", t.non_ascii},
                                                {"latin1_letters", t.latin1_letters},
                                                {"c1", t.c1},
                                                {"ampersand", t.ampersand},
                                                {"invisible", t.invisible},
                                                {"compatibility", t.compatibility},
                                                {"beyond_nfc_safe", t.beyond_nfc_safe},
                                                {"quotes", t.quotes},
                                                {"other_script", t.other_script},
                                                {"spacing", t.spacing},
                                                {"punctuation", t.punctuation}};
  for (const auto& [name, on] : flags) {
    if (on) out += std::string(out.empty() ? "" : " ") + name;
  }
  return out;
}

TEST(LineTriggers, CleanProseTriggersNothing) {
  const LineTriggers t = scan_line("The talks resumed on Monday, and both sides sent envoys.");
  EXPECT_EQ(describe(t), "");
}

TEST(LineTriggers, PairsAcrossABlockEdge) {
  // The pair sits on bytes 15 and 16: the last of one block and the first of the next.
  std::string two_spaces(15, 'x');
  two_spaces += "  and more text after";
  EXPECT_TRUE(scan_line(two_spaces).spacing);
  std::string space_comma(15, 'x');
  space_comma += " , then more words";
  EXPECT_TRUE(scan_line(space_comma).punctuation);
  std::string stop_capital(15, 'x');
  stop_capital += ".The next sentence";
  EXPECT_TRUE(scan_line(stop_capital).punctuation);
}

TEST(LineTriggers, LeadBytesAtABlockEndSeeTheirContinuations) {
  std::string line(15, 'x');
  line += "\u201C";  // “ starts at byte 15, its continuation bytes are in the next block
  line += "quoted words follow";
  EXPECT_TRUE(scan_line(line).quotes);
  EXPECT_TRUE(scan_line(line).non_ascii);
}

TEST(LineTriggers, BlockScanEqualsBytewiseScan) {
  // Random lines from bytes and sequences each trigger cares about.
  const std::vector<std::string> pieces = {" ",      "  ",       ".",      ",",
                                           ";",      ":",        "!",      "?",
                                           "A",      "Z",        "a",      "z",
                                           "0",      "\t",       "&",      "\"",
                                           "\x7F",   "\x01",     "\x1F",   "\u00E9",
                                           "\u00C3", "\u00C2",   "\u0080", "\u00AD",
                                           "\u00A0", "\u2019",   "\u201C", "\u201D",
                                           "\u2018", "\u200B",   "\u2014", "\u20AC",
                                           "\u0430", "\u03B1",   "\u0301", "\uFEFF",
                                           "\uFB01", "\u3000",   "\u2028", "x",
                                           "\xC3",   "\xE2\x80", "\x80",   "\u00C3\u00A9",
                                           "word",   ". The",    " ,"};
  std::mt19937 rng(20261202);
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    const int parts = static_cast<int>(rng() % 40);
    for (int k = 0; k < parts; ++k) line += pieces[rng() % pieces.size()];
    const LineTriggers blocks = scan_line(line);
    const LineTriggers bytes = scan_line_bytewise(line);
    ASSERT_EQ(blocks, bytes) << "line: \"" << line << "\"\nblocks: " << describe(blocks)
                             << "\nbytes:  " << describe(bytes);
  }
}

}  // namespace
