// Markdown's constructs in the PDF layout: forced line breaks, struck text, footnote marks,
// lists with hanging markers, tables with column widths and a header on every page, code
// that wraps visibly. Laid out with a fake monospaced font, so widths are easy to reason about.
#include <gtest/gtest.h>

#include "emit/emit_options.h"
#include "emit/pdf/layout.h"
#include "emit/pdf/parts.h"
#include "emit/pdf/set_lines.h"
#include "model/utf8.h"

using namespace dossier;
using emit::pdf::Face;
using emit::pdf::Piece;

namespace {

// Every code point is half the font size wide.
const emit::pdf::Measure kFake = [](Face, double size, std::string_view text) {
  return static_cast<double>(model::utf8::length(text)) * size * 0.5;
};

std::vector<std::string> line_texts(const std::vector<emit::pdf::SetLine>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) {
    std::string text;
    for (const auto& run : line.runs) text += (text.empty() ? "" : "|") + run.text;
    out.push_back(text);
  }
  return out;
}

model::Block block(std::string id, model::BlockKind kind, std::string text = "") {
  model::Block b;
  b.id = std::move(id);
  b.kind = kind;
  b.text = std::move(text);
  return b;
}

// A briefing of one source with these blocks.
model::Briefing briefing_of(std::vector<model::Block> blocks) {
  model::Briefing b;
  b.title = "T";
  b.date = "2025-05-15";
  model::Source s;
  s.id = "S1";
  s.path = "s.md";
  s.format = model::SourceFormat::Markdown;
  s.blocks = std::move(blocks);
  b.sources.push_back(std::move(s));
  return b;
}

// The text runs of every page, page by page.
std::vector<std::vector<std::string>> page_texts(const emit::pdf::PagedDocument& doc) {
  std::vector<std::vector<std::string>> out;
  for (const auto& page : doc.pages) {
    auto& texts = out.emplace_back();
    for (const auto& run : page.runs) texts.emplace_back(page.text_of(run));
  }
  return out;
}

}  // namespace

TEST(PdfSetLines, AHardBreakEndsALineInBothModes) {
  const std::vector<Piece> pieces = {{"first line\nsecond", "", Face::Body},
                                     {" line", "", Face::Body}};
  for (const bool justify : {false, true}) {
    EXPECT_EQ(line_texts(emit::pdf::set_lines(pieces, 10, 400, justify, kFake)),
              (std::vector<std::string>{justify ? "first|line" : "first line",
                                        justify ? "second|line" : "second line"}))
        << justify;
  }
}

TEST(PdfSetLines, StruckTextIsARunOfItsOwnAndGetsALineThroughIt) {
  const std::vector<Piece> pieces = {
      {"keep ", "", Face::Body}, {"gone", "", Face::Body, true}, {" keep", "", Face::Body}};
  const auto lines = emit::pdf::set_lines(pieces, 10, 400, false, kFake);
  ASSERT_EQ(lines.size(), 1u);
  ASSERT_EQ(lines[0].runs.size(), 3u);
  EXPECT_TRUE(lines[0].runs[1].strike);
  EXPECT_EQ(lines[0].runs[1].text, "gone");
  EXPECT_DOUBLE_EQ(lines[0].runs[1].width, 20);

  model::Block p = block("S1-p1", model::BlockKind::Paragraph, "keep gone keep");
  p.spans = {{model::SpanKind::Strikethrough, 5, 9, ""}};
  const auto doc = emit::pdf::lay_out(briefing_of({p}), fixtures::project_emit_options(), kFake);
  int rules = 0;
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) {
      if (page.text_of(run) != "gone") continue;
      for (const auto& rule : page.rules) {  // through the word's middle, end to end
        rules += rule.y0 == rule.y1 && rule.y0 > run.y && rule.y0 < run.y + run.size &&
                 std::abs(rule.x0 - run.x) < 0.01 &&
                 std::abs(rule.x1 - run.x - kFake(run.face, run.size, page.text_of(run))) < 0.01;
      }
    }
  }
  EXPECT_EQ(rules, 1);
}

TEST(PdfSetLines, AWordOfSeveralPiecesWiderThanTheLineIsCutBetweenThem) {
  // 30 + 30 code points, no space between, on a line of 40: two lines, neither over.
  const std::vector<Piece> pieces = {{std::string(30, 'a'), "", Face::Body, true},
                                     {std::string(30, 'b'), "", Face::Body}};
  const auto lines = emit::pdf::set_lines(pieces, 10, 200, false, kFake);
  ASSERT_EQ(lines.size(), 2u);
  for (const auto& line : lines) EXPECT_LE(line.width, 200);
  EXPECT_EQ(lines[0].runs[0].text, std::string(30, 'a'));
}

TEST(PdfSetLines, ColumnExtentsAreTheLineAndTheWidestWord) {
  const auto e =
      emit::pdf::measure_pieces({{"ab abcd", "", Face::Body}, {"ef", "", Face::Body}}, 10, kFake);
  EXPECT_DOUBLE_EQ(e.natural, 45);      // "ab abcdef": 9 code points
  EXPECT_DOUBLE_EQ(e.widest_word, 30);  // "abcdef" spans both pieces
}

TEST(PdfLayout, AFootnoteMarkIsRaisedAndLinkedAndTheNoteLinksBack) {
  model::Block p = block("S1-p1", model::BlockKind::Paragraph, "Claim. More.");
  p.spans = {{model::SpanKind::FootnoteRef, 6, 6, "12"}};
  model::Block note = block("S1-p2", model::BlockKind::Footnote, "The source.");
  note.start = 12;
  const emit::pdf::NoteAnchors notes = {{"12", "S1-p2"}};
  const auto pieces = emit::pdf::linked_text(p, nullptr, Face::Body, &notes);
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].text, "Claim.");
  EXPECT_EQ(pieces[1].text, "\u00B9\u00B2");
  EXPECT_EQ(pieces[1].target, "S1-p2");
  EXPECT_EQ(pieces[2].text, " More.");

  const auto doc =
      emit::pdf::lay_out(briefing_of({p, note}), fixtures::project_emit_options(), kFake);
  std::vector<std::string> targets;
  for (const auto& page : doc.pages) {
    for (const auto& link : page.links) {
      const std::string_view target = page.target_of(link);
      if (target.starts_with("S1-")) targets.emplace_back(target);
    }
  }
  // The mark goes to the note, the note's number back to the paragraph.
  EXPECT_EQ(targets, (std::vector<std::string>{"S1-p2", "S1-p1"}));
}

TEST(PdfLayout, ListItemsHangTheirMarkersAndNestedListsGoFurtherIn) {
  model::Block inner = block("S1-p1", model::BlockKind::List);
  inner.level = 1;
  inner.start = 7;
  model::Block inner_item = block("S1-p1", model::BlockKind::ListItem, "deep");
  inner_item.children = {block("S1-p1", model::BlockKind::Paragraph, "deep")};
  inner.children = {inner_item};
  model::Block item = block("S1-p1", model::BlockKind::ListItem, "top\ndeep");
  item.children = {block("S1-p1", model::BlockKind::Paragraph, "top"), inner};
  model::Block list = block("S1-p1", model::BlockKind::List, "top\ndeep");
  list.children = {item};
  const auto doc = emit::pdf::lay_out(briefing_of({list}), fixtures::project_emit_options(), kFake);
  std::map<std::string, emit::pdf::Run> runs;
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) runs[std::string(page.text_of(run))] = run;
  }
  ASSERT_TRUE(runs.count("\u2022") && runs.count("top") && runs.count("7.") && runs.count("deep"));
  EXPECT_LT(runs["\u2022"].x, runs["top"].x);  // the marker hangs before its text
  EXPECT_EQ(runs["\u2022"].y, runs["top"].y);  // on the same line
  EXPECT_LT(runs["7."].x, runs["deep"].x);
  EXPECT_GT(runs["deep"].x, runs["top"].x);  // the nested list is further in
  EXPECT_EQ(runs["7."].y, runs["deep"].y);
}

TEST(PdfLayout, ATableRepeatsItsHeaderOnEveryPageAndAlignsItsColumns) {
  model::Block table = block("S1-p1", model::BlockKind::Table);
  table.align = "lr";
  for (int r = 0; r < 120; ++r) {
    model::Block row = block("S1-p1", model::BlockKind::TableRow);
    const std::string a = r == 0 ? "Name" : "row " + std::to_string(r);
    const std::string b = r == 0 ? "Count" : std::to_string(r * 1000);
    row.children = {block("S1-p1", model::BlockKind::TableCell, a),
                    block("S1-p1", model::BlockKind::TableCell, b)};
    row.text = a + " | " + b;
    table.children.push_back(row);
  }
  const auto doc =
      emit::pdf::lay_out(briefing_of({table}), fixtures::project_emit_options(), kFake);
  const auto texts = page_texts(doc);
  int table_pages = 0;
  double right_edge = -1;
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    const auto& page_runs = doc.pages[i].runs;
    const bool has_rows = std::any_of(page_runs.begin(), page_runs.end(), [&](const auto& run) {
      return doc.pages[i].text_of(run).starts_with("row ");
    });
    if (!has_rows) continue;
    ++table_pages;
    EXPECT_TRUE(std::count(texts[i].begin(), texts[i].end(), "Name")) << "page " << i;
    for (const auto& run : page_runs) {
      if (const auto t = doc.pages[i].text_of(run);
          t.find_first_not_of("0123456789") != std::string::npos || t.empty())
        continue;
      if (run.y < 80 || run.x < 72) continue;  // the folio, the paragraph number
      const double end = run.x + kFake(run.face, run.size, doc.pages[i].text_of(run));
      if (right_edge < 0) right_edge = end;
      EXPECT_NEAR(end, right_edge, 0.01)
          << doc.pages[i].text_of(run);  // right-aligned numbers end together
    }
  }
  EXPECT_GE(table_pages, 2);
}

TEST(PdfLayout, ALongCodeLineWrapsWithAMarkAndKeepsItsIndent) {
  const std::string line = "    " + std::string(200, 'x');
  const auto doc =
      emit::pdf::lay_out(briefing_of({block("S1-p1", model::BlockKind::Code, "\tif:\n" + line)}),
                         fixtures::project_emit_options(), kFake);
  std::vector<std::string> code;
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) {
      if (run.face == Face::Mono) code.emplace_back(page.text_of(run));
    }
  }
  ASSERT_GE(code.size(), 3u);
  EXPECT_EQ(code[0], "    if:");  // a tab to the next four-column stop
  EXPECT_TRUE(code[1].starts_with("    x"));
  EXPECT_TRUE(code[2].starts_with("\u21AA x"));
  std::string joined;
  for (std::size_t k = 1; k < code.size(); ++k) {
    joined += k == 1 ? code[k] : code[k].substr(std::string("\u21AA ").size());
  }
  EXPECT_EQ(joined, line);  // nothing lost at the wraps
}

TEST(PdfLayout, ATableOfManyColumnsStaysInsideTheMargins) {
  model::Block table = block("S1-p1", model::BlockKind::Table);
  for (int r = 0; r < 3; ++r) {
    model::Block row = block("S1-p1", model::BlockKind::TableRow);
    for (int c = 0; c < 80; ++c) {
      row.children.push_back(
          block("S1-p1", model::BlockKind::TableCell, "cell" + std::to_string(c)));
    }
    table.children.push_back(row);
  }
  const auto doc =
      emit::pdf::lay_out(briefing_of({table}), fixtures::project_emit_options(), kFake);
  const auto g = emit::pdf::geometry_for({});
  for (const auto& page : doc.pages) {
    for (const auto& rule : page.rules) EXPECT_LE(rule.x1, g.width - g.margin_right + 0.01);
    for (const auto& run : page.runs) {
      if (!page.text_of(run).starts_with("cell")) continue;
      EXPECT_GE(run.x, g.margin_left - 0.01);
      EXPECT_LE(run.x, g.width - g.margin_right);
    }
  }
}

// Quotes nested fifty deep (Markdown sets no limit) still put their text on the page: the
// indent stops at the middle of the measure.
TEST(PdfLayout, DeeplyNestedQuotesStayOnThePage) {
  model::Block quote = block("S1-p1", model::BlockKind::Paragraph, "innermost words");
  for (int depth = 0; depth < 50; ++depth) {
    model::Block outer = block("S1-p1", model::BlockKind::Blockquote, "innermost words");
    outer.children = {quote};
    quote = outer;
  }
  const auto doc =
      emit::pdf::lay_out(briefing_of({quote}), fixtures::project_emit_options(), kFake);
  const auto g = emit::pdf::geometry_for({});
  bool found = false;
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) {
      found |= page.text_of(run) == "innermost";
      EXPECT_LE(run.x + kFake(run.face, run.size, page.text_of(run)),
                g.width - g.margin_right + 0.01)
          << page.text_of(run);
    }
  }
  EXPECT_TRUE(found);
}
