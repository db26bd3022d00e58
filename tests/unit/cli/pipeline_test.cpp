// The whole pipeline in process, on the example job and on ../shared/corpus.
#include "cli/pipeline.h"

#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <sstream>

#include "cli/settings.h"
#include "emit/cmark_read_back.h"
#include "model/utf8.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

model::Briefing build(const cli::Job& job, unsigned threads = 0) {
  model::Diagnostics diag;
  auto settings = cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
  settings.threads = threads;
  return cli::assemble_briefing(job, settings, {"2025-05-15", 1747267200}, diag);
}

cli::Job example_job() {
  model::Diagnostics diag;
  auto job = cli::load_job(fs::path(DOSSIER_PROJECT_DIR) / "config/briefing.yaml", diag);
  EXPECT_TRUE(job);
  EXPECT_EQ(diag.all().size(), 0u);
  return *job;
}

void expect_markdown_keeps_every_block(const model::Briefing& b) {
  emit::EmitOptions o;
  o.templates = emit::TemplateSet({fs::path(DOSSIER_PROJECT_DIR) / "templates"});
  std::ostringstream md;
  ASSERT_TRUE(emit::write_markdown(b, o, md).ok());
  const auto back = fixtures::paragraphs_read_back(md.str());
  // Block texts appear, in order, among what cmark-gfm reads back.
  std::size_t at = 0;
  for (const auto& s : b.sources) {
    for (const auto& block : s.blocks) {
      // Containers (lists, quotes, tables, code) read back as other nodes; prose blocks must
      // come back as the same paragraphs and headings.
      if (block.kind != model::BlockKind::Paragraph && block.kind != model::BlockKind::Heading)
        continue;
      const auto found =
          std::find(back.begin() + static_cast<std::ptrdiff_t>(at), back.end(), block.text);
      ASSERT_NE(found, back.end()) << block.id << ": " << block.text;
      at = static_cast<std::size_t>(found - back.begin()) + 1;
    }
  }
}

}  // namespace

TEST(Pipeline, ExampleJobGivesEverySourceTitleAndParagraphs) {
  const auto b = build(example_job());
  ASSERT_EQ(b.sources.size(), 5u);
  for (const auto& s : b.sources) {
    EXPECT_EQ(s.status, model::SourceStatus::Ok) << s.path;
    EXPECT_TRUE(s.meta.title) << s.path;
    EXPECT_GE(s.blocks.size(), 3u) << s.path;
    for (const auto& block : s.blocks) EXPECT_TRUE(model::utf8::is_valid(block.text));
  }
  EXPECT_EQ(b.sources[1].meta.title,
            "Why Port Capacity, Not Diplomacy, May Decide the Fate of the Grain Corridor");
  EXPECT_EQ(b.sources[0].meta.authors, (std::vector<std::string>{"Ayşe Yıldırım"}));
  EXPECT_EQ(b.sources[2].meta.authors, (std::vector<std::string>{"İlker Güneş"}));
  EXPECT_EQ(b.sources[0].meta.outlet, "Example Times");
  // The Markdown source: front matter, a table, a numbered list, a quote, code, and its
  // <script> removed and recorded.
  const auto& md = b.sources[4];
  EXPECT_EQ(md.format, model::SourceFormat::Markdown);
  EXPECT_EQ(md.meta.title, "A glossary for the grain corridor talks");
  std::vector<model::BlockKind> kinds;
  for (const auto& block : md.blocks) kinds.push_back(block.kind);
  using K = model::BlockKind;
  EXPECT_EQ(kinds,
            (std::vector<K>{K::Paragraph, K::Heading, K::Paragraph, K::Table, K::List, K::Heading,
                            K::Blockquote, K::Paragraph, K::Code, K::ThematicBreak, K::Paragraph}));
  ASSERT_EQ(md.removals.size(), 1u);
  EXPECT_EQ(md.removals[0].rule, "raw-html");
  EXPECT_NE(md.blocks[8].text.find("Odesa – Bosphorus"), std::string::npos);
}

TEST(Pipeline, ExampleJobMarkdownReadsBackTheSameParagraphs) {
  expect_markdown_keeps_every_block(build(example_job()));
}

TEST(Pipeline, OutputDoesNotDependOnThreadCount) {
  const auto job = example_job();
  EXPECT_EQ(build(job, 1), build(job, 4));
}

// Without keep_input, each source lets go of its decoded input once its stages are done; the
// rest of its result is what a build that keeps it has.
TEST(Pipeline, SourcesLetGoOfTheirInputUnlessAskedToKeepIt) {
  const auto job = example_job();
  model::Diagnostics diag;
  auto settings = cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
  const auto kept = cli::process_sources(job.sources, settings, diag);
  settings.keep_input = false;
  auto released = cli::process_sources(job.sources, settings, diag);
  ASSERT_EQ(kept.size(), released.size());
  ASSERT_FALSE(kept.empty());
  for (std::size_t i = 0; i < kept.size(); ++i) {
    EXPECT_FALSE(kept[i].text.empty()) << kept[i].path;
    EXPECT_TRUE(released[i].text.empty() && released[i].text.capacity() <= 15) << kept[i].path;
    released[i].text = kept[i].text;
    EXPECT_EQ(released[i], kept[i]) << kept[i].path;
  }
}

// Every source is held until the outputs are written: its lists keep no room they grew into.
void expect_no_spare_room(const std::vector<model::Block>& blocks, const std::string& where) {
  EXPECT_EQ(blocks.capacity(), blocks.size()) << where;
  for (const auto& block : blocks) {
    EXPECT_EQ(block.spans.capacity(), block.spans.size()) << block.id;
    expect_no_spare_room(block.children, block.id);
  }
}

TEST(Pipeline, SourcesKeepNoSpareRoomInTheirLists) {
  model::Diagnostics diag;
  cli::Job job = example_job();
  // Markdown sources too (spans, nested blocks).
  for (const char* name : {"06-lists.md", "08-table.md", "10-links-and-autolinks.md"}) {
    const fs::path path = fs::path(DOSSIER_PROJECT_DIR) / "tests/golden/markdown" / name;
    ASSERT_TRUE(fs::exists(path)) << path;
    job.sources.push_back({name, path, {}});
  }
  const auto settings = cli::pipeline_settings(job, DOSSIER_PROJECT_DIR, diag);
  const auto sources = cli::process_sources(job.sources, settings, diag);
  std::size_t fixes = 0;
  for (const auto& s : sources) {
    expect_no_spare_room(s.blocks, s.path);
    EXPECT_EQ(s.fixes.capacity(), s.fixes.size()) << s.path;
    EXPECT_EQ(s.names.capacity(), s.names.size()) << s.path;
    EXPECT_EQ(s.figures.capacity(), s.figures.size()) << s.path;
    EXPECT_EQ(s.quotes.capacity(), s.quotes.size()) << s.path;
    EXPECT_EQ(s.removals.capacity(), s.removals.size()) << s.path;
    fixes += s.fixes.size();
  }
  EXPECT_GT(fixes, 10u);  // lists that grew one by one
}

TEST(Pipeline, SharedCorpusMarkdownReadsBackTheSameParagraphs) {
  const fs::path corpus = fs::path(DOSSIER_SHARED_DIR) / "corpus";
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no " << corpus;
  model::Diagnostics diag;
  const auto job = cli::ad_hoc_job({(corpus / "*.txt").string()}, diag);
  ASSERT_EQ(job.sources.size(), 3u);
  const auto b = build(job);
  for (const auto& s : b.sources) {
    EXPECT_EQ(s.status, model::SourceStatus::Ok);
    EXPECT_GE(s.blocks.size(), 10u) << s.path;
  }
  expect_markdown_keeps_every_block(b);
}
