#include <gtest/gtest.h>

#include "annotate/annotate.h"

using namespace dossier;

namespace {
std::vector<model::Block> paragraphs(std::vector<std::string> texts) {
  std::vector<model::Block> blocks;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    model::Block b;
    b.id = "S1-p" + std::to_string(i + 1);
    b.text = texts[i];
    blocks.push_back(b);
  }
  return blocks;
}
}  // namespace

TEST(FindQuotes, FindsCurlyAndStraightQuotationsWithNoSpeakerYet) {
  const auto quotes = annotate::find_quotes(paragraphs(
      {"“Russia has always been open to talks,” he said, adding that \"we are ready to meet.\""}));
  ASSERT_EQ(quotes.size(), 2u);
  EXPECT_EQ(quotes[0].text, "Russia has always been open to talks,");
  EXPECT_EQ(quotes[1].text, "we are ready to meet.");
  EXPECT_FALSE(quotes[0].speaker);
  EXPECT_EQ(quotes[0].blocks, (std::vector<std::string>{"S1-p1"}));
}

TEST(FindQuotes, AQuotationOverSeveralParagraphsIsOne) {
  const auto quotes = annotate::find_quotes(paragraphs(
      {"“Everyone looks at the diplomats, but the decision is made in London.",
       "“If a ship cannot be insured, it does not sail,” Güneş said.", "Next paragraph."}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].block, "S1-p1");
  EXPECT_EQ(quotes[0].blocks, (std::vector<std::string>{"S1-p1", "S1-p2"}));
  EXPECT_EQ(quotes[0].text,
            "Everyone looks at the diplomats, but the decision is made in London.\n"
            "If a ship cannot be insured, it does not sail,");
}

TEST(FindQuotes, ScareQuotesCountOnlyWithASpeechVerb) {
  const auto quotes = annotate::find_quotes(
      paragraphs({"Russia views a truce as “premature” for now.",
                  "Peskov said the truce was “premature” without agreements."}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].block, "S1-p2");
}

TEST(FindQuotes, NestedSingleQuotesStayInsideTheQuotation) {
  const auto quotes = annotate::find_quotes(
      paragraphs({"“Thus, ‘negotiations with Ukraine’ are merely a means,” Bondarev added."}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "Thus, ‘negotiations with Ukraine’ are merely a means,");
}

TEST(FindQuotes, AnUnclosedQuotationEndsWithItsParagraph) {
  // An interview answer opened and never closed: the paragraph is the quotation.
  const auto quotes = annotate::find_quotes(
      paragraphs({"She said: “This never closes and runs on", "the next paragraph is prose."}));
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].text, "This never closes and runs on");
  EXPECT_EQ(quotes[0].blocks, (std::vector<std::string>{"S1-p1"}));
}

TEST(FindQuotes, AShortUnclosedFragmentIsNotAQuotation) {
  EXPECT_TRUE(annotate::find_quotes(paragraphs({"a “stray mark", "prose."})).empty());
}
