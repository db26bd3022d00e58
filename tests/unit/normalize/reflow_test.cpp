#include <gtest/gtest.h>

#include "normalize/line_text.h"
#include "normalize/normalize.h"

using namespace dossier;

namespace {
std::vector<std::string> texts(const model::Source& s) {
  std::vector<std::string> out;
  for (const auto& l : s.lines) out.push_back(l.text);
  return out;
}
model::Source run(const std::string& text) {
  model::Source s;
  s.text = text;
  return normalize::normalize(std::move(s), {});
}
}  // namespace

TEST(Reflow, JoinsLinesHardWrappedNearTheWrapWidth) {
  const auto s =
      run("The Kremlin declined to say who would be sent to the talks after the\n"
          "proposal was made in a late-night statement over the weekend, but it\n"
          "said preparations continue.\n"
          "\n"
          "A second paragraph that is long enough to look like the first one in\n"
          "width, and it ends here.\n");
  EXPECT_EQ(texts(s), (std::vector<std::string>{
                          "The Kremlin declined to say who would be sent to the talks after the "
                          "proposal was made in a late-night statement over the weekend, but it "
                          "said preparations continue.",
                          "",
                          "A second paragraph that is long enough to look like the first one in "
                          "width, and it ends here."}));
  int reflows = 0;
  for (const auto& f : s.fixes) reflows += f.kind == model::FixKind::Reflow;
  EXPECT_EQ(reflows, 3);
  EXPECT_EQ(s.lines[0].origin.line, 1);
  EXPECT_EQ(s.lines[0].last_line, 3);
}

TEST(Reflow, KeepsShortLinesAmongLongParagraphs) {
  // Unwrapped text: each paragraph is one long line, so short lines are real lines.
  const std::string para(300, 'x');
  const auto s = run("Google Play Store\nApp Store\n\n" + para + "\n\nDirect talks\nPhoto: AA\n");
  EXPECT_EQ(texts(s), (std::vector<std::string>{"Google Play Store", "App Store", "", para, "",
                                                "Direct talks", "Photo: AA"}));
}

TEST(Reflow, KeepsListItemsOnTheirOwnLines) {
  const auto s =
      run("These are the points that the delegations agreed on during the talks:\n"
          "- a ceasefire along the whole front line starting on Monday morning\n"
          "- an exchange of prisoners within the next two weeks after that\n");
  EXPECT_EQ(s.lines.size(), 3u);
}

TEST(Reflow, KeepsTheHyphenOfAWrappedCompound) {
  const auto s =
      run("Analysts say the proposed meeting plays to the advantage of one side in a\n"
          "full-scale war that has now lasted for more than three years of full-\n"
          "scale fighting along the front.\n");
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_NE(s.lines[0].text.find("full-scale fighting"), std::string::npos);
}

TEST(Reflow, LeavesNarrowTextAlone) {
  const auto s = run("Roses are red,\nviolets are blue,\nsugar is sweet.\n");
  EXPECT_EQ(s.lines.size(), 3u);
}

TEST(Normalize, StrayLeadingSpacesAreTrimmedAndPositionsKept) {
  const auto s = run("   Indented title\n");
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].text, "Indented title");
  EXPECT_EQ(s.lines[0].origin, (model::Position{1, 4}));
}

TEST(Normalize, IsIdempotentOnItsOwnOutput) {
  const auto first =
      run("  A wrapped paragraph of text that runs on for quite a while in the\n"
          "input\u200B and has  odd spacing and a wrap in the middle of it all.\n");
  std::string again;
  for (const auto& l : first.lines) again += l.text + "\n";
  const auto second = run(again);
  EXPECT_EQ(texts(second), texts(first));
  EXPECT_TRUE(second.fixes.empty());
}

TEST(Reflow, JoinsAStrayBreakInUnwrappedText) {
  // One paragraph hard-wrapped in a file of one-line paragraphs: the line ends mid-sentence
  // and the next carries on in lower case.
  const auto s =
      run("Talks on the Grand Ethiopian Renaissance Dam broke up in Kampala on Sunday\n"
          "without an agreement, the third failed round since January 2024.\n"
          "\n"
          "Egyptian Foreign Minister Badr Abdelatty accused Ethiopia of filling the reservoir by "
          "stealth, and said so again to reporters after the session in the capital.\n");
  ASSERT_EQ(s.lines.size(), 3u);
  EXPECT_EQ(s.lines[0].text,
            "Talks on the Grand Ethiopian Renaissance Dam broke up in Kampala on Sunday without "
            "an agreement, the third failed round since January 2024.");
}

TEST(Reflow, KeepsATitleCaseHeadlineBreakForStructure) {
  const auto s = run(
      "Why Port Capacity, Not Diplomacy, May Decide the Future\n"
      "the Fate of the Grain Corridor\n"
      "\n"
      "Even if the talks in Istanbul produce a signed text this week, the ports on the northern "
      "coast may not be ready to use it, engineers who inspected them said on Monday.\n");
  EXPECT_EQ(s.lines[0].text, "Why Port Capacity, Not Diplomacy, May Decide the Future");
}
