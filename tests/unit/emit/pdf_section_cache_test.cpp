// A source's or a reference part's PDF pages kept between builds: packed and read back exactly,
// used as they are only where they land on the same pages, laid out again elsewhere, with their
// glyphs marked.
#include "emit/pdf/section_cache.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "emit/briefing_view.h"
#include "emit/emit_options.h"
#include "emit/piece_cache.h"
#include "emit/test_briefing.h"
#include "model/utf8.h"

using namespace dossier;
using emit::pdf::Face;

namespace {

TEST(PdfSectionCache, PagesPackAndReadBackExactly) {
  std::vector<emit::pdf::Page> pages(2);
  pages[0].content = std::string("x\0\xff\x9c compressed", 14);
  pages[0].faces = 0b10101;
  pages[0].add_link(1.5, 2.25, 300.125, 14, "S1-p3");
  pages[0].add_link(-1, 0, 3, 4, "uri:https://example.org/?a=1&b=2");
  pages[1].content = "second";
  emit::pdf::Anchors anchors = {{"S1", {0, 770.5}}, {"S1-p3", {1, 123.456789}}};
  emit::pdf::GlyphSet glyphs;
  glyphs[0] = {U'1', U'A', U'\u011f'};
  glyphs[4] = {U'\uffff'};
  const std::string packed = emit::pdf::pack_section(17, pages, anchors, glyphs);
  const auto back = emit::pdf::unpack_section(packed);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->first_page, 17u);
  ASSERT_EQ(back->pages.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back->pages[i].content, pages[i].content);
    EXPECT_EQ(back->pages[i].faces, pages[i].faces);
    EXPECT_EQ(back->pages[i].link_text, pages[i].link_text);
    ASSERT_EQ(back->pages[i].links.size(), pages[i].links.size());
    for (std::size_t k = 0; k < pages[i].links.size(); ++k) {
      const auto &a = back->pages[i].links[k], &b = pages[i].links[k];
      EXPECT_EQ(std::tie(a.x0, a.y0, a.x1, a.y1, a.target_at, a.target_size),
                std::tie(b.x0, b.y0, b.x1, b.y1, b.target_at, b.target_size));
    }
  }
  emit::pdf::Anchors read_anchors(back->anchors.begin(), back->anchors.end());
  EXPECT_EQ(read_anchors, anchors);
  EXPECT_EQ(back->glyphs, glyphs);
  // Every shorter piece, and the piece with a byte more, is refused.
  for (std::size_t n = 0; n < packed.size(); ++n) {
    EXPECT_FALSE(emit::pdf::unpack_section(packed.substr(0, n))) << n;
  }
  EXPECT_FALSE(emit::pdf::unpack_section(packed + "x"));
}

TEST(PdfSectionCache, TheRecorderKeepsEachCodePointOnceSorted) {
  emit::pdf::GlyphRecorder recorder;
  recorder.add(Face::Body, "baab");
  recorder.add(Face::Body, "Ğa");
  recorder.add(Face::Mono, "x\U0001F600");  // beyond the BMP: measured as a space
  auto set = recorder.take();
  EXPECT_EQ(set[0], (std::vector<char32_t>{U'a', U'b', U'\u011e'}));
  EXPECT_EQ(set[4], (std::vector<char32_t>{U' ', U'x'}));
  EXPECT_TRUE(set[1].empty());
  EXPECT_TRUE(recorder.take()[0].empty());  // taken
}

// Lays out with a fake font, drawing each page as its runs joined (folio last), and records
// every code point measured, by face.
struct Drawn {
  emit::pdf::PagedDocument doc;
  std::set<std::pair<int, char32_t>> measured;
};

Drawn lay_out(const model::Briefing& b, emit::PieceCache* pieces) {
  auto options = fixtures::project_emit_options();
  options.threads = 2;
  options.pieces = pieces;
  Drawn out;
  std::mutex mutex;
  const emit::pdf::Measure measure = [&](Face face, double size, std::string_view text) {
    std::lock_guard lock(mutex);
    model::utf8::for_each(text, [&](char32_t c, std::size_t) {
      out.measured.insert({static_cast<int>(face), c});
    });
    return static_cast<double>(model::utf8::length(text)) * size * 0.5;
  };
  out.doc = emit::pdf::lay_out(b, options, measure, [](emit::pdf::Page& page, std::size_t) {
    for (const auto& run : page.runs) {
      page.content += std::string(page.text_of(run)) + "|";
      page.faces |= static_cast<std::uint8_t>(1u << static_cast<int>(run.face));
    }
    page.runs.clear();
    page.text.clear();
  });
  return out;
}

model::Briefing long_briefing() {
  auto b = fixtures::small_briefing();
  for (int i = 0; i < 60; ++i) b.sources[0].blocks.push_back(b.sources[0].blocks[0]);
  for (std::size_t i = 0; i < b.sources[0].blocks.size(); ++i) {
    b.sources[0].blocks[i].id = "S1-p" + std::to_string(i + 1);
  }
  b.sources.push_back(b.sources[0]);
  b.sources.back().id = "S3";
  for (auto& block : b.sources.back().blocks) block.id.replace(0, 2, "S3");
  return b;
}

void expect_same_pages(const Drawn& a, const Drawn& b) {
  ASSERT_EQ(a.doc.pages.size(), b.doc.pages.size());
  EXPECT_EQ(a.doc.anchors, b.doc.anchors);
  for (std::size_t i = 0; i < a.doc.pages.size(); ++i) {
    EXPECT_EQ(a.doc.pages[i].content, b.doc.pages[i].content) << "page " << i + 1;
    EXPECT_EQ(a.doc.pages[i].faces, b.doc.pages[i].faces) << "page " << i + 1;
    EXPECT_EQ(a.doc.pages[i].link_text, b.doc.pages[i].link_text) << "page " << i + 1;
  }
  EXPECT_EQ(a.measured, b.measured);
}

TEST(PdfSectionCache, KeptPagesWhereTheyLandAgainAreTheLaidOutPages) {
  const model::Briefing b = long_briefing();
  const Drawn fresh = lay_out(b, nullptr);
  emit::PieceCache pieces;
  expect_same_pages(lay_out(b, &pieces), fresh);
  EXPECT_EQ(pieces.misses(), 3u);
  EXPECT_EQ(pieces.misses(emit::PieceKind::Part), 4u);  // the parts before the sources
  pieces.prune();
  pieces.reset_counts();
  expect_same_pages(lay_out(b, &pieces), fresh);  // every glyph marked, as when laid out
  EXPECT_EQ(pieces.hits(), 3u);
  EXPECT_EQ(pieces.hits(emit::PieceKind::Part), 4u);
  EXPECT_EQ(pieces.misses(), 0u);
  EXPECT_EQ(pieces.misses(emit::PieceKind::Part), 0u);
}

// The reference parts before the sources (key people, quotes, timeline, figures) show only
// what the view holds: a source whose text changed and whose names did not leaves them where
// they were, and they are copied; the changed source alone is laid out again.
TEST(PdfSectionCache, PartsAreKeptWhileWhatTheyShowIsTheSame) {
  model::Briefing b = long_briefing();
  emit::PieceCache pieces;
  lay_out(b, &pieces);
  pieces.prune();
  pieces.reset_counts();
  model::Block& last = b.sources.back().blocks.back();
  ASSERT_EQ(emit::parts_digests(emit::make_view(b)), [&] {
    model::Briefing changed = b;
    changed.sources.back().blocks.back().text += " One more plain sentence.";
    return emit::parts_digests(emit::make_view(changed));
  }());
  last.text += " One more plain sentence.";
  expect_same_pages(lay_out(b, &pieces), lay_out(b, nullptr));
  EXPECT_EQ(pieces.hits(emit::PieceKind::Part), 4u);
  EXPECT_EQ(pieces.misses(emit::PieceKind::Part), 0u);
  EXPECT_EQ(pieces.hits(), 2u);  // the first two sources
  EXPECT_EQ(pieces.misses(), 1u);
}

// Whatever a part shows is in its key: a quotation's words, a figure's value, a date's text,
// a figure's subject change the part that shows them, which is then laid out again, and the
// others are copied (here each change keeps the part's length, so only its key can tell).
TEST(PdfSectionCache, APartIsLaidOutAgainWhenAnythingItShowsChanged) {
  model::Briefing b = long_briefing();
  b.quotes.push_back({"Q1", "S1-p1", {"S1-p1"}, "Words as spoken.", std::nullopt, std::nullopt});
  b.figures.push_back({"F1", "S1-p1", "40%", 40, "%", "of the vote", 0, 3, "% vote"});
  b.dates.push_back({"S1-p1", "May 15", "2025-05-15", "day", 0, 6});
  const std::vector<std::function<void(model::Briefing&)>> changes = {
      [](model::Briefing& x) { x.quotes[0].text = "Words as written."; },
      [](model::Briefing& x) { x.figures[0].text = "41%"; },
      [](model::Briefing& x) { x.dates[0].text = "May 16"; },
      [](model::Briefing& x) { x.figures[0].about = "of the seat"; },
  };
  for (std::size_t k = 0; k < changes.size(); ++k) {
    emit::PieceCache pieces;
    lay_out(b, &pieces);
    pieces.prune();
    pieces.reset_counts();
    model::Briefing changed = b;
    changes[k](changed);
    expect_same_pages(lay_out(changed, &pieces), lay_out(changed, nullptr));
    EXPECT_EQ(pieces.misses(emit::PieceKind::Part), 1u) << "change " << k;
    EXPECT_EQ(pieces.hits(emit::PieceKind::Part), 3u) << "change " << k;
    EXPECT_EQ(pieces.hits(), 3u) << "change " << k;  // the sources
  }
}

// In memory (dossier watch) and on disk (a build's cache folder), where a build copies each
// piece it finds into its new pack before it may keep a changed one under the same key.
class PdfSectionCacheMoved : public ::testing::TestWithParam<bool> {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("dossier-sections-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }
  // The cache as the next build opens it.
  std::unique_ptr<emit::PieceCache> next_build(std::unique_ptr<emit::PieceCache> last) {
    if (!GetParam()) {
      if (!last) return std::make_unique<emit::PieceCache>();
      last->prune();
      last->reset_counts();
      return last;
    }
    if (last) last->prune();
    last.reset();
    return std::make_unique<emit::PieceCache>(folder_);
  }
  std::filesystem::path folder_;
};

TEST_P(PdfSectionCacheMoved, KeptPagesThatLandElsewhereAreLaidOutAgainThenKeptThere) {
  model::Briefing b = long_briefing();
  auto pieces = next_build(nullptr);
  lay_out(b, pieces.get());
  pieces = next_build(std::move(pieces));
  // Quotations fill pages of their own before the sources, which now start further on.
  for (int i = 0; i < 80; ++i) {
    b.quotes.push_back({"Q" + std::to_string(i + 1),
                        "S1-p1",
                        {"S1-p1"},
                        "A quotation long enough to take a line or two of the quotes part.",
                        std::nullopt,
                        std::nullopt});
  }
  const Drawn fresh = lay_out(b, nullptr);
  const Drawn again = lay_out(b, pieces.get());
  expect_same_pages(again, fresh);
  EXPECT_EQ(pieces->misses(), 3u);                       // found, but their folios were wrong
  EXPECT_EQ(pieces->misses(emit::PieceKind::Part), 3u);  // the quotes, and the two after it
  pieces = next_build(std::move(pieces));
  expect_same_pages(lay_out(b, pieces.get()), fresh);  // kept again, at their new pages
  EXPECT_EQ(pieces->hits(), 3u);
  EXPECT_EQ(pieces->hits(emit::PieceKind::Part), 4u);
  EXPECT_EQ(pieces->misses(), 0u);
}

INSTANTIATE_TEST_SUITE_P(InMemoryAndOnDisk, PdfSectionCacheMoved, ::testing::Bool());

}  // namespace
