// The rendered chapters kept between builds: found again only under the same key, only what the
// last build used is kept, and a writer that copies them writes the bytes it would render.
#include "emit/piece_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>

#include "emit/briefing_view.h"
#include "emit_options.h"
#include "test_briefing.h"
#include "test_folder.h"

using namespace dossier;
namespace fs = std::filesystem;

namespace {

model::Digest key(std::string_view name) {
  model::Digester d;
  d.add(name);
  return d.value();
}

class PieceCacheTest : public fixtures::TestFolder {};

TEST_F(PieceCacheTest, InMemoryKeepsOnlyWhatTheLastBuildUsed) {
  emit::PieceCache cache;
  cache.store(key("a"), "alpha");
  cache.store(key("b"), "beta");
  cache.prune();
  EXPECT_EQ(cache.find(key("a")).value_or(""), "alpha");  // a build that uses a only
  EXPECT_FALSE(cache.find(key("c")));
  cache.prune();
  EXPECT_EQ(cache.find(key("a")).value_or(""), "alpha");
  EXPECT_EQ(cache.find(key("a")).value_or(""), "alpha");  // twice in one build
  EXPECT_FALSE(cache.find(key("b")));
  EXPECT_EQ(cache.hits(), 3u);
  EXPECT_EQ(cache.misses(), 2u);
}

TEST_F(PieceCacheTest, OnDiskAPieceIsFoundByTheNextBuildAndKeptOnlyIfUsed) {
  {
    emit::PieceCache cache(folder_);
    EXPECT_FALSE(cache.find(key("a")));
    cache.store(key("a"), "alpha");
    cache.store(key("b"), std::string(100000, 'b'));
    cache.prune();
  }
  ASSERT_TRUE(fs::is_regular_file(folder_ / "pieces.pack"));
  {
    emit::PieceCache cache(folder_);
    EXPECT_EQ(cache.find(key("b")).value_or(""), std::string(100000, 'b'));
    EXPECT_FALSE(cache.find(key("alpha")));
    cache.prune();
  }
  emit::PieceCache cache(folder_);
  EXPECT_FALSE(cache.find(key("a")));  // the last build did not use it
  EXPECT_TRUE(cache.find(key("b")));
}

TEST_F(PieceCacheTest, ADamagedPieceIsAMiss) {
  {
    emit::PieceCache cache(folder_);
    cache.store(key("a"), "alpha");
    cache.store(key("b"), "beta");
    cache.prune();
  }
  std::string pack;
  {
    std::ifstream in(folder_ / "pieces.pack", std::ios::binary);
    pack.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::size_t at = pack.find("alpha");
  ASSERT_NE(at, std::string::npos);
  pack[at] = 'A';
  std::ofstream(folder_ / "pieces.pack", std::ios::binary) << pack;
  emit::PieceCache cache(folder_);
  EXPECT_FALSE(cache.find(key("a")));
  EXPECT_EQ(cache.find(key("b")).value_or(""), "beta");
}

// A briefing whose first source links a name to its index entry.
model::Briefing briefing_with_a_name(const std::string& entity_id) {
  model::Briefing b = fixtures::small_briefing();
  model::Entity e;
  e.id = entity_id;
  e.name = "Recep Tayyip Erdoğan";
  e.mentions = {{"S1-p1", 0, 7}};
  b.entities = {e};
  return b;
}

std::string written(emit::Writer write, const model::Briefing& b, emit::PieceCache* pieces) {
  emit::EmitOptions options = fixtures::project_emit_options();
  options.pieces = pieces;
  std::ostringstream out;
  EXPECT_TRUE(write(b, options, out).ok());
  return std::move(out).str();
}

TEST_F(PieceCacheTest, WritersCopyingChaptersWriteWhatTheyWouldRender) {
  for (const emit::Writer write :
       {emit::write_html, emit::write_epub, emit::write_markdown, emit::write_json}) {
    const model::Briefing b = briefing_with_a_name("E-erdogan");
    const std::string rendered = written(write, b, nullptr);
    emit::PieceCache cache;
    EXPECT_EQ(written(write, b, &cache), rendered);
    EXPECT_EQ(cache.misses(), 2u);  // each source's chapter, the failed one's too
    cache.prune();
    cache.reset_counts();
    EXPECT_EQ(written(write, b, &cache), rendered);
    EXPECT_EQ(cache.hits(), 2u);
    EXPECT_EQ(cache.misses(), 0u);
  }
}

// The reference parts of the HTML page (in slices) and of the EPUB (file by file) are kept
// the same way: a build that changes nothing they show copies them all, and writes the bytes
// it would render; one that changes a quotation, a figure or a name renders the parts that
// show it again and copies the others.
model::Briefing briefing_with_parts() {
  model::Briefing b = briefing_with_a_name("E-erdogan");
  b.quotes.push_back({"Q1", "S1-p1", {"S1-p1"}, "Words as spoken.", "E-erdogan", std::nullopt});
  b.figures.push_back({"F1", "S1-p1", "40%", 40, "%", "of the vote", 0, 3, "% vote"});
  return b;
}

TEST_F(PieceCacheTest, WritersCopyingPartsWriteWhatTheyWouldRender) {
  for (const emit::Writer write : {emit::write_html, emit::write_epub}) {
    const model::Briefing b = briefing_with_parts();
    emit::PieceCache cache;
    EXPECT_EQ(written(write, b, &cache), written(write, b, nullptr));
    const std::size_t parts = cache.misses(emit::PieceKind::Part);
    EXPECT_GE(parts, 4u);  // a slice or a file for each part that lists something
    cache.prune();
    cache.reset_counts();
    EXPECT_EQ(written(write, b, &cache), written(write, b, nullptr));
    EXPECT_EQ(cache.hits(emit::PieceKind::Part), parts);
    EXPECT_EQ(cache.misses(emit::PieceKind::Part), 0u);
  }
}

TEST_F(PieceCacheTest, APartShowingSomethingElseIsRenderedAgain) {
  const std::vector<std::function<void(model::Briefing&)>> changes = {
      [](model::Briefing& b) { b.quotes[0].text = "Words as written."; },
      [](model::Briefing& b) { b.figures[0].text = "41%"; },
      [](model::Briefing& b) { b.entities[0].name = "Recep Erdoğan"; },  // shown in three
      [](model::Briefing& b) { b.entities[0].roles = {"president"}; },
  };
  for (const emit::Writer write : {emit::write_html, emit::write_epub}) {
    for (std::size_t k = 0; k < changes.size(); ++k) {
      emit::PieceCache cache;
      written(write, briefing_with_parts(), &cache);
      cache.prune();
      cache.reset_counts();
      model::Briefing changed = briefing_with_parts();
      changes[k](changed);
      EXPECT_EQ(written(write, changed, &cache), written(write, changed, nullptr)) << k;
      EXPECT_GE(cache.misses(emit::PieceKind::Part), 1u) << k;
      EXPECT_GE(cache.hits(emit::PieceKind::Part), 1u) << k;
    }
  }
}

TEST_F(PieceCacheTest, AChapterWhoseLinkedNameMovedIsRenderedAgain) {
  for (const emit::Writer write : {emit::write_html, emit::write_epub}) {
    emit::PieceCache cache;
    written(write, briefing_with_a_name("E-erdogan"), &cache);
    cache.prune();
    cache.reset_counts();
    const model::Briefing moved = briefing_with_a_name("E-recep-tayyip-erdogan");
    EXPECT_EQ(written(write, moved, &cache), written(write, moved, nullptr));
    EXPECT_EQ(cache.misses(), 1u);  // S1 links the name; S2 does not
    EXPECT_EQ(cache.hits(), 1u);
  }
  // Markdown does not link names: its chapter stays.
  emit::PieceCache cache;
  written(emit::write_markdown, briefing_with_a_name("E-erdogan"), &cache);
  cache.prune();
  cache.reset_counts();
  written(emit::write_markdown, briefing_with_a_name("E-recep-tayyip-erdogan"), &cache);
  EXPECT_EQ(cache.hits(), 2u);
}

// write_outputs makes each source's linked-names digest once for the formats that link names;
// the keys are the ones each chapter would make for itself.
TEST_F(PieceCacheTest, LinkDigestsMadeOnceGiveTheKeysEachChapterWouldMake) {
  const model::Briefing b = briefing_with_a_name("E-erdogan");
  const emit::BriefingView view = emit::make_view(b);
  emit::EmitOptions options = fixtures::project_emit_options();
  std::vector<model::Digest> own;
  for (std::size_t i = 0; i < b.sources.size(); ++i) {
    own.push_back(emit::chapter_key(options, b, i, &view, "html chapter"));
  }
  options.link_digests =
      std::make_shared<const std::vector<model::Digest>>(emit::digest_links(b, view, 2));
  for (std::size_t i = 0; i < b.sources.size(); ++i) {
    EXPECT_EQ(emit::chapter_key(options, b, i, &view, "html chapter"), own[i]) << i;
  }
  const model::Briefing moved = briefing_with_a_name("E-recep-tayyip-erdogan");
  const emit::BriefingView moved_view = emit::make_view(moved);
  options.link_digests =
      std::make_shared<const std::vector<model::Digest>>(emit::digest_links(moved, moved_view, 2));
  EXPECT_NE(emit::chapter_key(options, moved, 0, &moved_view, "html chapter"), own[0]);
  EXPECT_EQ(emit::chapter_key(options, moved, 1, &moved_view, "html chapter"), own[1]);
}

TEST_F(PieceCacheTest, OtherWordsOrAnotherTemplateRenderAgain) {
  const model::Briefing b = briefing_with_a_name("E-erdogan");
  emit::PieceCache cache;
  written(emit::write_epub, b, &cache);
  cache.prune();
  cache.reset_counts();
  emit::EmitOptions options = fixtures::project_emit_options();
  options.pieces = &cache;
  options.words = emit::Words({{"contents", "Inhalt"}, {"sources", "Quellen"}});
  std::ostringstream out;
  ASSERT_TRUE(emit::write_epub(b, options, out).ok());
  EXPECT_EQ(cache.hits(), 0u);
  // A job's own chapter template.
  const fs::path templates = folder_ / "templates";
  fs::create_directories(templates / "epub");
  {
    std::ifstream in(fs::path(DOSSIER_PROJECT_DIR) / "templates/epub/chapter.mustache");
    std::string text(std::istreambuf_iterator<char>(in), {});
    const std::size_t body = text.find("<body");
    ASSERT_NE(body, std::string::npos);
    text.insert(body + 5, " data-job=\"own\"");
    std::ofstream(templates / "epub/chapter.mustache") << text;
  }
  written(emit::write_epub, b, &cache);  // the project's words and templates again
  cache.prune();
  cache.reset_counts();
  options = fixtures::project_emit_options();
  options.pieces = &cache;
  options.templates = emit::TemplateSet({templates, fs::path(DOSSIER_PROJECT_DIR) / "templates"});
  ASSERT_TRUE(emit::write_epub(b, options, out).ok());
  EXPECT_EQ(cache.hits(), 0u);
  EXPECT_EQ(cache.misses(), 2u);
}

}  // namespace

// With the EPUB's index split over files, a chapter links each name to the file its entry is
// in: when an entry moves to another file (here a name sorted before it pushes it on), a
// chapter that links it is rendered again, though its own names did not change.
TEST_F(PieceCacheTest, AnEpubChapterWhoseNameMovedToAnotherIndexFileIsRenderedAgain) {
  const auto briefing = [](bool with_ahmet) {
    model::Briefing b = fixtures::small_briefing();
    model::Source third = b.sources.front();
    third.id = "S3";
    for (auto& block : third.blocks) block.id = "S3" + block.id.substr(2);
    b.sources.push_back(third);
    const auto entity = [](std::string id, std::string name, std::string block) {
      model::Entity e;
      e.id = std::move(id);
      e.name = std::move(name);
      e.mentions = {{std::move(block), 0, 3}};
      return e;
    };
    b.entities = {entity("E-erdogan", "Recep Tayyip Erdoğan", "S1-p1"),
                  entity("E-zed", "Zed", "S3-p1")};
    if (with_ahmet) b.entities.push_back(entity("E-ahmet", "Ahmet", "S3-p3"));
    return b;
  };
  emit::EmitOptions options = fixtures::project_emit_options();
  options.epub_part_bytes = 1;  // each index entry a file of its own
  const auto write = [&](const model::Briefing& b, emit::PieceCache* cache) {
    options.pieces = cache;
    std::ostringstream out;
    EXPECT_TRUE(emit::write_epub(b, options, out).ok());
    return std::move(out).str();
  };
  emit::PieceCache cache;
  const std::string before = write(briefing(false), &cache);
  cache.prune();
  cache.reset_counts();
  const std::string after = write(briefing(true), &cache);
  EXPECT_EQ(after, write(briefing(true), nullptr));
  EXPECT_EQ(cache.misses(), 2u);  // S1, whose name moved, and S3, whose names changed
  EXPECT_EQ(cache.hits(), 1u);    // the failed S2
  // The move is real: S1's link went from the index's first file to its second.
  EXPECT_NE(before, after);
}
