#include "structure/structure.h"

#include <gtest/gtest.h>

#include "normalize/normalize.h"

using namespace dossier;
using model::BlockKind;

namespace {

structure::StructureOptions default_rules() {
  structure::StructureOptions o;
  o.boilerplate = {
      {"related-article", structure::MatchKind::Prefix, {"Related article:"}, ""},
      {"app-store-badge", structure::MatchKind::Exact, {"App Store", "Google Play Store"}, ""},
      {"comment-prompt", structure::MatchKind::Regex, {"\\d+ comments?"}, ""},
  };
  return o;
}

model::Source run(const std::string& text) {
  model::Source s;
  s.text = text;
  model::Diagnostics diag;
  return structure::structure(normalize::normalize(std::move(s), {}), default_rules(), diag);
}

std::vector<BlockKind> kinds(const model::Source& s) {
  std::vector<BlockKind> out;
  for (const auto& b : s.blocks) out.push_back(b.kind);
  return out;
}

const std::string kParagraph =
    "Delegations arrived shortly after nine in the morning, according to officials who briefed "
    "reporters outside the building.";

}  // namespace

TEST(Structure, FirstShortLineIsTheTitleAndNotABlock) {
  const auto s = run("Talks resume in Istanbul\n\n" + kParagraph + "\n");
  EXPECT_EQ(s.meta.title, "Talks resume in Istanbul");
  EXPECT_EQ(kinds(s), (std::vector{BlockKind::Paragraph}));
  EXPECT_EQ(s.blocks[0].origin.line, 3);
}

TEST(Structure, SectionLabelAboveTheHeadlineIsTheCategory) {
  const auto s = run("Business\n\nTalks Resume in Istanbul\n\n" + kParagraph + "\n");
  EXPECT_EQ(s.meta.category, "Business");
  EXPECT_EQ(s.meta.title, "Talks Resume in Istanbul");
}

TEST(Structure, HeadlineBrokenOverTwoLinesIsOneTitle) {
  const auto s = run(" Why Does Putin Suddenly Want Direct\nPeace Talks With Ukraine?\n\n" +
                     kParagraph + "\n");
  EXPECT_EQ(s.meta.title, "Why Does Putin Suddenly Want Direct Peace Talks With Ukraine?");
}

TEST(Structure, StandfirstAndBylineUnderTheHeadline) {
  const auto s =
      run("Grain Talks Resume\n\nNegotiators met again on Tuesday, hoping to reopen a "
          "shipping lane.\n\nBy Ayşe Yıldırım\n\n" +
          kParagraph + "\n");
  EXPECT_EQ(s.meta.subtitle, "Negotiators met again on Tuesday, hoping to reopen a shipping lane.");
  EXPECT_EQ(s.meta.authors, (std::vector<std::string>{"Ayşe Yıldırım"}));
  EXPECT_EQ(s.blocks.size(), 1u);
}

TEST(Structure, NameAloneUnderTheHeadlineIsTheByline) {
  const auto s =
      run("Direct negotiation signal\n\nPhoto: AA\n\nUmut Can Fırtına\n\n" + kParagraph + "\n");
  EXPECT_EQ(s.meta.authors, (std::vector<std::string>{"Umut Can Fırtına"}));
  EXPECT_EQ(kinds(s), (std::vector{BlockKind::Caption, BlockKind::Paragraph}));
}

TEST(Structure, AllCapsAndTitleCaseLinesAreHeadingsKeptAsWritten) {
  const auto s = run("Title Here\n\n" + kParagraph + "\n\n\"WE ARE ASSESSING\"\n\n" + kParagraph +
                     "\n\nThe Context: A War of Attrition\n\n" + kParagraph + "\n");
  EXPECT_EQ(kinds(s), (std::vector{BlockKind::Paragraph, BlockKind::Heading, BlockKind::Paragraph,
                                   BlockKind::Heading, BlockKind::Paragraph}));
  EXPECT_EQ(s.blocks[1].text, "\"WE ARE ASSESSING\"");
  EXPECT_EQ(s.blocks[3].level, 2);
}

TEST(Structure, OneLineSentenceIsNotAHeading) {
  const auto s = run("Title Here\n\n" + kParagraph +
                     "\n\nFormer Russian diplomat Boris Bondarev offered a similar view.\n\n" +
                     kParagraph + "\n");
  EXPECT_EQ(kinds(s),
            (std::vector{BlockKind::Paragraph, BlockKind::Paragraph, BlockKind::Paragraph}));
}

TEST(Structure, BoilerplateIsRemovedAndRecordedWithItsRule) {
  const auto s = run("Google Play Store\nApp Store\n\nTitle Here\n\n" + kParagraph +
                     "\n\nRelated article: Zelensky will meet Putin only in Istanbul\n\n" +
                     kParagraph + "\n\n12 comments\n");
  ASSERT_EQ(s.removals.size(), 4u);
  EXPECT_EQ(s.removals[0].rule, "app-store-badge");
  EXPECT_EQ(s.removals[0].first_line, 1);
  EXPECT_EQ(s.removals[2].rule, "related-article");
  EXPECT_EQ(s.removals[2].text, "Related article: Zelensky will meet Putin only in Istanbul");
  EXPECT_EQ(s.removals[3].rule, "comment-prompt");
  EXPECT_EQ(s.meta.title, "Title Here");
  EXPECT_EQ(s.blocks.size(), 2u);
}

TEST(Structure, SentenceStartingWithCommentsIsNotBoilerplate) {
  const auto s = run("Title Here\n\nComments on the plan were mostly positive, officials said.\n");
  EXPECT_TRUE(s.removals.empty());
  EXPECT_EQ(s.blocks.size(), 1u);
}

TEST(Structure, EveryNonBlankLineIsAccountedFor) {
  const auto s = run("Business\n\nTitle Here\n\nBy Jane Roe\n\n" + kParagraph +
                     "\n\nRelated article: x\n\nHEADING\n\n" + kParagraph + "\n");
  std::size_t accounted = s.blocks.size() + s.removals.size() + (s.meta.title ? 1 : 0) +
                          (s.meta.category ? 1 : 0) + s.meta.authors.size();
  EXPECT_EQ(accounted, 7u);
}
