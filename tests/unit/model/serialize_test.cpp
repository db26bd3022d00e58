// A source written and read back is the same source, field for field.
#include <gtest/gtest.h>

#include <set>

#include "model/serialize.h"

using namespace dossier;

namespace {

model::Source rich_source() {
  model::Source s;
  s.id = "S2";
  s.path = "sources/a b é.txt";
  s.resolved_path = "/tmp/a b é.txt";
  s.format = model::SourceFormat::Markdown;
  s.meta.title = "Fırtına \"quoted\"";
  s.meta.authors = {"İkbal Dürre", "A. N. Other"};
  s.given.date = "2025-05-12";
  s.text = "line one\nline two \u2014 with\ttab\n";
  s.lines = {{"line one", {1, 1}, 1}};
  model::Block b;
  b.id = "S2-p1";
  b.kind = model::BlockKind::List;
  b.text = "x";
  b.spans = {{model::SpanKind::Link, 0, 1, "https://example.org/?a=1&b=2"}};
  b.origin = {3, 4};
  b.children = {b};
  b.see_also = {"S1-p2"};
  s.blocks = {b};
  s.fixes = {{model::FixKind::Mojibake, {2, 5}, "â€™", "’"}};
  s.removals = {{7, 8, "Related article: x", "related-article"}};
  s.metadata_lines = {{1, 2, "By A. Writer", "byline"}};
  s.translation_note = "Translated from Turkish";
  s.quotes = {{"Q1", "S2-p1", {"S2-p1"}, "We will", std::nullopt, std::size_t{0}}};
  model::NameMention name;
  name.at = {"S2-p1", 0, 5};
  name.text = "Putin";
  name.full = "Vladimir Putin";
  name.type = model::EntityType::Person;
  name.role = "president";
  name.person_cue = true;
  s.names = {name};
  s.dates = {{"S2-p1", "Tuesday", "2025-05-13", "relative", 3, 10}};
  s.figures = {{"F1", "S2-p1", "4.7%", 0.1 + 0.2, "%", "inflation", 1, 5, "% inflation"}};
  return s;
}

// Recomputes a file's closing checksum (FNV-1a of the bytes before it, little-endian).
void reseal(std::string& file) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (std::size_t i = 0; i + 8 < file.size(); ++i) {
    h = (h ^ static_cast<unsigned char>(file[i])) * 0x100000001b3ull;
  }
  for (int i = 0; i < 8; ++i) file[file.size() - 8 + i] = static_cast<char>((h >> (8 * i)) & 0xFF);
}

}  // namespace

TEST(Serialize, ASourceRoundTripsExactly) {
  const model::SourceRecord r{
      rich_source(),
      {{model::Severity::Warning, model::DiagCode::InvalidBytes, "a b é.txt", 3, 28, "bad \xFF"}}};
  const auto back = model::read_source(model::write_source(r, "key-1"));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, r);
  EXPECT_EQ(back->source.figures[0].value, 0.1 + 0.2);  // doubles keep every bit
}

TEST(Serialize, AFileForAnotherKeyOrVersionOrDamagedIsRefused) {
  const std::string text = model::write_source({rich_source(), {}}, "key-1");
  EXPECT_TRUE(model::read_source(text, std::string_view("key-1")).has_value());
  EXPECT_FALSE(model::read_source(text, std::string_view("key-2")).has_value());
  // The version follows the 15-byte magic line as one varint byte (6); a file of another
  // version is refused even with a checksum that matches.
  std::string other_version = text;
  ASSERT_EQ(other_version.substr(0, 15), "DOSSIER-SOURCE\n");
  ASSERT_EQ(other_version[15], '\x06');
  other_version[15] = '\x09';
  reseal(other_version);
  EXPECT_FALSE(model::read_source(other_version).has_value());
  other_version[15] = '\x06';
  reseal(other_version);
  EXPECT_TRUE(model::read_source(other_version).has_value());
  // A changed byte anywhere fails the checksum.
  for (const std::size_t at :
       {std::size_t{20}, text.size() / 2, text.size() - 9, text.size() - 1}) {
    std::string damaged = text;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x20);
    EXPECT_FALSE(model::read_source(damaged).has_value()) << "byte " << at;
  }
  EXPECT_FALSE(model::read_source(text.substr(0, text.size() / 2)).has_value());
  EXPECT_FALSE(model::read_source("not a source file at all").has_value());
  EXPECT_FALSE(model::read_source("").has_value());
}

TEST(Serialize, EveryTruncationIsRefusedAndNothingReadsPastTheEnd) {
  const std::string text = model::write_source({rich_source(), {}}, "key-1");
  for (std::size_t n = 0; n < text.size(); ++n) {
    EXPECT_FALSE(model::read_source(std::string_view(text).substr(0, n)).has_value()) << n;
  }
}

TEST(Serialize, NestingPastTheLimitIsRefusedNotRecursedInto) {
  model::Source s = rich_source();
  model::Block deep;
  deep.id = "S2-p9";
  for (int i = 0; i < 300; ++i) {
    model::Block outer;
    outer.id = "S2-p9";
    outer.children.push_back(std::move(deep));
    deep = std::move(outer);
  }
  s.blocks.push_back(std::move(deep));
  EXPECT_FALSE(model::read_source(model::write_source({s, {}}, "k")).has_value());
  s.blocks.pop_back();
  EXPECT_TRUE(model::read_source(model::write_source({s, {}}, "k")).has_value());
}

namespace {
model::Digest digest_of(const model::Source& s) {
  model::Digester d;
  model::digest_source(d, s);
  return d.value();
}
}  // namespace

TEST(DigestSource, EqualSourcesDigestAlikeAndAnyChangedFieldChangesIt) {
  const model::Source base = rich_source();
  EXPECT_EQ(digest_of(base), digest_of(rich_source()));
  std::vector<model::Source> changed(8, base);
  changed[0].id = "S3";
  changed[1].text += "!";
  changed[2].blocks[0].children[0].spans[0].href = "https://example.org/";
  changed[3].fixes[0].after = "'";
  changed[4].removals.clear();
  changed[5].figures[0].value = 0.3;  // 0.1 + 0.2 is not 0.3: compared bit for bit
  changed[6].images["map.png"] = "\x89PNG";
  changed[7] = changed[6];
  changed[7].images["map.png"] = "\x89PNH";
  std::set<std::pair<std::uint64_t, std::uint64_t>> seen = {
      {digest_of(base).low, digest_of(base).high}};
  for (const auto& s : changed) {
    const model::Digest d = digest_of(s);
    EXPECT_TRUE(seen.insert({d.low, d.high}).second) << "a changed source digests like another";
  }
}

TEST(DigestSource, PiecesFedInAnySplitDigestAlike) {
  model::Digester whole, parts;
  whole.add("abcdef");
  parts.add("ab");
  parts.add("");
  parts.add("cdef");
  EXPECT_EQ(whole.value(), parts.value());
  model::Digester ab_c, a_bc;  // fields carry their length
  ab_c.add_field("ab");
  ab_c.add_field("c");
  a_bc.add_field("a");
  a_bc.add_field("bc");
  EXPECT_NE(ab_c.value(), a_bc.value());
}
