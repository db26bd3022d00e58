#include "cli/job.h"
#include "cli/settings.h"
#include "test_folder.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace dossier;
namespace fs = std::filesystem;

namespace {

class JobFile : public fixtures::TestFolder {
 protected:
  void SetUp() override {
    TestFolder::SetUp();
    fs::create_directories(folder_ / "sources");
    write("sources/a.txt", "Title\n\nText.\n");
    write("sources/b c.txt", "Another\n\nText.\n");
  }
  void write(const std::string& name, const std::string& text) {
    std::ofstream(folder_ / name) << text;
  }
  std::optional<cli::Job> load(const std::string& yaml) {
    write("job.yaml", yaml);
    return cli::load_job(folder_ / "job.yaml", diag_);
  }
  model::Diagnostics diag_;
};

}  // namespace

TEST_F(JobFile, LoadsSourcesWithMetadataAndGlobs) {
  const auto job = load(
      "title: T\nsources:\n  - path: sources/a.txt\n    outlet: Example Times\n    authors: [A B]\n"
      "  - \"sources/b*.txt\"\noutputs: [html, json]\npdf: {paper: Letter, font_size: 11}\n");
  ASSERT_TRUE(job);
  ASSERT_EQ(job->sources.size(), 2u);
  EXPECT_EQ(job->sources[0].display_path, "sources/a.txt");
  EXPECT_EQ(job->sources[0].given.outlet, "Example Times");
  EXPECT_EQ(job->sources[0].given.authors, (std::vector<std::string>{"A B"}));
  EXPECT_EQ(job->sources[1].display_path, "sources/b c.txt");
  EXPECT_EQ(job->outputs, (std::vector<std::string>{"html", "json"}));
  EXPECT_EQ(job->pdf.paper, "Letter");
  EXPECT_EQ(diag_.all().size(), 0u);
}

TEST_F(JobFile, MalformedYamlIsAnErrorWithLineAndColumn) {
  EXPECT_FALSE(load("title: T\nsources: [a.txt\n"));
  const auto all = diag_.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, model::DiagCode::JobSyntax);
  EXPECT_GT(all[0].line, 1);
  EXPECT_GT(all[0].col, 0);
}

TEST_F(JobFile, MissingSourceIsAnErrorAtItsEntry) {
  const auto job = load("title: T\nsources:\n  - sources/a.txt\n  - sources/missing.txt\n");
  ASSERT_TRUE(job);
  EXPECT_EQ(job->sources.size(), 1u);
  const auto all = diag_.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, model::DiagCode::MissingSource);
  EXPECT_EQ(all[0].line, 4);
  EXPECT_EQ(all[0].col, 5);
  EXPECT_NE(all[0].message.find("sources/missing.txt"), std::string::npos);
}

TEST_F(JobFile, UnknownKeysAreWarningsAndWrongTypesErrors) {
  const auto job =
      load("title: T\ncolour: red\nsources: [sources/a.txt]\npdf: {font_size: huge}\n");
  ASSERT_TRUE(job);
  const auto all = diag_.all();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].severity, model::Severity::Warning);
  EXPECT_EQ(all[0].line, 2);
  EXPECT_EQ(all[1].code, model::DiagCode::JobWrongType);
  EXPECT_EQ(all[1].line, 4);
}

TEST_F(JobFile, TitleIsRequired) {
  EXPECT_FALSE(load("sources: [sources/a.txt]\n"));
  ASSERT_EQ(diag_.all().size(), 1u);
  EXPECT_EQ(diag_.all()[0].code, model::DiagCode::JobMissingKey);
}

TEST_F(JobFile, DirectorySourcesAreExpandedInOrder) {
  const auto job = load("title: T\nsources: [sources]\n");
  ASSERT_TRUE(job);
  ASSERT_EQ(job->sources.size(), 2u);
  EXPECT_EQ(job->sources[0].display_path, "sources/a.txt");
}

TEST(Boilerplate, ProjectRulesLoadAndMatch) {
  model::Diagnostics diag;
  const auto rules =
      cli::load_boilerplate(fs::path(DOSSIER_PROJECT_DIR) / "config/boilerplate.yaml", diag);
  EXPECT_EQ(diag.all().size(), 0u);
  ASSERT_FALSE(rules.empty());
  const auto* rule = structure::match_boilerplate(rules, "Related article: Talks resume");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->name, "related-article");
  EXPECT_EQ(structure::match_boilerplate(rules, "Share this article")->name, "share-prompt");
  EXPECT_EQ(structure::match_boilerplate(rules, "Comments on the plan were positive."), nullptr);
}

TEST_F(JobFile, PdfSettingsComeFromTemplatesThenTheJob) {
  fs::create_directories(folder_ / "tpl");
  write("tpl/pdf.yaml", "paper: Letter\nfont_size: 12\nmargins: {left: 90, right: 54}\n");
  const auto job =
      load("title: T\nsources: [sources/a.txt]\ntemplates: tpl\npdf: {font_size: 9}\n");
  ASSERT_TRUE(job);
  const cli::BuildClock clock{"2025-05-15", 0};
  const auto options = cli::make_emit_options(*job, fs::path(DOSSIER_PROJECT_DIR), clock, diag_);
  EXPECT_EQ(options.pdf.paper, "Letter");  // the job's templates/pdf.yaml
  EXPECT_EQ(options.pdf.margin_left, 90);  // idem
  EXPECT_EQ(options.pdf.margin_top, 72);   // the built-in pdf.yaml
  EXPECT_EQ(options.pdf.font_size, 9);     // the job file wins
  EXPECT_EQ(diag_.warning_count() + diag_.error_count(), 0u);
}

TEST_F(JobFile, BadPdfSettingsArePositionedErrors) {
  const auto job =
      load("title: T\nsources: [sources/a.txt]\npdf: {paper: A5, margins: {top: 2}}\n");
  ASSERT_TRUE(job);
  EXPECT_EQ(diag_.error_count(), 2u);
}
