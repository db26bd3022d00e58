// Markdown's constructs in the PDF layout: forced line breaks, struck text, footnote marks,
// lists with hanging markers, tables with column widths and a header on every page, code
// that wraps visibly. Laid out with a fake monospaced font, so widths are easy to reason about.
#include <gtest/gtest.h>

#include <sstream>

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

namespace {

// "w0 w1 … w<n-1>"; the words are easy to find in the pages' runs.
std::string numbered_words(const std::string& prefix, int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += (i ? " " : "") + prefix + std::to_string(i);
  return text;
}

model::Block table_of(const std::vector<std::pair<std::string, std::string>>& rows) {
  model::Block table = block("S1-p1", model::BlockKind::Table);
  for (const auto& [a, b] : rows) {
    model::Block row = block("S1-p1", model::BlockKind::TableRow, a + " | " + b);
    row.children = {block("S1-p1", model::BlockKind::TableCell, a),
                    block("S1-p1", model::BlockKind::TableCell, b)};
    table.children.push_back(row);
  }
  return table;
}

// The numbered words with `prefix` in the pages' runs, in page order: each word's number and
// page, and whether every run holding them lies inside the page's text area.
struct PlacedWords {
  std::vector<int> numbers;
  std::vector<int> pages;
  bool inside = true;
};

PlacedWords placed_words(const emit::pdf::PagedDocument& doc, const std::string& prefix) {
  const auto g = emit::pdf::geometry_for({});
  PlacedWords out;
  for (std::size_t p = 0; p < doc.pages.size(); ++p) {
    const auto& page = doc.pages[p];
    for (const auto& run : page.runs) {
      std::istringstream words{std::string(page.text_of(run))};
      bool found = false;
      for (std::string word; words >> word;) {
        if (!word.starts_with(prefix) || word.size() == prefix.size() ||
            word.find_first_not_of("0123456789", prefix.size()) != std::string::npos)
          continue;
        out.numbers.push_back(std::stoi(word.substr(prefix.size())));
        out.pages.push_back(static_cast<int>(p));
        found = true;
      }
      if (!found) continue;
      out.inside &= run.y >= g.margin_bottom && run.y <= g.height - g.margin_top &&
                    run.x >= g.margin_left - 0.01 &&
                    run.x + run.width <= g.width - g.margin_right + 0.01;
    }
  }
  return out;
}

std::vector<int> zero_to(int n) {
  std::vector<int> v(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = i;
  return v;
}

}  // namespace

// A cell of 3,000 words is taller than two pages: its row runs over several pages, between lines,
// with the header above each part, and every word lands inside the text area (the fuzzer's
// pdf_layout target found such a row set below the page's foot).
TEST(PdfLayout, ATableRowTallerThanAPageRunsOverBetweenLines) {
  const auto doc = emit::pdf::lay_out(
      briefing_of({table_of(
          {{"Name", "Count"}, {"first", "1"}, {numbered_words("w", 3000), "2"}, {"last", "3"}})}),
      fixtures::project_emit_options(), kFake);
  const PlacedWords words = placed_words(doc, "w");
  EXPECT_EQ(words.numbers, zero_to(3000));  // each once, in order
  EXPECT_TRUE(words.inside);
  ASSERT_FALSE(words.pages.empty());
  const int first_page = words.pages.front(), last_page = words.pages.back();
  EXPECT_GE(last_page - first_page, 2);
  const auto texts = page_texts(doc);
  for (int p = first_page; p <= last_page; ++p) {
    const auto& t = texts[static_cast<std::size_t>(p)];
    EXPECT_EQ(std::count(t.begin(), t.end(), "Name"), 1) << "page " << p;
  }
  // The short row before it shares the long row's first page: the long row starts at once.
  EXPECT_TRUE(std::count(texts[static_cast<std::size_t>(first_page)].begin(),
                         texts[static_cast<std::size_t>(first_page)].end(), "first"));
}

// A header taller than a page is laid out once, over pages, and not repeated.
TEST(PdfLayout, ATableHeaderTallerThanAPageIsNotRepeated) {
  const auto doc = emit::pdf::lay_out(
      briefing_of({table_of({{numbered_words("h", 900), "Count"}, {"row", "1"}})}),
      fixtures::project_emit_options(), kFake);
  const PlacedWords words = placed_words(doc, "h");
  EXPECT_EQ(words.numbers, zero_to(900));
  EXPECT_TRUE(words.inside);
  const auto texts = page_texts(doc);
  int rows = 0;
  for (const auto& t : texts) rows += static_cast<int>(std::count(t.begin(), t.end(), "row"));
  EXPECT_EQ(rows, 1);
}

// A title of 900 words makes a contents entry longer than a page: it runs over, inside the
// text area, and links to its chapter from each page it is on.
TEST(PdfLayout, AContentsEntryLongerThanAPageRunsOverAndLinksFromEachPage) {
  model::Briefing b = briefing_of({block("S1-p1", model::BlockKind::Paragraph, "Text.")});
  b.sources[0].meta.title = numbered_words("t", 900);
  const auto doc = emit::pdf::lay_out(b, fixtures::project_emit_options(), kFake);
  const auto g = emit::pdf::geometry_for({});
  const int contents = doc.anchors.at("contents").page;
  std::vector<int> entry_pages;
  for (int p = contents; p < doc.anchors.at("S1").page; ++p) {
    const auto& page = doc.pages[static_cast<std::size_t>(p)];
    const auto below = std::count_if(page.runs.begin(), page.runs.end(),
                                     [&](const auto& run) { return run.y < g.margin_bottom; });
    EXPECT_EQ(below, 1) << "page " << p;  // the folio
    for (const auto& link : page.links) {
      if (page.target_of(link) != "S1") continue;
      entry_pages.push_back(p);
      EXPECT_GE(link.y0, g.margin_bottom - 0.01);
      EXPECT_LE(link.y1, g.height - g.margin_top + 0.01);
    }
  }
  EXPECT_GE(entry_pages.size(), 2u);
  EXPECT_TRUE(std::is_sorted(entry_pages.begin(), entry_pages.end()));
  EXPECT_EQ(std::adjacent_find(entry_pages.begin(), entry_pages.end()), entry_pages.end());
}

// Tables of 1 to 40 columns, headers and cells of one to 3,000 words, under titles of one and
// 900 words: every run, rule and link lies on its page, inside the text area but for the
// running head and the folio, and every word of every cell is placed.
TEST(PdfLayout, TablesAndTitlesOfEverySizeStayInsideThePage) {
  const auto g = emit::pdf::geometry_for({});
  for (const int columns : {1, 2, 5, 40}) {
    for (const int header_words : {1, 60, 700}) {
      for (const int cell_words : {1, 300, 3000}) {
        for (const int title_words : {1, 900}) {
          model::Block table = block("S1-p1", model::BlockKind::Table);
          int cells = 0, header_cells = 0;
          for (int r = 0; r < 3; ++r) {
            model::Block row = block("S1-p1", model::BlockKind::TableRow);
            for (int c = 0; c < columns; ++c) {
              const bool long_one = r == 1 && c == columns / 2;
              const int words = r == 0 ? (c == 0 ? header_words : 1) : long_one ? cell_words : 1;
              std::string text;
              for (int w = 0; w < words; ++w) text += (w ? " c" : "c") + std::to_string(cells++);
              row.children.push_back(block("S1-p1", model::BlockKind::TableCell, text));
            }
            table.children.push_back(row);
            if (r == 0) header_cells = cells;
          }
          model::Briefing b = briefing_of({table});
          b.sources[0].meta.title = numbered_words("t", title_words);
          const auto doc = emit::pdf::lay_out(b, fixtures::project_emit_options(), kFake);
          const std::string what =
              std::to_string(columns) + " columns, header " + std::to_string(header_words) +
              ", cell " + std::to_string(cell_words) + ", title " + std::to_string(title_words);
          const PlacedWords words = placed_words(doc, "c");
          // Each word placed, once but for the header's, which is repeated on each page the
          // table runs over (in an order that follows the columns, not the numbers). Forty
          // columns are narrower than a word, so their words are cut and not counted.
          std::vector<int> seen(static_cast<std::size_t>(cells), 0);
          for (const int n : words.numbers) ++seen.at(static_cast<std::size_t>(n));
          for (int n = 0; n < cells && columns < 40; ++n) {
            const int times = seen[static_cast<std::size_t>(n)];
            if (n < header_cells ? times < 1 : times != 1) {
              ADD_FAILURE() << what << ": c" << n << " placed " << times << " times";
              break;
            }
          }
          EXPECT_TRUE(words.inside) << what;
          for (const auto& page : doc.pages) {
            for (const auto& run : page.runs) {
              ASSERT_TRUE(run.x >= 0 && run.x + run.width <= g.width && run.y >= 0 &&
                          run.y <= g.height)
                  << what << ": " << page.text_of(run);
            }
            for (const auto& rule : page.rules) {
              ASSERT_TRUE(rule.y0 >= g.margin_bottom && rule.y0 <= g.height - g.margin_top) << what;
            }
            for (const auto& link : page.links) {
              ASSERT_TRUE(link.y0 >= 0 && link.y1 <= g.height && link.x1 <= g.width) << what;
            }
          }
        }
      }
    }
  }
}
