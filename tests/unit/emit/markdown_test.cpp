#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include <sstream>

#include "emit/emit.h"
#include "emit/emit_options.h"
#include "emit/test_briefing.h"

using namespace dossier;

namespace {

// The literal text of every paragraph and heading cmark-gfm reads back, in order.
std::vector<std::string> read_back(const std::string& markdown) {
  std::vector<std::string> out;
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  cmark_iter* it = cmark_iter_new(doc);
  std::string current;
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) current += cmark_node_get_literal(n);
    if (t == CMARK_NODE_SOFTBREAK) current += ' ';
    if ((t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && ev == CMARK_EVENT_EXIT) {
      out.push_back(current);
      current.clear();
    }
  }
  cmark_iter_free(it);
  cmark_node_free(doc);
  return out;
}

std::string markdown_of(const model::Briefing& b) {
  std::ostringstream out;
  EXPECT_TRUE(emit::write_markdown(b, fixtures::project_emit_options(), out).ok());
  return out.str();
}

}  // namespace

TEST(Markdown, EveryBlockReadsBackVerbatimDespiteSyntaxCharacters) {
  const auto b = fixtures::small_briefing();
  const auto texts = read_back(markdown_of(b));
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
