#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <sstream>

#include "emit/cmark_read_back.h"
#include "emit/emit.h"
#include "emit/emit_options.h"
#include "emit/test_briefing.h"

using namespace dossier;

namespace {

std::string markdown_of(const model::Briefing& b) {
  std::ostringstream out;
  EXPECT_TRUE(emit::write_markdown(b, fixtures::project_emit_options(), out).ok());
  return out.str();
}

}  // namespace

TEST(Markdown, EveryBlockReadsBackVerbatimDespiteSyntaxCharacters) {
  const auto b = fixtures::small_briefing();
  const auto texts = fixtures::paragraphs_read_back(markdown_of(b));
  for (const auto& block : b.sources[0].blocks) {
    EXPECT_NE(std::find(texts.begin(), texts.end(), block.text), texts.end())
        << "lost or altered: " << block.text;
  }
}

TEST(Markdown, TitleIsTheOnlyLevelOneHeading) {
  const std::string md = markdown_of(fixtures::small_briefing());
  EXPECT_EQ(md.rfind("# Talks", 0), 0u);
  EXPECT_EQ(md.find("\n# "), std::string::npos);
}

TEST(Markdown, FailedSourceIsListedAsFailed) {
  const std::string md = markdown_of(fixtures::small_briefing());
  EXPECT_NE(md.find("S2: sources/broken.bin (failed)"), std::string::npos);
}

// The briefing is rendered a piece at a time (each cut before a heading) so that it is never
// one tree in memory; the pieces must join as one rendering of the whole would. cmark-gfm
// reading the file back and writing it again as one document gives the same text.
TEST(Markdown, PiecesJoinAsOneRenderingOfTheWhole) {
  const std::string md = markdown_of(fixtures::small_briefing());
  cmark_node* doc = cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT);
  char* again = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
  EXPECT_EQ(std::string(again), md);
  free(again);
  cmark_node_free(doc);
  EXPECT_EQ(md.find("\n\n\n"), std::string::npos);
}
