// Per-line repairs: each records a Fix at the input column, even after an earlier repair.
#include <gtest/gtest.h>

#include "normalize/line_text.h"

using namespace dossier;
using model::FixKind;
using normalize::LineText;

TEST(StripInvisible, RemovesZeroWidthSpaceSoftHyphenAndControls) {
  LineText line("under\u00ADwriters\u200B met\x07", 4);
  std::vector<model::Fix> fixes;
  normalize::strip_invisible(line, fixes);
  EXPECT_EQ(line.text(), "underwriters met");
  ASSERT_EQ(fixes.size(), 3u);
  EXPECT_EQ(fixes[0].kind, FixKind::ControlChar);
  EXPECT_EQ(fixes[0].at, (model::Position{4, 6}));
  EXPECT_EQ(fixes[1].at, (model::Position{4, 14}));
  EXPECT_EQ(fixes[2].at, (model::Position{4, 19}));
}

TEST(StripInvisible, KeepsZeroWidthJoinerInEmojiAndTabs) {
  LineText line("family \U0001F468\u200D\U0001F469\tok", 1);
  std::vector<model::Fix> fixes;
  normalize::strip_invisible(line, fixes);
  EXPECT_EQ(line.text(), "family \U0001F468\u200D\U0001F469\tok");
  EXPECT_TRUE(fixes.empty());
}

TEST(Nfc, ComposesDecomposedLettersAndRecordsEachChangedSpot) {
  LineText line("Erdog\u0306an and Du\u0308rre", 2);  // g + breve, u + diaeresis
  std::vector<model::Fix> fixes;
  normalize::normalize_nfc(line, fixes);
  EXPECT_EQ(line.text(), "Erdoğan and Dürre");
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[0].kind, FixKind::Nfc);
  EXPECT_EQ(fixes[0].at, (model::Position{2, 5}));
  EXPECT_EQ(fixes[0].before, "g\u0306");
  EXPECT_EQ(fixes[0].after, "ğ");
  EXPECT_EQ(fixes[1].at, (model::Position{2, 15}));
  EXPECT_EQ(fixes[1].after, "ü");
}

TEST(Nfc, LeavesComposedTextAlone) {
  LineText line("İkbal Dürre, Fırtına, Москва", 1);
  std::vector<model::Fix> fixes;
  normalize::normalize_nfc(line, fixes);
  EXPECT_TRUE(fixes.empty());
}

TEST(FoldWhitespace, TrimsEdgesAndFoldsRunsAndTabs) {
  LineText line("   two  spaces\tand a tab  ", 3);
  std::vector<model::Fix> fixes;
  normalize::fold_whitespace(line, fixes);
  EXPECT_EQ(line.text(), "two spaces and a tab");
  ASSERT_EQ(fixes.size(), 4u);
  EXPECT_EQ(fixes[0].at, (model::Position{3, 1}));
  EXPECT_EQ(fixes[1].at, (model::Position{3, 7}));
  EXPECT_EQ(line.column_at(0), 4);  // the first kept character was in column 4
}

TEST(FoldWhitespace, PositionsSurviveEarlierRemovals) {
  LineText line("a\u200B\u200B  b", 9);
  std::vector<model::Fix> fixes;
  normalize::strip_invisible(line, fixes);
  normalize::fold_whitespace(line, fixes);
  EXPECT_EQ(line.text(), "a b");
  ASSERT_EQ(fixes.size(), 2u);
  EXPECT_EQ(fixes[1].kind, FixKind::Whitespace);
  EXPECT_EQ(fixes[1].at, (model::Position{9, 4}));  // the double space began in column 4
}

TEST(StripInvisible, RemovesAStrayNonJoinerButKeepsPersianSpelling) {
  LineText latin("Ist\u200Canbul", 1);
  std::vector<model::Fix> fixes;
  normalize::strip_invisible(latin, fixes);
  EXPECT_EQ(latin.text(), "Istanbul");
  LineText persian("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", 1);  // می‌خواهم
  normalize::strip_invisible(persian, fixes);
  EXPECT_EQ(persian.text(), "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645");
}
