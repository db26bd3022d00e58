#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <mutex>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "emit/emit_options.h"
#include "emit/pdf/flow.h"
#include "emit/pdf/layout.h"
#include "emit/pdf/parts.h"
#include "emit/pdf_reader.h"
#include "emit/test_briefing.h"
#include "model/utf8.h"

using namespace dossier;
using emit::pdf::Face;

namespace {
// A fake monospaced font: every code point is half the font size wide.
const emit::pdf::Measure kFake = [](Face, double size, std::string_view text) {
  return static_cast<double>(model::utf8::length(text)) * size * 0.5;
};

// Sixty sources of a few pages each, an index of over a hundred pages (450 names, each
// in a paragraph of every source) and a figures part of a few hundred pages.
model::Briefing long_briefing() {
  model::Briefing b = fixtures::small_briefing();
  model::Source first = b.sources.front();
  for (int i = 0; i < 40; ++i) first.blocks.push_back(first.blocks[0]);
  b.sources.clear();
  for (int i = 1; i <= 60; ++i) {
    model::Source s = first;
    s.id = "S" + std::to_string(i);
    for (std::size_t k = 0; k < s.blocks.size(); ++k) {
      s.blocks[k].id = s.id + "-p" + std::to_string(k + 1);
    }
    b.sources.push_back(s);
  }
  for (int k = 0; k < 450; ++k) {
    model::Entity e;
    e.id = "E-name-" + std::to_string(k);
    e.name = "Name " + std::to_string(1000 + k);
    for (int s = 1; s <= 60; ++s) {
      e.mentions.push_back({"S" + std::to_string(s) + "-p" + std::to_string(1 + k % 40), 0, 3});
    }
    b.entities.push_back(e);
  }
  for (int k = 0; k < 4000; ++k) {
    model::Figure f;
    f.id = "F" + std::to_string(k + 1);
    f.block = "S" + std::to_string(k % 60 + 1) + "-p1";
    f.text = std::to_string(1000 + k) + " tonnes of grain shipped through the corridor";
    f.about = "grain shipped";
    b.figures.push_back(f);
  }
  return b;
}
}  // namespace

TEST(PdfWrap, NoLineIsWiderThanTheMeasure) {
  const std::string text =
      "Negotiators from both sides met again on Tuesday, hoping to reopen a shipping lane that "
      "once carried a third of the region's wheat exports; Erdoğan spoke first.";
  const auto lines = emit::pdf::wrap_text(text, Face::Body, 10, 150, kFake);
  ASSERT_GT(lines.size(), 3u);
  std::string joined;
  for (const auto& l : lines) {
    EXPECT_LE(kFake(Face::Body, 10, l), 150.0) << l;
    joined += (joined.empty() ? "" : " ") + l;
  }
  EXPECT_EQ(joined, text);
}

TEST(PdfWrap, WordWiderThanALineIsSplitAtCodePoints) {
  const std::string word = "Донецкобассейнскаяобласть";  // 25 code points
  const auto lines = emit::pdf::wrap_text(word, Face::Body, 10, 50, kFake);
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& l : lines) EXPECT_TRUE(model::utf8::is_valid(l));
  EXPECT_EQ(lines[0] + lines[1] + lines[2], word);
}

TEST(PdfLayout, ContentsPointsToTheChaptersRealPages) {
  auto b = fixtures::small_briefing();
  // Enough text to push the second chapter several pages on.
  for (int i = 0; i < 120; ++i) b.sources[0].blocks.push_back(b.sources[0].blocks[0]);
  for (std::size_t i = 0; i < b.sources[0].blocks.size(); ++i) {
    b.sources[0].blocks[i].id = "S1-p" + std::to_string(i + 1);
  }
  const auto doc = emit::pdf::lay_out(b, fixtures::project_emit_options(), kFake);
  const int s2_page = doc.anchors.at("S2").page;
  EXPECT_GT(s2_page, 4);
  // The contents page shows S2's 1-based page number and links to the S2 anchor.
  const auto& contents = doc.pages.at(static_cast<std::size_t>(doc.anchors.at("contents").page));
  bool number_found = false;
  for (const auto& run : contents.runs) {
    number_found |= contents.text_of(run) == std::to_string(s2_page + 1);
  }
  EXPECT_TRUE(number_found);
  bool link_found = false;
  for (const auto& link : contents.links) link_found |= contents.target_of(link) == "S2";
  EXPECT_TRUE(link_found);
}

TEST(PdfLayout, EveryRunStaysOnThePageAndEveryLinkHasAnAnchor) {
  const auto doc =
      emit::pdf::lay_out(fixtures::small_briefing(), fixtures::project_emit_options(), kFake);
  const auto g = emit::pdf::geometry_for({});
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) {
      EXPECT_GE(run.x, 0);
      EXPECT_LE(run.x + kFake(run.face, run.size, page.text_of(run)),
                g.width - g.margin_right + 0.01)
          << page.text_of(run);
      EXPECT_GT(run.y, 0);
      EXPECT_LT(run.y, g.height);
    }
    for (const auto& link : page.links) {
      EXPECT_TRUE(doc.anchors.count(page.target_of(link))) << page.target_of(link);
    }
  }
  int top_level = 0;
  for (const auto& item : doc.outline) top_level += item.level == 0;
  // cover, contents, four parts before the sources, one per source, the index
  EXPECT_EQ(top_level, 9);
}

TEST(Pdf, OutputIsByteIdenticalAcrossRuns) {
  const auto b = fixtures::small_briefing();
  const auto o = fixtures::project_emit_options();
  std::ostringstream first, second;
  ASSERT_TRUE(emit::write_pdf(b, o, first).ok());
  ASSERT_TRUE(emit::write_pdf(b, o, second).ok());
  EXPECT_EQ(first.str(), second.str());
  EXPECT_EQ(first.str().rfind("%PDF-", 0), 0u);
}

namespace {
// A 2×2 RGB PNG, made with zlib: enough for libharu to read and embed.
std::string tiny_png() {
  const auto be32 = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  const auto chunk = [&](const std::string& type, const std::string& data) {
    const std::string body = type + data;
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body +
           be32(static_cast<std::uint32_t>(crc));
  };
  const std::string rows("\0\xff\0\0\0\xff\0\0\0\0\0\xff\xff\xff\xff", 14);
  std::string idat(compressBound(static_cast<uLong>(rows.size())), '\0');
  uLongf size = static_cast<uLongf>(idat.size());
  compress(reinterpret_cast<Bytef*>(idat.data()), &size,
           reinterpret_cast<const Bytef*>(rows.data()), static_cast<uLong>(rows.size()));
  idat.resize(size);
  return std::string("\x89PNG\r\n\x1a\n", 8) +
         chunk("IHDR", be32(2) + be32(2) + std::string("\x08\x02\0\0\0", 5)) + chunk("IDAT", idat) +
         chunk("IEND", "");
}
}  // namespace

// The writer says when it reads no more of the briefing, so that write_outputs can free the
// model while libharu assembles the document. Here the briefing is overwritten right then
// (another title, no image, no names): the document must be the one written with the
// briefing left alone, image and keywords included (and under ASan nothing may read what
// was freed).
TEST(Pdf, NothingOfTheBriefingIsReadOnceTheWriterSaysItIsDone) {
  model::Briefing b = fixtures::small_briefing();
  model::Block image;
  image.id = b.sources.front().blocks.front().id;
  image.kind = model::BlockKind::Image;
  image.src = "map.png";
  image.text = "A map";
  b.sources.front().blocks.push_back(image);
  b.sources.front().images["map.png"] = tiny_png();
  auto o = fixtures::project_emit_options();
  std::ostringstream whole;
  ASSERT_TRUE(emit::write_pdf(b, o, whole).ok());
  ASSERT_NE(whole.str().find("/Subtype /Image"), std::string::npos);

  model::Briefing held = b;
  int calls = 0;
  o.done_with_briefing = [&] {
    ++calls;
    held = model::Briefing{};
    held.title = "Something else";
  };
  std::ostringstream after;
  ASSERT_TRUE(emit::write_pdf(held, o, after).ok());
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(after.str() == whole.str());
}

// Past a limit, pages move into the temporary file as layout finishes with them: those of the
// first sources stay in memory, the later ones and the index's go to the file, and the
// document is the one written from memory, whatever the number of threads.
TEST(Pdf, PagesSpilledWhileLaidOutMakeTheSameDocument) {
  const auto b = long_briefing();
  auto o = fixtures::project_emit_options();
  o.threads = 1;
  std::ostringstream in_memory;
  ASSERT_TRUE(emit::write_pdf(b, o, in_memory).ok());
  for (const unsigned threads : {1u, 2u, 4u}) {
    o.threads = threads;
    o.pdf.spill_pages_above = 20000;
    std::ostringstream spilled;
    ASSERT_TRUE(emit::write_pdf(b, o, spilled).ok());
    EXPECT_TRUE(spilled.str() == in_memory.str()) << threads << " threads";
  }
}

// A long briefing's compressed pages wait for the save in a temporary file: forced here, the
// document must be the one written from memory.
TEST(Pdf, PagesSpilledToAFileMakeTheSameDocument) {
  const auto b = fixtures::small_briefing();
  auto o = fixtures::project_emit_options();
  std::ostringstream in_memory, spilled;
  ASSERT_TRUE(emit::write_pdf(b, o, in_memory).ok());
  o.pdf.spill_pages_above = 0;
  ASSERT_TRUE(emit::write_pdf(b, o, spilled).ok());
  EXPECT_EQ(spilled.str(), in_memory.str());
}

TEST(PdfLayout, NamesLinkToTheIndexAndTheIndexGivesPages) {
  auto b = fixtures::small_briefing();
  ASSERT_FALSE(b.sources.empty());
  model::Entity e;
  e.id = "E-test-person";
  e.name = "Test Person";
  const auto& block = b.sources[0].blocks[0];
  e.mentions.push_back({block.id, 0, 4});
  b.entities.push_back(e);
  const auto doc = emit::pdf::lay_out(b, fixtures::project_emit_options(), kFake);
  ASSERT_TRUE(doc.anchors.count("E-test-person"));
  int to_index = 0, to_paragraph = 0;
  for (const auto& page : doc.pages) {
    for (const auto& link : page.links) {
      to_index += page.target_of(link) == "E-test-person";
      to_paragraph += page.target_of(link) == block.id;
    }
  }
  EXPECT_GE(to_index, 2);      // the mention in the text, the key-people entry
  EXPECT_GE(to_paragraph, 2);  // the key-people entry and the index entry
  bool page_given = false;
  std::string seen;
  const int index_page = doc.anchors.at("E-test-person").page;
  const auto& page = doc.pages[static_cast<std::size_t>(index_page)];
  for (const auto& run : page.runs) {
    const std::string_view text = page.text_of(run);
    if (text.find("\u00B61 (") != std::string::npos) page_given = true;  // "S1 ¶1 (p. 7)"
    seen += std::string(text) + "|";
  }
  EXPECT_TRUE(page_given) << seen;
}

TEST(PdfFlow, ALastLineNeverStandsAloneAtAPageTop) {
  emit::pdf::PagedDocument doc;
  const emit::pdf::Geometry g;
  const emit::pdf::Measure measure = kFake;
  emit::pdf::Flow flow(doc, g, measure, 10);
  flow.new_page();
  const double leading = 10 * emit::pdf::kLeading;
  std::string text;
  for (int i = 0; i < 60; ++i) text += "word" + std::to_string(i) + " ";
  const auto lines = emit::pdf::wrap_text(text, Face::Body, 10, g.text_width(), kFake);
  ASSERT_GE(lines.size(), 3u);
  // Leave room for all lines but the last, then set the paragraph.
  const double room = static_cast<double>(lines.size() - 1) * leading + 1;
  flow.space(g.height - g.margin_top - g.margin_bottom - room);
  flow.paragraph(text, emit::pdf::Face::Body, 10);
  ASSERT_EQ(doc.pages.size(), 2u);
  // Count body runs (not the folio) on each page.
  const auto body_runs = [&](const emit::pdf::Page& p) {
    int n = 0;
    for (const auto& r : p.runs) n += r.size == 10;
    return n;
  };
  const int total = body_runs(doc.pages[0]) + body_runs(doc.pages[1]);
  ASSERT_GE(total, 3);
  EXPECT_GE(body_runs(doc.pages[1]), 2) << "lines: " << total;
}

TEST(PdfFlow, AWordWiderThanTheLineIsCutAndNeverCrossesTheMargin) {
  const emit::pdf::Geometry g;
  const emit::pdf::Measure measure = kFake;
  const std::string url = "https://example.org/" + std::string(300, 'x') + "/Донецк";
  for (const bool justify : {false, true}) {
    emit::pdf::PagedDocument doc;
    emit::pdf::Flow flow(doc, g, measure, 10);
    flow.new_page();
    flow.rich_paragraph({{"See the source at ", "", Face::Body},
                         {url, "S1", Face::Body},
                         {" for the whole text.", "", Face::Body}},
                        10, 0, justify);
    std::string text;
    const auto& page = doc.pages.at(0);
    for (const auto& run : page.runs) {
      const std::string_view run_text = page.text_of(run);
      EXPECT_LE(run.x + kFake(run.face, run.size, run_text), g.width - g.margin_right + 0.01)
          << run_text;
      EXPECT_TRUE(model::utf8::is_valid(run_text));
      text += run_text;
    }
    // Every character is still there, in order; the link covers each piece of the address.
    std::string expected = "Seethesourceat" + url + "forthewholetext.";
    std::erase(text, ' ');
    EXPECT_EQ(text, expected) << (justify ? "justified" : "first fit");
    for (const auto& link : doc.pages.at(0).links) {
      EXPECT_LE(link.x1, g.width - g.margin_right + 0.01);
    }
    EXPECT_GE(doc.pages.at(0).links.size(), 3u);
  }
}

TEST(Pdf, ABriefingOfMoreThan8191PagesIsWritten) {
  // libharu's page tree node holds at most 8,191 pages unless pages are grouped; each source
  // starts a page, so 8,300 one-line sources make more pages than one node can hold.
  auto b = fixtures::small_briefing();
  const model::Source one = b.sources.front();
  b.sources.clear();
  for (int i = 1; i <= 8300; ++i) {
    model::Source s = one;
    s.id = "S" + std::to_string(i);
    s.blocks.resize(1);
    s.blocks[0].id = s.id + "-p1";
    s.fixes.clear();
    s.removals.clear();
    b.sources.push_back(std::move(s));
  }
  std::ostringstream out;
  const auto written = emit::write_pdf(b, fixtures::project_emit_options(), out);
  ASSERT_TRUE(written.ok()) << written.error().message;
  const test::PdfRead read = test::read_pdf(out.str());
  ASSERT_TRUE(read.problems.empty()) << read.problems.front();
  // The root of the page tree counts every page: the largest /Count of a /Pages dictionary.
  long long largest = 0;
  for (const auto& [id, value] : read.objects) {
    if (value.find("/Type /Pages") == std::string::npos) continue;
    largest = std::max(largest, test::number_after(value, "/Count"));
  }
  EXPECT_GT(largest, 8300);
}

// Markdown's inline formatting reaches the PDF: each span sets its face, web links are live,
// and unsafe addresses stay text.
TEST(PdfLayout, SpansSetFacesAndWebLinksAreLive) {
  model::Block block;
  block.id = "S1-p1";
  block.text = "bold italic both code link bad";
  // As the Markdown reader gives them: an inner span before the one around it.
  block.spans = {{model::SpanKind::Strong, 0, 4, ""},
                 {model::SpanKind::Emphasis, 5, 11, ""},
                 {model::SpanKind::Emphasis, 12, 16, ""},
                 {model::SpanKind::Strong, 12, 16, ""},
                 {model::SpanKind::Code, 17, 21, ""},
                 {model::SpanKind::Link, 22, 26, "https://example.org"},
                 {model::SpanKind::Link, 27, 30, "javascript:alert(1)"}};
  const auto pieces = emit::pdf::linked_text(block, nullptr, emit::pdf::Face::Body);
  std::vector<std::string> seen;
  for (const auto& p : pieces) {
    seen.push_back(p.text + "|" + std::to_string(static_cast<int>(p.face)) + "|" + p.target);
  }
  const auto f = [](Face face) { return std::to_string(static_cast<int>(face)); };
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "bold|" + f(Face::BodyBold) + "|", " |" + f(Face::Body) + "|",
                      "italic|" + f(Face::BodyItalic) + "|", " |" + f(Face::Body) + "|",
                      "both|" + f(Face::BodyBold) + "|", " |" + f(Face::Body) + "|",
                      "code|" + f(Face::Mono) + "|", " |" + f(Face::Body) + "|",
                      "link|" + f(Face::Body) + "|uri:https://example.org",
                      " bad|" + f(Face::Body) + "|"}));
}

TEST(PdfLayout, ImagePixelsComeFromTheFileHeader) {
  // PNG: the IHDR chunk; JPEG: the first start-of-frame marker after other segments.
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\x0dIHDR\0\0\x01\x2c\0\0\0\x78", 16);
  EXPECT_EQ(emit::pdf::image_pixels(png), (std::pair{300, 120}));
  const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x00\x40\x00\x80\x03",
                         18);
  EXPECT_EQ(emit::pdf::image_pixels(jpeg), (std::pair{128, 64}));
  EXPECT_EQ(emit::pdf::image_pixels("GIF89a...."), std::nullopt);
  EXPECT_EQ(emit::pdf::image_pixels(std::string("\xFF\xD8\xFF", 3)), std::nullopt);
}

// The PDF writer draws each page inside lay_out as soon as its number is known, from the
// layout's threads; each page must come exactly once, finished, with its final number.
TEST(PdfLayout, EachPageIsHandedOverOnceFinishedAndNumbered) {
  auto b = fixtures::small_briefing();
  for (int i = 0; i < 60; ++i) b.sources[0].blocks.push_back(b.sources[0].blocks[0]);
  for (std::size_t i = 0; i < b.sources[0].blocks.size(); ++i) {
    b.sources[0].blocks[i].id = "S1-p" + std::to_string(i + 1);
  }
  auto options = fixtures::project_emit_options();
  options.threads = 3;
  const auto whole = emit::pdf::lay_out(b, options, kFake);
  ASSERT_GT(whole.pages.size(), 8u);

  std::mutex mutex;
  std::vector<int> handed(whole.pages.size(), 0);
  std::vector<std::string> drawn(whole.pages.size());
  const auto doc =
      emit::pdf::lay_out(b, options, kFake, [&](emit::pdf::Page& page, std::size_t index) {
        std::string text;  // what drawing sees: every run, the folio last
        for (const auto& run : page.runs) text += std::string(page.text_of(run)) + "|";
        std::lock_guard lock(mutex);
        ASSERT_LT(index, handed.size());
        ++handed[index];
        drawn[index] = text;
        page.content = "drawn";
        page.runs.clear();
        page.text.clear();
      });
  ASSERT_EQ(doc.pages.size(), whole.pages.size());
  EXPECT_EQ(doc.anchors, whole.anchors);
  for (std::size_t i = 0; i < doc.pages.size(); ++i) {
    EXPECT_EQ(handed[i], 1) << "page " << i + 1;
    EXPECT_EQ(doc.pages[i].content, "drawn");
    EXPECT_TRUE(doc.pages[i].runs.empty());
    // The page as it was handed over is the page laid out without the callback, folio and all.
    std::string expected;
    for (const auto& run : whole.pages[i].runs) {
      expected += std::string(whole.pages[i].text_of(run)) + "|";
    }
    EXPECT_EQ(drawn[i], expected) << "page " << i + 1;
    EXPECT_TRUE(expected.ends_with("|" + std::to_string(i + 1) + "|")) << expected;
    ASSERT_EQ(doc.pages[i].links.size(), whole.pages[i].links.size());
    for (std::size_t k = 0; k < doc.pages[i].links.size(); ++k) {
      EXPECT_EQ(doc.pages[i].target_of(doc.pages[i].links[k]),
                whole.pages[i].target_of(whole.pages[i].links[k]));
    }
  }
}

// The index's pages are numbered as they are made, so they are finished while the index goes
// on, before the front matter (numbered last); runs of finished pages are handed over once
// each, never touched again, and every page but the front matter and the index's last batch
// is in one.
TEST(PdfLayout, IndexPagesAreFinishedAsTheIndexGoesOnAndRunsHandedOverOnce) {
  const auto b = long_briefing();
  for (const unsigned threads : {1u, 3u}) {
    auto options = fixtures::project_emit_options();
    options.threads = threads;
    std::mutex mutex;
    std::vector<std::size_t> order;  // pages as they were finished
    std::vector<int> in_runs;
    const auto doc = emit::pdf::lay_out(
        b, options, kFake,
        [&](emit::pdf::Page& page, std::size_t index) {
          std::lock_guard lock(mutex);
          order.push_back(index);
          page.content = "drawn";
        },
        [&](std::span<emit::pdf::Page> pages) {
          std::lock_guard lock(mutex);
          for (auto& page : pages) {
            EXPECT_EQ(page.content, "drawn");
            page.content = "handed over";
            in_runs.push_back(1);
          }
        });
    ASSERT_EQ(order.size(), doc.pages.size());
    const auto index_page = static_cast<std::size_t>(doc.anchors.at("index").page);
    ASSERT_GT(doc.pages.size() - index_page, 100u) << "an index of a hundred pages";
    const auto finished_at = [&](std::size_t page) {
      return std::find(order.begin(), order.end(), page) - order.begin();
    };
    EXPECT_LT(finished_at(index_page), finished_at(0)) << threads << " threads";
    EXPECT_LT(finished_at(index_page + 63), finished_at(0)) << threads << " threads";
    std::size_t handed = 0, front = 0;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
      if (doc.pages[i].content == "handed over") ++handed;
      if (i < static_cast<std::size_t>(doc.anchors.at("people").page)) ++front;
    }
    EXPECT_EQ(handed, in_runs.size()) << "no page handed over twice";
    EXPECT_GE(handed + front + 64, doc.pages.size());
  }
}
