// The compact save (object_streams.h), read back through its cross-reference stream and
// compared with libharu's own save of the same document.
#include <gtest/gtest.h>

#include <hpdf.h>

#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "emit/pdf/fonts.h"
#include "emit/pdf/haru_memory.h"
#include "emit/pdf/haru_objects.h"
#include "emit/pdf/object_streams.h"
#include "emit/pdf_reader.h"
#include "emit/piece_cache.h"

using namespace dossier;
using test::references_in;

namespace {

void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}

// `count` pages of text in Helvetica, each linking to another, a bookmark every tenth: a few
// thousand small objects and a stream per page.
// `moved`: the page whose link starts a point further right (the same number of bytes).
void fill(HPDF_Doc doc, int count, int moved = -1) {
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_Font font = HPDF_GetFont(doc, "Helvetica", nullptr);
  std::vector<HPDF_Page> pages;
  for (int i = 0; i < count; ++i) {
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 72, 700, ("page " + std::to_string(i)).c_str());
    HPDF_Page_EndText(page);
    pages.push_back(page);
  }
  for (int i = 0; i < count; ++i) {
    HPDF_Destination d = HPDF_Page_CreateDestination(pages[(i * 7 + 3) % count]);
    const HPDF_REAL left = i == moved ? 73 : 72;
    HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(pages[i], {left, 690, 140, 712}, d);
    HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
    if (i % 10 == 0) {
      HPDF_Outline o =
          HPDF_CreateOutline(doc, nullptr, ("part " + std::to_string(i)).c_str(), nullptr);
      HPDF_Outline_SetDestination(o, d);
    }
  }
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "Object streams");
}

// The document `make` builds, saved by save_to (compact) or by libharu's HPDF_SaveToStream.
std::string saved(const std::function<void(HPDF_Doc)>& make, bool compact,
                  emit::PieceCache* pieces = nullptr) {
  const emit::pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(ignore_error, nullptr);
  if (!doc) return {};
  make(doc);
  if (compact) {
    std::ostringstream out;
    return emit::pdf::save_to(doc, out, pieces) ? out.str() : std::string();
  }
  if (HPDF_SaveToStream(doc) != HPDF_OK) return {};
  std::string bytes(HPDF_GetStreamSize(doc), '\0');
  auto size = static_cast<HPDF_UINT32>(bytes.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  bytes.resize(size);
  return bytes;
}

// Every reference in every value (streams' data left out) names an object in the file.
std::vector<std::string> dangling(const test::PdfRead& read) {
  std::vector<std::string> problems;
  for (const auto& [id, value] : read.objects) {
    for (const int to : references_in(value)) {
      if (!read.objects.contains(to)) {
        problems.push_back(std::to_string(id) + " names " + std::to_string(to));
      }
    }
  }
  return problems;
}

}  // namespace

// Every object is where the cross-reference stream says, in an object stream of at most
// kObjectsPerStream unless it is a stream itself; the trailer names the catalog and info.
TEST(PdfObjectStreams, EveryObjectIsWhereTheCrossReferenceStreamSays) {
  const std::string pdf = saved([](HPDF_Doc doc) { fill(doc, 500); }, true);
  ASSERT_FALSE(pdf.empty());
  EXPECT_EQ(pdf.substr(0, 9), "%PDF-1.5\n");
  EXPECT_EQ(pdf.find("\nxref\n"), std::string::npos) << "no plain table";
  const test::PdfRead read = test::read_pdf(pdf);
  ASSERT_TRUE(read.problems.empty()) << read.problems.front();
  EXPECT_TRUE(dangling(read).empty()) << dangling(read).front();
  // 500 pages, links, destinations, bookmarks: thousands of objects, most in streams.
  ASSERT_GT(read.objects.size(), 2000u);
  EXPECT_GE(read.object_streams.size(), read.objects.size() / 2 / emit::pdf::kObjectsPerStream);
  std::size_t at_offsets = 0;
  for (const auto& [id, value] : read.objects) {
    at_offsets += pdf.find("\n" + std::to_string(id) + " 0 obj\n") != std::string::npos;
  }
  EXPECT_LT(at_offsets, 600u) << "pages' contents, their streams and the table itself";
  const auto root = references_in(read.trailer.substr(read.trailer.find("/Root")));
  ASSERT_FALSE(root.empty()) << read.trailer;
  EXPECT_NE(read.objects.at(root[0]).find("/Type /Catalog"), std::string::npos);
  const auto info = references_in(read.trailer.substr(read.trailer.find("/Info")));
  ASSERT_FALSE(info.empty()) << read.trailer;
  EXPECT_NE(read.objects.at(info[0]).find("Object streams"), std::string::npos);
}

// The compact file holds libharu's objects under libharu's numbers with libharu's values;
// only the object streams and the table are added.
TEST(PdfObjectStreams, ObjectsKeepLibharusNumbersAndValues) {
  const auto make = [](HPDF_Doc doc) { fill(doc, 300); };
  const test::PdfRead plain = test::read_pdf(saved(make, false));
  const test::PdfRead compact = test::read_pdf(saved(make, true));
  ASSERT_TRUE(plain.problems.empty()) << plain.problems.front();
  ASSERT_TRUE(compact.problems.empty()) << compact.problems.front();
  ASSERT_GT(plain.objects.size(), 1000u);
  std::size_t same = 0;
  for (const auto& [id, value] : plain.objects) {
    const auto it = compact.objects.find(id);
    ASSERT_NE(it, compact.objects.end()) << "object " << id;
    EXPECT_EQ(it->second, value) << "object " << id;
    same += it->second == value;
  }
  EXPECT_EQ(same, plain.objects.size());
  const std::set<int> streams(compact.object_streams.begin(), compact.object_streams.end());
  EXPECT_EQ(compact.objects.size(), plain.objects.size() + streams.size() + 1);
}

// With a piece cache, an object stream an earlier save compressed is copied, found by its
// bytes: the file is the one compressed afresh, every stream is found the second time, and a
// document that differs in one object compresses only the stream holding it (here a link's
// rectangle, whose bytes change but not their length, and the title).
TEST(PdfObjectStreams, StreamsCompressedBeforeAreCopiedAndTheFileIsTheSame) {
  using emit::PieceKind;
  const auto make = [](HPDF_Doc doc) { fill(doc, 500); };
  const std::string fresh = saved(make, true);
  emit::PieceCache pieces;
  EXPECT_EQ(saved(make, true, &pieces), fresh);
  const std::size_t streams = pieces.misses(PieceKind::ObjectStream);
  EXPECT_GT(streams, 5u);
  EXPECT_EQ(pieces.hits(PieceKind::ObjectStream), 0u);
  pieces.prune();
  pieces.reset_counts();
  EXPECT_EQ(saved(make, true, &pieces), fresh);
  EXPECT_EQ(pieces.hits(PieceKind::ObjectStream), streams);
  EXPECT_EQ(pieces.misses(PieceKind::ObjectStream), 0u);
  pieces.prune();
  pieces.reset_counts();
  const auto moved = [](HPDF_Doc doc) { fill(doc, 500, 250); };
  EXPECT_EQ(saved(moved, true, &pieces), saved(moved, true));
  EXPECT_EQ(pieces.misses(PieceKind::ObjectStream), 1u);
  EXPECT_EQ(pieces.hits(PieceKind::ObjectStream), streams - 1);
  pieces.prune();
  pieces.reset_counts();
  const auto retitled = [](HPDF_Doc doc) {
    fill(doc, 500, 250);
    HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, "Object streams, retitled");
  };
  EXPECT_EQ(saved(retitled, true, &pieces), saved(retitled, true));
  EXPECT_EQ(pieces.misses(PieceKind::ObjectStream), 1u);
}

// An embedded TrueType font's descriptor, widths and font file are made by libharu while it
// writes the font: they must be in the file, after the object streams taken before them.
TEST(PdfObjectStreams, ObjectsLibharuAddsWhileSavingAreWritten) {
  const auto file = emit::pdf::font_file("DejaVu Sans", emit::pdf::Face::Body);
  ASSERT_TRUE(file) << "fonts-dejavu-core is installed by ./run";
  const auto make = [&file](HPDF_Doc doc) {
    HPDF_UseUTFEncodings(doc);
    const char* name = HPDF_LoadTTFontFromFile(doc, file->c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
    fill(doc, 450);  // more than one object stream before the font is written
    HPDF_Page page = HPDF_AddPage(doc);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 12);
    HPDF_Page_TextOut(page, 72, 700, "Zoë Müller-Lüdenscheidt, İkbal Dürre");
    HPDF_Page_EndText(page);
  };
  const std::string pdf = saved(make, true);
  const test::PdfRead read = test::read_pdf(pdf);
  ASSERT_TRUE(read.problems.empty()) << read.problems.front();
  EXPECT_TRUE(dangling(read).empty()) << dangling(read).front();
  int font_files = 0, descriptors = 0;
  for (const auto& [id, value] : read.objects) {
    font_files += value.find("/Length1") != std::string::npos;
    descriptors += value.find("/Type /FontDescriptor") != std::string::npos;
  }
  EXPECT_EQ(font_files, 1);
  EXPECT_EQ(descriptors, 1);
  EXPECT_LT(pdf.size(), saved(make, false).size() * 3 / 4);
}
