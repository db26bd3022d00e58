// The PDF writer's objects below libharu's public calls (haru_objects.h), read back from the
// saved file.
#include <gtest/gtest.h>

#include <hpdf.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "emit/pdf/haru_memory.h"
#include "emit/pdf/haru_objects.h"
#include "emit/pdf_reader.h"

using namespace dossier;
using test::references_in;

namespace {

void ignore_error(HPDF_STATUS, HPDF_STATUS, void*) {}

// Object number → its value, read through the file's cross-reference stream (objects in
// object streams too); every object must be where the stream says.
std::map<int, std::string> objects_of(const std::string& pdf) {
  test::PdfRead read = test::read_pdf(pdf);
  EXPECT_TRUE(read.problems.empty()) << read.problems.front();
  return std::move(read.objects);
}

}  // namespace

// Every link shares one dictionary that writes the next link's entries each time libharu
// writes it; each page's /Annots must name its own links, each with its own rectangle and
// destination, though destinations were made between the links.
TEST(PdfLinkWriter, EachPageListsItsOwnLinksWithTheirRectanglesAndDestinations) {
  const emit::pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(ignore_error, nullptr);
  ASSERT_NE(doc, nullptr);
  std::vector<HPDF_Page> pages;
  for (int i = 0; i < 3; ++i) pages.push_back(HPDF_AddPage(doc));
  std::ostringstream out;
  std::map<int, std::string> expected_dest_page;  // link x0 → the page its destination is on
  {
    emit::pdf::LinkWriter links(doc, 4);  // fewer than made: the writer grows
    int x = 10;
    for (int p = 0; p < 3; ++p) {
      for (int k = 0; k <= p * 2; ++k, x += 10) {
        // A destination made between links, on the page after this one.
        HPDF_Destination d = HPDF_Page_CreateDestination(pages[(p + 1) % 3]);
        links.add(pages[p], {float(x), 20, float(x) + 5, 30, 0, 0}, d);
      }
      links.finish_page(pages[p]);
    }
    ASSERT_TRUE(emit::pdf::save_to(doc, out));
  }
  const auto objects = objects_of(out.str());
  std::vector<int> page_ids;
  for (const auto& [id, text] : objects) {
    if (text.find("/Type /Page\n") != std::string::npos) page_ids.push_back(id);
  }
  ASSERT_EQ(page_ids.size(), 3u);
  int x = 10;
  for (int p = 0; p < 3; ++p) {
    const std::string& page = objects.at(page_ids[p]);
    const auto annots_at = page.find("/Annots [");
    ASSERT_NE(annots_at, std::string::npos) << page;
    const auto annots =
        references_in(page.substr(annots_at, page.find(']', annots_at) - annots_at));
    ASSERT_EQ(annots.size(), static_cast<std::size_t>(p * 2 + 1)) << page;
    for (const int id : annots) {
      const std::string& link = objects.at(id);
      EXPECT_NE(link.find("/Subtype /Link"), std::string::npos) << link;
      const std::string rect =
          "/Rect [" + std::to_string(x) + " 20 " + std::to_string(x + 5) + " 30]";
      EXPECT_NE(link.find(rect), std::string::npos) << "want " << rect << " in " << link;
      // /Dest names an array whose first element is the next page.
      const auto refs = references_in(link.substr(link.find("/Dest")));
      ASSERT_FALSE(refs.empty()) << link;
      const std::string& dest = objects.at(refs[0]);
      const auto dest_refs = references_in(dest);
      ASSERT_FALSE(dest_refs.empty()) << dest;
      EXPECT_EQ(dest_refs[0], page_ids[(p + 1) % 3]) << link;
      x += 10;
    }
  }
}

// A briefing has millions of links: every link's number in the cross-reference table lists
// the one entry of the shared dictionary instead of an entry of its own (24 bytes each), and
// the numbers still follow each other, around the destinations made between them.
TEST(PdfLinkWriter, LinksShareOneCrossReferenceEntry) {
  const emit::pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(ignore_error, nullptr);
  ASSERT_NE(doc, nullptr);
  HPDF_Page page = HPDF_AddPage(doc);
  std::ostringstream out;
  {
    emit::pdf::LinkWriter links(doc, 1000);
    HPDF_Destination d = nullptr;
    for (int k = 0; k < 1000; ++k) {
      if (k % 100 == 0) d = HPDF_Page_CreateDestination(page);  // between the links
      links.add(page, {float(k % 500), 20, float(k % 500) + 5, 30, 0, 0}, d);
    }
    links.finish_page(page);
    std::map<const void*, std::vector<HPDF_XrefEntry>> entries_of;
    HPDF_List entries = doc->xref->entries;
    for (HPDF_UINT i = 0; i < entries->count; ++i) {
      auto entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i));
      entries_of[entry->obj].push_back(entry);
    }
    std::size_t listed_most = 0;
    for (const auto& [object, list] : entries_of) {
      listed_most = std::max(listed_most, list.size());
      for (const auto* entry : list) EXPECT_EQ(entry, list.front());
    }
    EXPECT_EQ(listed_most, 1000u);  // the link dictionary, under 1,000 numbers
    ASSERT_TRUE(emit::pdf::save_to(doc, out));
  }
  const auto objects = objects_of(out.str());
  std::size_t links = 0;
  for (const auto& [id, text] : objects) {
    if (text.find("/Subtype /Link") != std::string::npos) ++links;
  }
  EXPECT_EQ(links, 1000u);
}

namespace {

// A document of `count` pages in nodes of 1,000, with links, destinations and bookmarks: with
// `plain`, the pages are PageWriter's plain pages (every seventh one libharu's, as a page with
// an image is) and the destinations XyzDestinations'; otherwise all are libharu's own. With
// `spilled`, every page's content is read from a spill file rather than from its string.
std::string document_of(int count, bool plain, bool spilled = false) {
  const emit::pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(ignore_error, nullptr);
  if (!doc) return {};
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_SetPagesConfiguration(doc, 1000);
  HPDF_Dict fonts =
      emit::pdf::font_resources(doc, {{"F1", HPDF_GetFont(doc, "Helvetica", nullptr)}});
  std::vector<std::string> contents;
  for (int i = 0; i < count; ++i) contents.push_back("page " + std::to_string(i));
  // A few pages larger than the file's buffer, which go to the file as they are.
  for (int i = 5; i < count; i += 701) contents[i] += std::string(1 << 20, char('a' + i % 26));
  emit::pdf::SpillFile file;
  std::vector<emit::pdf::ContentSource> sources;
  for (const auto& c : contents) {
    if (!spilled) {
      sources.emplace_back(c);
    } else if (auto where = file.append(c)) {
      sources.push_back(*where);
    } else {
      return {};
    }
  }
  if (spilled && !file.flush()) return {};
  std::ostringstream out;
  {
    emit::pdf::PageWriter writer(doc, fonts, 595.276, 841.89, contents.size());
    std::vector<HPDF_Page> pages;
    for (int i = 0; i < count; ++i) {
      const bool full = !plain || i % 7 == 0;
      HPDF_Page page = full ? writer.add_full() : writer.add_plain(sources[i]);
      if (!page) return {};
      if (full) {
        emit::pdf::use_font_resources(page, fonts);
        HPDF_Page_SetWidth(page, 595.276f);
        HPDF_Page_SetHeight(page, 841.89f);
      }
      pages.push_back(page);
    }
    emit::pdf::XyzDestinations xyz(doc);
    const auto destination = [&](int i) {
      const HPDF_REAL top = 700.5f - static_cast<HPDF_REAL>(i % 5);
      if (plain) return xyz.make(pages[i], top);
      HPDF_Destination d = HPDF_Page_CreateDestination(pages[i]);
      HPDF_Destination_SetXYZ(d, 0, top, 1);
      return d;
    };
    emit::pdf::LinkWriter links(doc, 0);
    for (int i = 0; i < count; ++i) {
      for (int k = 0; k < i % 3; ++k) {
        links.add(pages[i], {10.0f * k, 20, 10.0f * k + 5, 30, 0, 0},
                  destination((i * 31 + k) % count));
      }
      links.finish_page(pages[i]);
    }
    for (int i = 0; i < count; i += 250) {
      HPDF_Outline o =
          HPDF_CreateOutline(doc, nullptr, ("part " + std::to_string(i)).c_str(), nullptr);
      HPDF_Outline_SetDestination(o, destination(i));
    }
    for (int i = 0; i < count; ++i) {
      if (!writer.is_plain(pages[i])) emit::pdf::set_page_content(doc, pages[i], sources[i]);
    }
    if (!emit::pdf::save_to(doc, out)) return {};
  }
  return out.str();
}

}  // namespace

// Plain pages are written from records and shared objects: the file must be the one libharu
// writes for the same pages, byte for byte, across page-tree nodes and with libharu's own
// pages among them.
TEST(PdfPageWriter, PlainPagesWriteTheBytesOfLibharusPages) {
  const std::string libharu = document_of(2300, false);
  const std::string plain = document_of(2300, true);
  ASSERT_FALSE(libharu.empty());
  ASSERT_FALSE(plain.empty());
  EXPECT_EQ(objects_of(plain).size(), objects_of(libharu).size());
  ASSERT_EQ(plain.size(), libharu.size());
  EXPECT_TRUE(plain == libharu);
  // Each plain page's own content is in its stream, and the stream's length after it.
  const auto objects = objects_of(plain);
  int found = 0;
  for (const auto& [id, text] : objects) {
    if (text.find("stream\r\npage 1234\n") == std::string::npos) continue;
    ++found;
    const auto length = references_in(text);
    ASSERT_EQ(length.size(), 1u) << text;
    EXPECT_EQ(objects.at(length[0]), "9") << "the length object follows its stream";
  }
  EXPECT_EQ(found, 1);
}

// Contents read back from a spill file, plain pages' and libharu's own, make the same file.
TEST(PdfPageWriter, PagesReadFromASpillFileWriteTheSameBytes) {
  const std::string in_memory = document_of(2300, true);
  const std::string spilled = document_of(2300, true, true);
  ASSERT_FALSE(in_memory.empty());
  ASSERT_EQ(spilled.size(), in_memory.size());
  EXPECT_TRUE(spilled == in_memory);
  EXPECT_NE(spilled.find("stream\r\npage 706" + std::string(1 << 20, 'e')), std::string::npos);
}

TEST(PdfSpillFile, GivesBackWhatWasAppendedWhereItSays) {
  emit::pdf::SpillFile file;
  ASSERT_TRUE(file.ok());
  const std::vector<std::string> parts = {std::string("x\0\xff\x9c", 4), "",
                                          std::string(3 << 20, 'b'), "tail"};
  std::vector<emit::pdf::ContentSource> where;
  for (const auto& p : parts) {
    auto w = file.append(p);
    ASSERT_TRUE(w.has_value());
    where.push_back(*w);
  }
  ASSERT_TRUE(file.flush());
  EXPECT_EQ(file.written(), 4u + (3u << 20) + 4u);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(where[i].length(), parts[i].size());
    std::string back(parts[i].size(), '?');
    ASSERT_TRUE(emit::pdf::read_spilled(where[i].fd, where[i].at, back.data(), back.size()));
    EXPECT_EQ(back, parts[i]) << i;
  }
  std::string beyond(8, '?');
  EXPECT_FALSE(emit::pdf::read_spilled(where[0].fd, file.written() - 4, beyond.data(), 8));
}
