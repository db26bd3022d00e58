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
