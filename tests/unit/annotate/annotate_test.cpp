#include "annotate/annotate.h"

#include <gtest/gtest.h>

using namespace dossier;

TEST(Annotate, GivesSourceAndParagraphIdsInOrder) {
  model::Source s;
  s.blocks.resize(3);
  s.blocks[1].children.resize(2);
  const auto out = annotate::annotate(std::move(s), 1, {});
  EXPECT_EQ(out.id, "S2");
  EXPECT_EQ(out.blocks[0].id, "S2-p1");
  EXPECT_EQ(out.blocks[2].id, "S2-p3");
  EXPECT_EQ(out.blocks[1].children[1].id, "S2-p2");  // nested blocks share the parent's id
}

TEST(Annotate, JobMetadataWinsOverDetectedMetadata) {
  model::Source s;
  s.meta.title = "Detected title";
  s.meta.authors = {"Detected Author"};
  s.meta.category = "Business";
  s.given.title = "Given title";
  s.given.outlet = "Example Times";
  const auto out =
      annotate::annotate(std::move(s), 0, {.default_language = "tr", .gazetteer = nullptr});
  EXPECT_EQ(out.meta.title, "Given title");
  EXPECT_EQ(out.meta.outlet, "Example Times");
  EXPECT_EQ(out.meta.authors, (std::vector<std::string>{"Detected Author"}));
  EXPECT_EQ(out.meta.category, "Business");
  EXPECT_EQ(out.meta.language, "tr");
}
