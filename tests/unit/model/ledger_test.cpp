// The nothing-lost ledger: balanced on everything the pipeline makes, and unbalanced by every
// kind of loss (a dropped word, an invented one, an unrecorded fix or removal).
#include "model/ledger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "cli/pipeline.h"
#include "cli/settings.h"
#include "structure/markup_record.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

cli::PipelineSettings settings() {
  model::Diagnostics diag;
  cli::Job job;
  return cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
}

// ingest → normalize → structure on a file, as a build runs them.
model::Source prepared(const fs::path& file) {
  cli::SourceSpec spec{file.filename().string(), file, {}};
  model::Diagnostics diag;
  return cli::prepare_source(spec, settings(), diag);
}

// The file goes in a folder of the running test's own: ctest runs these tests side by side,
// and one file shared between them was read while another test rewrote it (a flaky failure).
model::Source prepared_text(const std::string& text, const std::string& name) {
  const fs::path folder =
      fs::path(testing::TempDir()) /
      (std::string("ledger-") + testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::create_directories(folder);
  const fs::path file = folder / name;
  {
    std::ofstream out(file, std::ios::binary);
    out << text;
  }
  return prepared(file);
}

// An article with most of what the stages change: a byline, a standfirst, a hard wrap, a
// hyphenated line end, mojibake, a zero-width space, boilerplate and a translation note.
const std::string kArticle =
    "WORLD\n"
    "Insurers weigh a return to the corridor\n"
    "\n"
    "Underwriters in London say the premium could halve if a state fund is agreed this month\n"
    "\n"
    "By Mara Quell\n"
    "\n"
    "Brokers said the war-risk premium fell to 1% of a ship\xE2\x80\x99s value\n"
    "this week, down from 3% in March, as the under-\n"
    "writers who left the market last year returned to quote\n"
    "cover for the first voyages through the corridor.\n"
    "\n"
    "Related article: Ports reopen after the storm\n"
    "\n"
    "\xC3\xA2\xE2\x82\xAC\xC5\x93We are ready,\xC3\xA2\xE2\x82\xAC\xC2\x9D said one "
    "broker\xE2\x80\x8B.\n"
    "\n"
    "This article was translated from the original Ukrainian.\n";

std::string all_gaps(const model::Source& s) {
  std::string out;
  for (const auto& g : model::check_ledger(s)) out += model::describe_gap(g) + "\n";
  return out;
}

}  // namespace

TEST(Ledger, BalancesOnAnArticleWithEveryKindOfRepair) {
  const model::Source s = prepared_text(kArticle, "article.txt");
  ASSERT_FALSE(s.blocks.empty());
  ASSERT_FALSE(s.removals.empty());
  std::vector<std::string> fields;
  for (const auto& m : s.metadata_lines) fields.push_back(m.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"category", "title", "standfirst", "byline",
                                              "translation-note"}));
  EXPECT_EQ(all_gaps(s), "");
}

TEST(Ledger, NamesTheWordABlockLost) {
  model::Source s = prepared_text(kArticle, "article.txt");
  for (auto& b : s.blocks) {
    if (const auto at = b.text.find("Brokers "); at != std::string::npos) b.text.erase(at, 8);
  }
  const auto gaps = model::check_ledger(s);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].missing, "Brokers");
  EXPECT_EQ(gaps[0].extra, "");
  EXPECT_EQ(gaps[0].first_line, 8);  // the wrapped paragraph, joined by reflow
  EXPECT_EQ(gaps[0].last_line, 11);
  EXPECT_EQ(model::describe_gap(gaps[0]), "lines 8–11: missing from the output \"Brokers\"");
}

TEST(Ledger, NamesTextTheOutputInvented) {
  model::Source s = prepared_text(kArticle, "article.txt");
  s.blocks.back().text += " (updated)";
  const auto gaps = model::check_ledger(s);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].missing, "");
  EXPECT_EQ(gaps[0].extra, "()addeptu");  // the invented characters, in code point order
}

TEST(Ledger, AnUnrecordedRemovalOrFixIsAGap) {
  const model::Source clean = prepared_text(kArticle, "article.txt");
  model::Source no_removal = clean;
  no_removal.removals.clear();
  ASSERT_EQ(model::check_ledger(no_removal).size(), 1u);
  EXPECT_EQ(model::check_ledger(no_removal)[0].first_line, 13);

  // Forgetting the mojibake repair leaves the broken bytes unexplained and the quotes invented.
  model::Source no_fix = clean;
  std::erase_if(no_fix.fixes,
                [](const model::Fix& f) { return f.kind == model::FixKind::Mojibake; });
  ASSERT_LT(no_fix.fixes.size(), clean.fixes.size());
  const auto gaps = model::check_ledger(no_fix);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_NE(gaps[0].missing.find("€"), std::string::npos);
  EXPECT_NE(gaps[0].extra.find("“"), std::string::npos);
}

TEST(Ledger, ALineReadIntoMetadataCountsOnlyWhenRecorded) {
  model::Source s = prepared_text(kArticle, "article.txt");
  const auto byline = std::find_if(s.metadata_lines.begin(), s.metadata_lines.end(),
                                   [](const auto& m) { return m.field == "byline"; });
  ASSERT_NE(byline, s.metadata_lines.end());
  EXPECT_EQ(byline->text, "By Mara Quell");
  s.metadata_lines.erase(byline);
  const auto gaps = model::check_ledger(s);
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].missing, "ByMaraQuell");
}

TEST(Ledger, WhitespaceIsFreeButInvisibleCharactersAreNot) {
  model::Source s;
  s.text = "A\xE2\x80\x8B  b\n";  // "A", zero-width space, two spaces, "b"
  s.blocks.push_back({});
  s.blocks[0].text = "A b";
  s.blocks[0].origin = {1, 1};
  s.blocks[0].last_line = 1;
  ASSERT_EQ(model::check_ledger(s).size(), 1u);
  EXPECT_EQ(model::check_ledger(s)[0].missing, "\xE2\x80\x8B");
  s.fixes.push_back({model::FixKind::ControlChar, {1, 2}, "\xE2\x80\x8B", ""});
  EXPECT_EQ(all_gaps(s), "");
}

TEST(Ledger, MarkdownSyntaxIsRecordedAsMarkupFixes) {
  const model::Source s = prepared_text(
      "---\ntitle: Glossary\n---\n# Heading one\n\nSome **bold** and a "
      "[link](https://example.org/x).\n\n"
      "| a | b |\n|---|--:|\n| 1 | 2 |\n\n1. first\n2. second\n\n[ref]: https://example.org/ref\n\n"
      "> quoted *text*\n\n```sh\nls -l\n```\n\nAn entity &#8217; here.<b>raw</b>\n",
      "notes.md");
  EXPECT_EQ(all_gaps(s), "");
  std::vector<std::string> markup;
  for (const auto& f : s.fixes) {
    if (f.kind == model::FixKind::Markup) markup.push_back(f.before + "→" + f.after);
  }
  const auto has = [&](const std::string& m) {
    return std::find(markup.begin(), markup.end(), m) != markup.end();
  };
  EXPECT_TRUE(has("#→")) << testing::PrintToString(markup);
  EXPECT_TRUE(has("**→"));
  EXPECT_TRUE(has("](https://example.org/x)→"));
  EXPECT_TRUE(has("|---|--:|→"));
  EXPECT_TRUE(has("1.→"));
  EXPECT_TRUE(has("[ref]: https://example.org/ref→"));
  EXPECT_TRUE(has("```sh→"));
  EXPECT_TRUE(has("&#8217;→’"));
}

TEST(Ledger, MarkupRecordingStaysLinearOnUnmatchedText) {
  // A piece that the lines do not hold at all: every character is recorded, nothing hangs.
  std::vector<model::Line> lines;
  std::string long_line(200000, '>');
  lines.push_back({long_line, {1, 1}, 1});
  std::vector<model::Fix> fixes;
  const std::string piece(100000, 'x');
  structure::record_markup(lines, 0, 0, {{piece, false}}, fixes);
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0].before, long_line);
  EXPECT_EQ(fixes[0].after, piece);
}

// Every source the project and its neighbours hold balances after the per-source stages.
TEST(Ledger, BalancesOnEverySampleSource) {
  std::vector<fs::path> files;
  for (const fs::path& folder : {fs::path(DOSSIER_PROJECT_DIR) / "config/sources",
                                 fs::path(DOSSIER_PROJECT_DIR) / "config/init/sources",
                                 fs::path(DOSSIER_SHARED_DIR) / "corpus"}) {
    if (!fs::is_directory(folder)) continue;
    for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path());
  }
  ASSERT_GE(files.size(), 5u);
  for (const auto& file : files) {
    const model::Source s = prepared(file);
    if (s.status != model::SourceStatus::Ok) continue;
    EXPECT_EQ(all_gaps(s), "") << file;
  }
}
