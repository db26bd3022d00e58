// Total-fit line breaking and hyphenation points.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "emit/pdf/break_lines.h"
#include "emit/pdf/hyphenate.h"

using namespace dossier::emit::pdf;

namespace {

// Words of given widths separated by glue of width 1 (stretch 0.5, shrink 0.33), then the
// final fill and forced break.
std::vector<BreakItem> paragraph(const std::vector<double>& words) {
  std::vector<BreakItem> items;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) items.push_back({BreakItem::Kind::Glue, 1, 0.5, 0.33, 0, false});
    items.push_back({BreakItem::Kind::Box, words[i], 0, 0, 0, false});
  }
  items.push_back({BreakItem::Kind::Glue, 0, 1e6, 0, 0, false});
  items.push_back({BreakItem::Kind::Penalty, 0, 0, 0, kForcedBreak, false});
  return items;
}

// The widths of the lines the breaks make (natural widths, glue unstretched).
std::vector<double> line_widths(const std::vector<BreakItem>& items,
                                const std::vector<LineBreak>& breaks) {
  std::vector<double> widths;
  std::size_t start = 0;
  for (const auto& b : breaks) {
    while (start < b.at && items[start].kind != BreakItem::Kind::Box) ++start;
    double w = 0;
    for (std::size_t i = start; i < b.at; ++i) {
      if (items[i].kind != BreakItem::Kind::Penalty) w += items[i].width;
    }
    if (items[b.at].kind == BreakItem::Kind::Penalty) w += items[b.at].width;
    widths.push_back(w);
    start = b.at + 1;
  }
  return widths;
}

}  // namespace

TEST(BreakLines, EndsAtTheForcedBreakAndNoLineIsOverfull) {
  const auto items = paragraph({3, 4, 2, 5, 3, 3, 4, 2, 6, 3, 2, 4, 5, 3});
  const auto breaks = break_lines(items, 20);
  ASSERT_TRUE(breaks);
  EXPECT_EQ(breaks->back().at, items.size() - 1);
  for (const auto& b : *breaks) EXPECT_GE(b.ratio, -1.0);
  for (double w : line_widths(items, *breaks)) {
    EXPECT_LE(w, 20 + 0.33 * 10 + 1e-9);  // at most fully shrunk
  }
}

TEST(BreakLines, TotalFitIsNeverWorseThanFirstFit) {
  // Badness (sum of |ratio|³ over all lines but the last) of first fit against total fit,
  // over many word sequences.
  for (unsigned seed = 1; seed <= 50; ++seed) {
    std::vector<double> words;
    unsigned x = seed;
    for (int i = 0; i < 40; ++i) {
      x = x * 1103515245u + 12345u;
      words.push_back(2 + (x >> 16) % 7);
    }
    const double width = 30;
    double first_fit = 0;
    // Exact first fit: lines as word lists.
    std::vector<std::vector<double>> lines(1);
    double used = 0;
    for (double w : words) {
      if (!lines.back().empty() && used + 1 + w > width) {
        lines.emplace_back();
        used = 0;
      }
      used += (lines.back().empty() ? 0 : 1) + w;
      lines.back().push_back(w);
    }
    first_fit = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      double natural = 0;
      for (double w : lines[i]) natural += w;
      const double gaps = static_cast<double>(lines[i].size() - 1);
      natural += gaps;
      const double r = gaps > 0 ? (width - natural) / (gaps * 0.5) : 100;
      first_fit += r * r * r;
    }
    const auto items = paragraph(words);
    const auto breaks = break_lines(items, width, 100);
    ASSERT_TRUE(breaks) << seed;
    double total_fit = 0;
    for (std::size_t i = 0; i + 1 < breaks->size(); ++i) {
      total_fit += std::abs(std::pow((*breaks)[i].ratio, 3));
    }
    EXPECT_LE(total_fit, first_fit + 1e-6) << "seed " << seed;
  }
}

TEST(BreakLines, TakesAHyphenWhenItAvoidsALooseLine) {
  // "aaaaaa bbbbbbbbbbbb" at width 12: "bbbbbb-" fits only when hyphenated.
  std::vector<BreakItem> items = {
      {BreakItem::Kind::Box, 6, 0, 0, 0, false},
      {BreakItem::Kind::Glue, 1, 0.5, 0.33, 0, false},
      {BreakItem::Kind::Box, 4, 0, 0, 0, false},
      {BreakItem::Kind::Penalty, 1, 0, 0, 50, true},
      {BreakItem::Kind::Box, 8, 0, 0, 0, false},
      {BreakItem::Kind::Glue, 0, 1e6, 0, 0, false},
      {BreakItem::Kind::Penalty, 0, 0, 0, kForcedBreak, false},
  };
  const auto breaks = break_lines(items, 12);
  ASSERT_TRUE(breaks);
  ASSERT_EQ(breaks->size(), 2u);
  EXPECT_EQ((*breaks)[0].at, 3u);  // at the hyphen
}

TEST(BreakLines, NothingFitsReturnsNothing) {
  const auto items = paragraph({30});
  EXPECT_FALSE(break_lines(items, 20));
}

TEST(Hyphenate, EnglishWordsBreakAtPatternPoints) {
  const auto points = hyphenation_points("guarantees");
  ASSERT_FALSE(points.empty());
  for (std::size_t p : points) {
    EXPECT_GE(p, 2u);
    EXPECT_LE(p, std::string("guarantees").size() - 3);
  }
}

TEST(Hyphenate, NamesNumbersAndShortWordsStayWhole) {
  EXPECT_TRUE(hyphenation_points("Erdoğan").empty());
  EXPECT_TRUE(hyphenation_points("Istanbul").empty());
  EXPECT_TRUE(hyphenation_points("12345678").empty());
  EXPECT_TRUE(hyphenation_points("table").empty());
}
