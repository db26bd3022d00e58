// Layout and metadata recovery rules, each with text it must leave alone.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "model/ledger.h"
#include "normalize/normalize.h"
#include "structure/structure.h"
#include "structure/translation_note.h"

using namespace dossier;

namespace {

model::Source run(const std::string& text,
                  model::SourceFormat format = model::SourceFormat::PlainText) {
  model::Source s;
  s.path = "t.txt";
  s.format = format;
  s.text = text;
  model::Diagnostics diag;
  return structure::structure(normalize::normalize(std::move(s), {}), {}, diag);
}

const std::string kWrapped =
    "Engineers who inspected the terminals in the spring found damaged load-\n"
    "ing arms and a full-\n"
    "scale backlog of repairs along the whole Russia-\n"
    "Ukraine front line, officials told reporters at the port on Friday.\n"
    "Another sentence makes the file look like the hard-wrapped text it is\n"
    "so that the wrap width can be measured from the lengths of its lines.\n";

}  // namespace

TEST(Dehyphenate, JoinsAWordSplitAtTheWrap) {
  const auto s = run("Title Here\n\n" + kWrapped);
  ASSERT_FALSE(s.blocks.empty());
  EXPECT_NE(s.blocks[0].text.find("damaged loading arms"), std::string::npos);
}

TEST(Dehyphenate, KeepsTheHyphenOfCompoundsAndNames) {
  const auto s = run("Title Here\n\n" + kWrapped);
  EXPECT_NE(s.blocks[0].text.find("a full-scale backlog"), std::string::npos);
  EXPECT_NE(s.blocks[0].text.find("Russia-Ukraine front"), std::string::npos);
}

TEST(Paragraphs, LinesOfWholeParagraphsWithoutBlankLinesStayApart) {
  const std::string para1(250, 'a'), para2(300, 'b'), para3(280, 'c');
  const auto s = run("Title Here\n" + para1 + " end.\n" + para2 + " end.\n" + para3 + " end.\n");
  EXPECT_EQ(s.blocks.size(), 3u);
}

TEST(Headings, LabelLinesAreHeadings) {
  const auto s =
      run("Title Here\n\nA first paragraph of text that ends here.\n\n"
          "Analysis: what the talks can achieve\n\nA second paragraph, ending here.\n");
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(s.blocks[1].kind, model::BlockKind::Heading);
  EXPECT_EQ(s.blocks[1].text, "Analysis: what the talks can achieve");
}

TEST(Headings, AnOrdinarySentenceWithAColonIsNotAHeading) {
  const auto s =
      run("Title Here\n\nA first paragraph of text that ends here.\n\n"
          "He said: the talks will resume next week in Istanbul.\n\nMore text here.\n");
  EXPECT_EQ(s.blocks[1].kind, model::BlockKind::Paragraph);
}

TEST(Footer, ATranslationNoteBecomesMetadata) {
  const auto s =
      run("Title Here\n\nA paragraph.\n\nAnother paragraph.\n\nNote: This text has been translated "
          "from the original Turkish version titled Koridor için garanti şart, published in Deniz "
          "Postası newspaper on May 14, 2025.\n");
  EXPECT_EQ(s.meta.translated_from, "tr");
  EXPECT_EQ(s.meta.original_title, "Koridor için garanti şart");
  EXPECT_EQ(s.meta.outlet, "Deniz Postası");
  EXPECT_EQ(s.meta.date, "2025-05-14");
  EXPECT_EQ(s.blocks.size(), 2u);
  EXPECT_TRUE(s.translation_note);
}

TEST(Footer, ALoneTrailingWordIsRemovedAndRecorded) {
  const auto s = run("Title Here\n\nA paragraph.\n\nAnother paragraph.\n\nCollaborator\n");
  ASSERT_EQ(s.removals.size(), 1u);
  EXPECT_EQ(s.removals[0].rule, "trailing-word");
  EXPECT_EQ(s.removals[0].text, "Collaborator");
}

TEST(Footer, AShortLastSentenceStays) {
  const auto s = run("Title Here\n\nA paragraph.\n\nAnother paragraph.\n\nThe end.\n");
  EXPECT_TRUE(s.removals.empty());
  EXPECT_EQ(s.blocks.size(), 3u);
}

TEST(Byline, WritesNameInTheStandfirst) {
  EXPECT_EQ(structure::writes_byline("The talks may fail before they start, writes Jane Roe."),
            "Jane Roe");
  EXPECT_FALSE(structure::writes_byline("Nobody writes about it any more."));
}

TEST(Dates, MonthDayYearAndDayMonthYear) {
  EXPECT_EQ(structure::iso_date_of("April 22, 2025"), "2025-04-22");
  EXPECT_EQ(structure::iso_date_of("22 April 2025"), "2025-04-22");
  EXPECT_FALSE(structure::iso_date_of("Thursday"));
}

TEST(FrontMatter, GivesMetadataAndWarnsAboutUnknownKeysAtTheirLine) {
  model::Source s;
  s.path = "fm.txt";
  s.text = "---\ntitle: Given Title\nauthors: [A, B]\ncolour: red\n---\nDetected Title\n\nText.\n";
  model::Diagnostics diag;
  s = structure::structure(normalize::normalize(std::move(s), {}), {}, diag);
  EXPECT_EQ(s.meta.title, "Given Title");
  EXPECT_EQ(s.meta.authors, (std::vector<std::string>{"A", "B"}));
  const auto all = diag.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].line, 4);
  EXPECT_EQ(all[0].col, 1);
}

TEST(Markdown, MapsBlocksAndRecordsRawHtml) {
  const auto s = run(
      "# Title\n\nText *with* `code`.\n\n- one\n- two\n\n<div>x</div>\n\n```\nverbatim  â€™\n```\n",
      model::SourceFormat::Markdown);
  EXPECT_EQ(s.meta.title, "Title");
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(s.blocks[0].text, "Text with code.");
  EXPECT_EQ(s.blocks[1].kind, model::BlockKind::List);
  EXPECT_EQ(s.blocks[1].children.size(), 2u);
  EXPECT_EQ(s.blocks[2].kind, model::BlockKind::Code);
  EXPECT_EQ(s.blocks[2].text, "verbatim  â€™");  // code is never repaired
  ASSERT_EQ(s.removals.size(), 1u);
  EXPECT_EQ(s.removals[0].rule, "raw-html");
  EXPECT_EQ(s.removals[0].first_line, 8);
}

TEST(Markdown, InlineFormattingBecomesSpansOverThePlainText) {
  const auto s = run("Some *em* and **strong `code`** and [a link](https://example.org).\n",
                     model::SourceFormat::Markdown);
  ASSERT_EQ(s.blocks.size(), 1u);
  EXPECT_EQ(s.blocks[0].text, "Some em and strong code and a link.");
  const auto& spans = s.blocks[0].spans;
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (model::Span{model::SpanKind::Emphasis, 5, 7, ""}));
  EXPECT_EQ(spans[1], (model::Span{model::SpanKind::Code, 19, 23, ""}));
  EXPECT_EQ(spans[2], (model::Span{model::SpanKind::Strong, 12, 23, ""}));
  EXPECT_EQ(spans[3], (model::Span{model::SpanKind::Link, 28, 34, "https://example.org"}));
}

// cmark-gfm keeps the characters that open inline syntax in one table for the process: each
// parse puts the strikethrough's "~" in before its inlines and takes it out after them, so a
// parse ending on one thread took it from a parse under way on another, whose struck text then
// came out with its tildes (one build in fifteen of the golden Markdown files). Markdown
// sources are read on several threads at once.
TEST(Markdown, StruckTextIsFoundWhileOtherThreadsReadMarkdown) {
  std::string struck;
  for (int i = 0; i < 200; ++i) struck += "Words ~~gone~~ and kept. ";
  struck += "\n";
  std::atomic<int> missed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 150; ++i) {
        const auto s = run(struck, model::SourceFormat::Markdown);
        if (s.blocks.empty() || s.blocks[0].text.find('~') != std::string::npos) ++missed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(missed, 0);
}

TEST(Markdown, TableCellsKeepTheirFormattingAndColumnsTheirAlignment) {
  const auto s =
      run("| a | b | c |\n|:--|:-:|--:|\n| *x* | | `1` |\n", model::SourceFormat::Markdown);
  ASSERT_EQ(s.blocks.size(), 1u);
  const model::Block& table = s.blocks[0];
  EXPECT_EQ(table.kind, model::BlockKind::Table);
  EXPECT_EQ(table.align, "lcr");
  ASSERT_EQ(table.children.size(), 2u);  // the header row first
  const model::Block& row = table.children[1];
  EXPECT_EQ(row.kind, model::BlockKind::TableRow);
  EXPECT_EQ(row.text, "x |  | 1");  // an empty cell keeps its place
  ASSERT_EQ(row.children.size(), 3u);
  EXPECT_EQ(row.children[0].kind, model::BlockKind::TableCell);
  EXPECT_EQ(row.children[0].spans,
            (std::vector<model::Span>{{model::SpanKind::Emphasis, 0, 1, ""}}));
  EXPECT_EQ(row.children[2].spans, (std::vector<model::Span>{{model::SpanKind::Code, 0, 1, ""}}));
}

TEST(Markdown, FootnotesAreNumberedByFirstReferenceAndReferencesArePoints) {
  const auto s = run("One.[^b] Two.[^a] Again.[^b]\n\n[^a]: Note A.\n[^b]: Note *B*.\n",
                     model::SourceFormat::Markdown);
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(s.blocks[0].text, "One. Two. Again.");
  EXPECT_EQ(s.blocks[0].spans,
            (std::vector<model::Span>{{model::SpanKind::FootnoteRef, 4, 4, "1"},
                                      {model::SpanKind::FootnoteRef, 9, 9, "2"},
                                      {model::SpanKind::FootnoteRef, 16, 16, "1"}}));
  // The notes follow in their numbers' order, a one-paragraph note with its spans.
  EXPECT_EQ(s.blocks[1].kind, model::BlockKind::Footnote);
  EXPECT_EQ(s.blocks[1].start, 1);
  EXPECT_EQ(s.blocks[1].text, "Note B.");
  EXPECT_EQ(s.blocks[1].spans, (std::vector<model::Span>{{model::SpanKind::Emphasis, 5, 6, ""}}));
  EXPECT_EQ(s.blocks[2].start, 2);
  EXPECT_EQ(s.blocks[2].text, "Note A.");
  EXPECT_TRUE(model::check_ledger(s).empty());
}

TEST(Markdown, HardBreaksStayAndListsKnowWhetherTheyAreLoose) {
  const auto s =
      run("one\\\ntwo  \nthree\nfour\n\n- a\n- b\n\n1) c\n\n2) d\n", model::SourceFormat::Markdown);
  ASSERT_EQ(s.blocks.size(), 3u);
  EXPECT_EQ(s.blocks[0].text, "one\ntwo\nthree four");  // a soft break is a space
  EXPECT_FALSE(s.blocks[1].loose);
  EXPECT_TRUE(s.blocks[2].loose);
  EXPECT_TRUE(model::check_ledger(s).empty());
}

TEST(Markdown, AFootnoteNothingRefersToIsLeftOutWithAWarning) {
  model::Source s;
  s.path = "notes.md";
  s.format = model::SourceFormat::Markdown;
  s.text = "Text.[^used]\n\n[^used]: Kept.\n[^spare]: Never referred to.\n";
  model::Diagnostics diag;
  s = structure::structure(normalize::normalize(std::move(s), {}), {}, diag);
  ASSERT_EQ(s.blocks.size(), 2u);
  EXPECT_EQ(s.blocks[1].text, "Kept.");
  const auto all = diag.all();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, model::DiagCode::UnusedNote);
  EXPECT_EQ(all[0].line, 4);
  EXPECT_EQ(all[0].message, "footnote [^spare] is never referred to, so it is left out");
  EXPECT_TRUE(model::check_ledger(s).empty());  // its text is recorded as markup
}
