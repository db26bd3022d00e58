// Golden facts for ../shared/corpus, written after reading each file: title, byline,
// headings, paragraph count, removals and metadata that structure must recover.
#include <gtest/gtest.h>

#include <filesystem>

#include "cli/pipeline.h"
#include "cli/settings.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

model::Source build_one(const std::string& name) {
  model::Diagnostics diag;
  const fs::path file = fs::path(DOSSIER_SHARED_DIR) / "corpus" / name;
  const cli::Job job = cli::ad_hoc_job({file.string()}, diag);
  const auto settings = cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
  auto b = cli::assemble_briefing(job, settings, {"2025-05-15", 1747267200}, diag);
  EXPECT_EQ(diag.error_count(), 0u);
  return b.sources.at(0);
}

std::vector<std::string> headings(const model::Source& s) {
  std::vector<std::string> out;
  for (const auto& b : s.blocks) {
    if (b.kind == model::BlockKind::Heading) out.push_back(b.text);
  }
  return out;
}

std::size_t count(const model::Source& s, model::BlockKind kind) {
  std::size_t n = 0;
  for (const auto& b : s.blocks) n += b.kind == kind;
  return n;
}

std::vector<std::string> removal_rules(const model::Source& s) {
  std::vector<std::string> out;
  for (const auto& r : s.removals) out.push_back(r.rule);
  return out;
}

class Corpus : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(fs::path(DOSSIER_SHARED_DIR) / "corpus"))
      GTEST_SKIP() << "no ../shared/corpus";
  }
};

}  // namespace

// A section label above a title-case headline, title-case headings, no byline, and a trailer
// word spelled with a Cyrillic capital ES.
TEST_F(Corpus, WebArticleWithSectionLabelAndTitleCaseHeadings) {
  const auto s = build_one("000_8cf64b33d92c1c0a.txt");
  EXPECT_EQ(s.meta.category, "Business");
  EXPECT_EQ(s.meta.title,
            "Putin’s Silence on Ceasefire and Offer of Direct Talks with Ukraine in Istanbul: A "
            "Strategic Gambit Amid Stalemate");
  EXPECT_TRUE(s.meta.authors.empty());
  EXPECT_EQ(headings(s), (std::vector<std::string>{
                             "The Context: A War of Attrition and Stalled Diplomacy",
                             "Putin’s Proposal: Direct Talks Without Preconditions?",
                             "Ukraine’s Response: Skepticism and Conditions",
                             "International Reactions: Cautious Endorsements and Divisions",
                             "Putin’s Calculus: Why Now?", "Obstacles to a Breakthrough",
                             "Humanitarian Costs and the Urgency of Peace",
                             "Conclusion: A Path Forward or a Dead End?"}));
  EXPECT_EQ(count(s, model::BlockKind::Paragraph), 18u);
  EXPECT_EQ(removal_rules(s), (std::vector<std::string>{"trailing-word"}));
  EXPECT_EQ(s.removals.at(0).text, "Collaborator");  // its Cyrillic С repaired first
}

// A PDF copy: hard-wrapped lines, a headline over two lines, stray leading spaces, doubled
// opening quotes, two "Related article" inserts (one with no blank line before it).
TEST_F(Corpus, PdfCopyWithHardWrapsAndRelatedArticleInserts) {
  const auto s = build_one("001_b3bb9feb86cd78c9.txt");
  EXPECT_EQ(s.meta.title, "Why Does Putin Suddenly Want Direct Peace Talks With Ukraine?");
  EXPECT_TRUE(s.meta.authors.empty());
  EXPECT_TRUE(headings(s).empty());
  EXPECT_EQ(count(s, model::BlockKind::Paragraph), 23u);
  EXPECT_EQ(removal_rules(s), (std::vector<std::string>{"related-article", "related-article"}));
  EXPECT_EQ(s.removals.at(1).first_line, 65);
  // Wraps joined, quotes repaired: paragraph 13 opened with ‘“.
  EXPECT_EQ(s.blocks.at(12).text.rfind("“He does not believe", 0), 0u);
  EXPECT_EQ(s.blocks.at(0).text.find('\n'), std::string::npos);
}

// App-store badges, a standfirst above the headline, a photo credit, a name alone as byline,
// ALL-CAPS headings, and a translation note with the original title, outlet and date.
TEST_F(Corpus, TranslatedInterviewWithBadgesCreditAndTranslationNote) {
  const auto s = build_one("003_76426b5b3e27e84f.txt");
  EXPECT_EQ(s.meta.title, "Direct negotiation signal from Putin");
  EXPECT_EQ(s.meta.subtitle->substr(0, 29), "Following the Easter ceasefir");
  EXPECT_EQ(s.meta.authors, (std::vector<std::string>{"Umut Can Fırtına"}));
  EXPECT_EQ(headings(s), (std::vector<std::string>{
                             "\"WE ARE ASSESSING\"", "MEETING IN LONDON",
                             "CEASEFIRE NEAR, CONDITIONS ON THE GROUND FAVOURABLE",
                             "EUROPE HAS ACCEPTED", "“REVERSE KISSINGER” STRATEGY FAILED"}));
  EXPECT_EQ(count(s, model::BlockKind::Caption), 1u);
  EXPECT_EQ(count(s, model::BlockKind::Paragraph), 18u);
  EXPECT_EQ(removal_rules(s), (std::vector<std::string>{"app-store-badge", "app-store-badge"}));
  EXPECT_EQ(s.meta.translated_from, "tr");
  EXPECT_EQ(s.meta.original_title, "Putin’den doğrudan müzakere sinyali");
  EXPECT_EQ(s.meta.outlet, "BirGün");
  EXPECT_EQ(s.meta.date, "2025-04-22");
}
