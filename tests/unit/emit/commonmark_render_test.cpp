#include <gtest/gtest.h>

#include <random>
#include <string>

#include "emit/commonmark_twin.h"

using namespace dossier;
using emit::md::NodeKind;
using fixtures::TwinTree;

namespace {

std::string rendered_both(TwinTree& t) {
  const std::string theirs = t.theirs();
  EXPECT_EQ(t.mine(), theirs);
  return theirs;
}

}  // namespace

TEST(RenderCommonMark, EscapesTextAsCmarkDoes) {
  TwinTree t;
  const auto p = t.append(t.root(), NodeKind::Paragraph);
  t.append(p, NodeKind::Text, "1. *not* a list & &amp; [x] <b> a_b 2) c # ~ ! \\ `");
  EXPECT_EQ(rendered_both(t),
            "1\\. \\*not\\* a list & \\&amp; \\[x\\] \\<b\\> a\\_b 2) c \\# \\~ \\! \\\\ \\`\n");
}

TEST(RenderCommonMark, EscapesWhatWouldStartABlockOnlyAtTheStartOfALine) {
  TwinTree t;
  for (const char* text : {"- item", "+ item", "= under", "12) twelve", "3.5 kg", "-5 and - 5"}) {
    t.append(t.append(t.root(), NodeKind::Paragraph), NodeKind::Text, text);
  }
  EXPECT_EQ(rendered_both(t),
            "\\- item\n\n\\+ item\n\n\\= under\n\n12\\) twelve\n\n3.5 kg\n\n\\-5 and - 5\n");
}

TEST(RenderCommonMark, NestsQuotesAndListsWithTheirPrefixes) {
  TwinTree t;
  const auto quote = t.append(t.root(), NodeKind::BlockQuote);
  const auto list = t.append(quote, NodeKind::List);
  t.set_list(list, true, 9, false);
  for (const char* text : {"nine", "ten"}) {
    const auto item = t.append(list, NodeKind::Item);
    t.append(t.append(item, NodeKind::Paragraph), NodeKind::Text, text);
    t.append(item, NodeKind::CodeBlock, "code\nmore\n");
  }
  EXPECT_EQ(rendered_both(t),
            "> 9.  nine\n>     \n>         code\n>         more\n\n> 10. ten\n>     \n>         "
            "code\n>         more\n");
}

TEST(RenderCommonMark, WritesTablesTaskItemsLinksAndCode) {
  TwinTree t;
  const auto table = t.append(t.root(), NodeKind::Table);
  t.set_table_alignments(table, std::string("l\0r", 3));
  for (int r = 0; r < 2; ++r) {
    const auto row = t.append(table, NodeKind::TableRow);
    if (r == 0) t.set_header_row(row);
    for (const char* text : {"a|b", "c", "d"}) {
      t.append(t.append(row, NodeKind::TableCell), NodeKind::Text, text);
    }
  }
  const auto list = t.append(t.root(), NodeKind::List);
  t.set_list(list, false, 0, true);
  const auto item = t.append(list, NodeKind::Item);
  const auto p = t.append(item, NodeKind::Paragraph);
  t.set_task(item, true);
  const auto link = t.append(p, NodeKind::Link);
  t.set_url(link, "https://example.org/a b");
  t.append(link, NodeKind::Text, "site");
  const auto autolink = t.append(p, NodeKind::Link);
  t.set_url(autolink, "https://example.org");
  t.append(autolink, NodeKind::Text, "https://example.org");
  t.append(p, NodeKind::Code, "`tick`");
  EXPECT_EQ(rendered_both(t),
            "| a\\|b | c | d |\n| :-- | --- | --: |\n| a\\|b | c | d |\n\n"
            "- [x] [site](https://example.org/a%20b)<https://example.org>`` `tick` ``\n");
}

// Thousands of random documents of every node kind the writer makes, with the characters
// escaping turns on: both renderers give the same bytes. (The fuzz target commonmark_render
// goes on from here.)
TEST(RenderCommonMark, RandomDocumentsRenderAsCmarkRendersThem) {
  std::mt19937 random(20261203);
  int compared = 0;
  for (int n = 0; n < 4000; ++n) {
    std::string choices(static_cast<std::size_t>(random() % 400), '\0');
    for (char& c : choices) c = static_cast<char>(random());
    TwinTree t;
    fixtures::random_document(t, choices);
    const std::string theirs = t.theirs();
    const std::string mine = t.mine();
    ASSERT_EQ(mine, theirs) << "document " << n;
    compared += theirs.size() > 1;
  }
  EXPECT_GT(compared, 3000);
}

// cmark takes a link for an autolink when its first child's literal is its URL; a link's or
// an image's URL shares that storage in cmark's node, so a link opening with a link to the
// same address is written as "<url>" and the rest of its text is dropped. (Found by the
// fuzz target.)
TEST(RenderCommonMark, ALinkOpeningWithALinkToItsOwnAddressIsAnAutolink) {
  TwinTree t;
  const auto p = t.append(t.root(), NodeKind::Paragraph);
  const auto outer = t.append(p, NodeKind::Link);
  t.set_url(outer, "https://example.org");
  const auto inner = t.append(outer, NodeKind::Link);
  t.set_url(inner, "https://example.org");
  t.append(inner, NodeKind::Text, "inner");
  t.append(outer, NodeKind::Text, " more");
  EXPECT_EQ(rendered_both(t), "<https://example.org>\n");
}
