// Mustache in a report's Markdown: what each tag expands to, the lines it leaves, the fix it
// records, and the positioned error for everything it refuses.
#include "normalize/expand_template.h"

#include <gtest/gtest.h>

#include "model/ledger.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

using namespace dossier;
using nlohmann::json;

namespace {

const json kData = json::parse(R"({
  "build": {"number": "1234", "branch": "main"},
  "passed": true, "failed": false, "nothing": null, "empty": [],
  "suites": [{"name": "unit", "tests": "210"}, {"name": "lint", "tests": "3"}],
  "tags": ["a", "b"]
})");

struct Expanded {
  std::string text;
  std::vector<int> lines;
  std::vector<model::Fix> fixes;
  std::vector<model::Diagnostic> diagnostics;
};

Expanded expand(const std::string& text, const json& data = kData) {
  Expanded out;
  model::Diagnostics diag;
  for (const auto& line : normalize::expand_template(text, 1, data, "r.md", out.fixes, diag)) {
    out.text += (out.lines.empty() ? "" : "\n") + line.text;
    out.lines.push_back(line.line);
  }
  out.diagnostics = diag.all();
  return out;
}

std::string messages(const Expanded& e) {
  std::string out;
  for (const auto& d : e.diagnostics) out += model::format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST(ExpandTemplate, VariablesAndDottedNames) {
  const auto e =
      expand("Build {{build.number}} on {{ build.branch }}, {{{build.branch}}} {{&build.branch}}");
  EXPECT_EQ(e.text, "Build 1234 on main, main main");
  EXPECT_EQ(messages(e), "");
  ASSERT_EQ(e.fixes.size(), 4u);
  EXPECT_EQ(e.fixes[0].kind, model::FixKind::Template);
  EXPECT_EQ(e.fixes[0].before, "{{build.number}}");
  EXPECT_EQ(e.fixes[0].after, "1234");
  EXPECT_EQ(e.fixes[0].at, (model::Position{1, 7}));
}

TEST(ExpandTemplate, SectionsOverListsMapsAndTruth) {
  EXPECT_EQ(expand("{{#suites}}{{name}}={{tests}};{{/suites}}").text, "unit=210;lint=3;");
  EXPECT_EQ(expand("{{#tags}}[{{.}}]{{/tags}}").text, "[a][b]");
  EXPECT_EQ(expand("{{#build}}{{number}}{{/build}}").text, "1234");
  EXPECT_EQ(expand("{{#passed}}ok{{/passed}}{{#failed}}no{{/failed}}").text, "ok");
  EXPECT_EQ(expand("{{^empty}}none{{/empty}}{{^nothing}}!{{/nothing}}{{^tags}}x{{/tags}}").text,
            "none!");
  // A name not found in the item is looked up outside it.
  EXPECT_EQ(expand("{{#suites}}{{build.branch}} {{/suites}}").text, "main main ");
  EXPECT_EQ(expand("a{{! a comment }}b").text, "ab");
  // A section over a name the data lacks is false, without an error (an optional field).
  const auto optional =
      expand("{{#suites}}{{#note}}{{note}}{{/note}}{{/suites}}{{^note}}none{{/note}}");
  EXPECT_EQ(optional.text, "none");
  EXPECT_EQ(messages(optional), "");
}

TEST(ExpandTemplate, AStandaloneTagTakesItsLineSoSectionsMakeTableRows) {
  const auto e = expand(
      "| Suite | Tests |\n|---|---|\n{{#suites}}\n| {{name}} | {{tests}} "
      "|\n{{/suites}}\n\nAfter\n");
  EXPECT_EQ(e.text, "| Suite | Tests |\n|---|---|\n| unit | 210 |\n| lint | 3 |\n\nAfter\n");
  // Rows come from the section's first line; the text after it keeps its own lines.
  EXPECT_EQ(e.lines, (std::vector<int>{1, 2, 3, 3, 6, 7, 8}));
  ASSERT_EQ(e.fixes.size(), 1u);
  EXPECT_EQ(e.fixes[0].before, "{{#suites}}\n| {{name}} | {{tests}} |\n{{/suites}}\n");
}

TEST(ExpandTemplate, AnUndefinedNameIsAnErrorAtItsPosition) {
  const auto e =
      expand("Line one\nBy {{owner}} and {{build.nobody}}\n{{#suites}}{{missing}}{{/suites}}");
  EXPECT_EQ(messages(e),
            "r.md:2:4: error: 'owner' is not defined in the job's data\n"
            "r.md:2:18: error: 'build.nobody' is not defined in the job's data\n"
            "r.md:3:12: error: 'missing' is not defined in the job's data\n");  // once, not per row
  EXPECT_EQ(e.text, "Line one\nBy  and \n");
}

TEST(ExpandTemplate, RefusesWhatWouldReadFilesOrCannotBeClosed) {
  EXPECT_EQ(messages(expand("{{> other}}")),
            "r.md:1:1: error: partials are not available in sources (a source never reads "
            "another file)\n");
  EXPECT_EQ(messages(expand("{{=<% %>=}}")),
            "r.md:1:1: error: changing the tag delimiters is not supported\n");
  EXPECT_EQ(messages(expand("{{#suites}}open")),
            "r.md:1:1: error: the section 'suites' is not closed\n");
  EXPECT_EQ(messages(expand("x {{/suites}}")),
            "r.md:1:3: error: '{{/suites}}' closes no section\n");
  EXPECT_EQ(messages(expand("{{#passed}}x{{/failed}}")),
            "r.md:1:13: error: '{{/failed}}' closes the section 'passed'\n");
  EXPECT_EQ(messages(expand("{{suites}}")),
            "r.md:1:1: error: 'suites' is a list, not a value: use a section "
            "{{#suites}}…{{/suites}}\n");
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "{{#passed}}";
  EXPECT_NE(messages(expand(deep)).find("nested more than 32 deep"), std::string::npos);
  // Text that only looks like a tag start stays as it is.
  EXPECT_EQ(expand("a {{ b").text, "a {{ b");
}

TEST(ExpandTemplate, AReportSourceBalancesTheLedger) {
  model::Source s;
  s.path = "r.md";
  s.format = model::SourceFormat::Markdown;
  s.text =
      "---\ndate: 2025-05-15\n---\n# Build {{build.number}}\n\n| Suite | Tests |\n|---|--:|\n"
      "{{#suites}}\n| {{name}} | {{tests}} |\n{{/suites}}\n\n{{#tags}}\n- tag {{.}}\n{{/tags}}\n";
  normalize::NormalizeOptions options;
  options.data = std::make_shared<const json>(kData);
  model::Diagnostics diag;
  s = normalize::normalize(std::move(s), options, diag);
  s = structure::structure(std::move(s), {}, diag);
  EXPECT_TRUE(diag.all().empty());
  EXPECT_EQ(s.meta.title, "Build 1234");
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_EQ(s.blocks[0].kind, model::BlockKind::Table);
  EXPECT_EQ(s.blocks[0].text, "Suite | Tests\nunit | 210\nlint | 3");
  EXPECT_EQ(s.blocks[1].text, "tag a\ntag b");
  for (const auto& gap : model::check_ledger(s)) ADD_FAILURE() << model::describe_gap(gap);
}

TEST(ExpandTemplate, WithoutDataAMarkdownSourceIsTakenAsWritten) {
  model::Source s;
  s.format = model::SourceFormat::Markdown;
  s.text = "Braces {{like this}} stay.\n";
  s = normalize::normalize(std::move(s), {});
  ASSERT_EQ(s.lines.size(), 1u);
  EXPECT_EQ(s.lines[0].text, "Braces {{like this}} stay.");
}

TEST(ExpandTemplate, OutputPastTheLimitIsLeftOutWithAnError) {
  const auto data = nlohmann::json::parse(R"({"xs": [1, 2, 3, 4]})");
  std::vector<model::Fix> fixes;
  model::Diagnostics diag;
  // Four items inside four items inside four…: 4^6 lines of "x" asked for, 2 KiB allowed.
  const std::string text =
      "{{#xs}}{{#xs}}{{#xs}}{{#xs}}{{#xs}}{{#xs}}x\n{{/xs}}{{/xs}}{{/xs}}"
      "{{/xs}}{{/xs}}{{/xs}}";
  const auto lines = normalize::expand_template(text, 1, data, "r.md", fixes, diag, 2048);
  std::size_t bytes = 0;
  for (const auto& l : lines) bytes += l.text.size() + 1;
  EXPECT_LE(bytes, 2048u + 64);
  ASSERT_EQ(diag.error_count(), 1u);
  EXPECT_NE(diag.all()[0].message.find("the rest is left out"), std::string::npos);
}
