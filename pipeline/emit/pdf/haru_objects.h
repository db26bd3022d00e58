// The few places where the PDF writer goes below libharu's public calls, to its object layer
// (hpdf_objects.h, hpdf_pages.h, hpdf_doc.h: installed by libhpdf-dev, exported by the
// library). Each exists because the public call made long briefings slow; measured on 1,000
// articles (6,261 pages, 275,000 links) they took the PDF from 11.3 s to a few seconds:
//  - reserve_objects: libharu grows its cross-reference table 1,024 entries at a time,
//    copying it each time, which is quadratic in the object count;
//  - LinkWriter: HPDF_Page_CreateLinkAnnot builds a tree of a dozen small objects per link
//    (about 1.4 KB); here a link is an entry in the cross-reference table and 20 bytes of
//    record, all links share one dictionary that writes their entries, and a page writes its
//    own /Annots;
//  - set_page_content, font_resources: libharu's text calls re-measure every string and
//    deflate the pages one by one at save time; dossier writes the operators itself
//    (content.h), compresses pages on the emitter's threads while libharu builds the rest,
//    and libharu reads them from dossier's strings when it saves;
//  - PageWriter, XyzDestinations: libharu's pages and destinations are a dozen objects each,
//    several of them 144-byte names and 136-byte dictionary entries; 10,000 articles' pages
//    took 260 MB of libharu's memory, their destinations 210 MB;
//  - save_to: HPDF_SaveToStream writes the document into libharu's memory stream, in 4 KB
//    blocks, which then has to be copied out, and each small object on its own; this writes
//    it straight to the output, small objects gathered in object streams (object_streams.h).
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "emit/pdf/layout.h"
#include "emit/pdf/spill_file.h"

namespace dossier::emit {
class PieceCache;  // piece_cache.h
}

namespace dossier::emit::pdf {

// An object's number in the cross-reference table (libharu keeps type bits above it).
inline HPDF_UINT32 object_id(const void* object) {
  return static_cast<const HPDF_Obj_Header*>(object)->obj_id & 0x00FFFFFF;
}

// Grows the cross-reference table once to hold `objects` more entries, and the numbers of
// the object streams they are saved in.
void reserve_objects(HPDF_Doc doc, std::size_t objects);

// Link annotations, each a dictionary of /Subtype /Link, /Rect, /Dest and a /Border [0 0 0]
// shared by all; each page with links writes its own /Annots (libharu would keep an array of
// references per page, and an empty entry list per link). The writer must outlive
// save_to: the links and pages read from it when libharu writes them. One writer
// at a time on a thread.
class LinkWriter {
 public:
  LinkWriter(HPDF_Doc doc, std::size_t expected_links);
  ~LinkWriter();
  LinkWriter(const LinkWriter&) = delete;
  LinkWriter& operator=(const LinkWriter&) = delete;

  // A link on `page`; a page's links come together, and before finish_page(page).
  void add(HPDF_Page page, const LinkRect& rect, HPDF_Destination dest);
  // Ends `page`: annotations libharu made on it (web links) are listed after the links.
  void finish_page(HPDF_Page page);

  // Writes the /Annots of `page`, if it has any, for the writer being saved on this thread: a
  // dictionary's write_fn (set on pages with links that have none of their own).
  static HPDF_STATUS write_annots(HPDF_Dict page, HPDF_Stream stream);

 private:
  struct Record {
    float x0, y0, x1, y1;
    HPDF_UINT32 dest_id;
  };
  struct PageLinks {
    std::size_t first = 0, count = 0;  // the page's links: ids_[first, first + count)
    std::vector<HPDF_UINT32> more;     // libharu's annotations on the page
  };
  // The page's entry, started (and the page set to write its /Annots) on first use.
  PageLinks& links_of(HPDF_Page page);
  // Gives the shared link dictionary the next number in the cross-reference table; false
  // when the table is full or libharu fails.
  bool number_link();
  static HPDF_STATUS write_link(HPDF_Dict dict, HPDF_Stream stream);

  HPDF_Doc doc_;
  HPDF_Array border_ = nullptr;
  HPDF_UINT32 border_id_ = 0;
  // The dictionary every link's cross-reference entry points to. libharu writes the entries
  // in the order they were made, so each time it writes this dictionary it is the next
  // link's turn: write_link writes records_[written_].
  HPDF_Dict link_ = nullptr;
  HPDF_XrefEntry shared_entry_ = nullptr;  // link_'s entry, listed under every link's number
  std::vector<Record> records_;
  std::size_t written_ = 0;
  std::vector<HPDF_UINT32> ids_;  // records_[i]'s object number
  std::unordered_map<HPDF_Page, PageLinks> pages_;
  LinkWriter* outer_ = nullptr;  // the thread's writer before this one
};

// Where libharu is in reading a page's content stream from dossier's string or spill file.
struct ContentCursor {
  std::optional<ContentSource> source;
  std::uint64_t at = 0;
};

// The document's pages, in order, in libharu's page tree (nodes of HPDF_SetPagesConfiguration's
// size). HPDF_AddPage makes a page about 4 KB of objects: its own resources with a procedure
// set of five names, a media box, a graphics state, a content stream with buffers and a length.
// A plain page (no image, no web link) needs none of them in memory: it is an empty dictionary
// that writes its entries from a record here when libharu saves it, and its content stream and
// the stream's length are cross-reference entries of two objects shared by all plain pages,
// each written in turn (as LinkWriter's links are). The file is the same, byte for byte: the
// same entries in the same order, the same object numbers. Pages with images or web links are
// libharu's own. The writer must outlive save_to; one writer at a time on a thread.
class PageWriter {
 public:
  // `fonts`: the /Font resources every page names (null: none); the page size in points.
  PageWriter(HPDF_Doc doc, HPDF_Dict fonts, double width, double height, std::size_t pages);
  ~PageWriter();
  PageWriter(const PageWriter&) = delete;
  PageWriter& operator=(const PageWriter&) = delete;

  // A plain page whose content stream is `deflated` (zlib data of its operators), read when
  // the document is saved. Null when libharu fails.
  HPDF_Page add_plain(const ContentSource& deflated);
  // A page of libharu's making (HPDF_AddPage), for images and web links.
  HPDF_Page add_full();
  static bool is_plain(HPDF_Page page) { return page->write_fn == write_page; }

 private:
  struct Plain {
    HPDF_Dict page;
    ContentSource content;
    HPDF_UINT32 parent_id, contents_id, length_id;
  };
  // Starts a node of the page tree where HPDF_AddPage would, with room for all its kids.
  void next_place();
  static HPDF_STATUS write_page(HPDF_Dict page, HPDF_Stream stream);
  static HPDF_STATUS write_contents(HPDF_Dict contents, HPDF_Stream stream);

  HPDF_Doc doc_;
  std::string resources_;  // the /Resources entry every plain page writes
  HPDF_Array media_box_ = nullptr;
  // Shared by the plain pages, a cross-reference entry each: the content stream (its reader
  // reads the page being written) and its length (libharu sets it after writing the stream,
  // and the length's entry comes next).
  HPDF_Dict contents_ = nullptr;
  HPDF_Number length_ = nullptr;
  ContentCursor reader_;      // what the shared content stream reads
  HPDF_PageAttr_Rec attr_{};  // libharu's destination calls check that a page has attributes
  std::vector<Plain> plain_;
  std::size_t pages_written_ = 0, contents_written_ = 0;
  PageWriter* outer_ = nullptr;  // the thread's writer before this one
};

// The destinations libharu's HPDF_Page_CreateDestination and HPDF_Destination_SetXYZ(left 0,
// top, zoom 1) make, in a third of the memory: no "Fit" name made and dropped, a list block of
// five, and the /XYZ name and the left and zoom numbers (a 144-byte name and two numbers each
// time) shared by every destination. Only in a document freed as a whole (HaruMemory).
class XyzDestinations {
 public:
  explicit XyzDestinations(HPDF_Doc doc);
  // [page /XYZ 0 top 1]; null when libharu fails.
  HPDF_Destination make(HPDF_Page page, HPDF_REAL top);

 private:
  HPDF_Doc doc_;
  HPDF_Name xyz_;
  HPDF_Real left_, zoom_;
};

// One /Font resource dictionary of `fonts` (name and font), to share among pages: every page
// names a face alike, so their contents can be written apart from libharu (and on other
// threads). Null when libharu fails.
HPDF_Dict font_resources(HPDF_Doc doc, const std::vector<std::pair<std::string, HPDF_Font>>& fonts);

// Makes `fonts` the page's /Font resources; false when libharu fails.
bool use_font_resources(HPDF_Page page, HPDF_Dict fonts);

// Makes `deflated` (zlib data of the page's operators) the page's content stream, marked
// /FlateDecode. libharu reads it from there when it saves, so `deflated` must outlive
// save_to (copying it into libharu's own stream cost a second copy of every page:
// 0.7 s and 250 MB for 10,000 articles). False when libharu fails.
bool set_page_content(HPDF_Doc doc, HPDF_Page page, const ContentSource& deflated);

// Writes the document to `out` through a buffer, in object streams (object_streams.h; with
// `pieces`, those an earlier build compressed are copied); false when libharu or the stream
// failed.
bool save_to(HPDF_Doc doc, std::ostream& out, PieceCache* pieces = nullptr);

}  // namespace dossier::emit::pdf
