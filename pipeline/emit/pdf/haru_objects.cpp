#include "emit/pdf/haru_objects.h"

#include <hpdf_doc.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <new>

#include "emit/pdf/content.h"
#include "emit/pdf/object_streams.h"

namespace dossier::emit::pdf {

namespace {

void append_reference(HPDF_UINT32 id, std::string& out) {
  out += std::to_string(id);
  out += " 0 R";
}

HPDF_STATUS write_text(HPDF_Stream stream, const std::string& text) {
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                           static_cast<HPDF_UINT>(text.size()));
}

// The stream is already deflated, so libharu writes it as it is (filter none, which also
// removes any /Filter entry) and this names the filter.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\n");
}

// An output stream for libharu's writer: bytes gather in a buffer that goes to the stream a
// megabyte at a time.
struct Sink {
  std::ostream& out;
  std::string buffer;
  // Offsets in a PDF's cross-reference table are libharu's 32-bit stream sizes (four bytes in
  // the table's rows): a larger file is refused rather than written with wrong offsets.
  std::uint64_t total = 0;
  bool flush() {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
    return static_cast<bool>(out);
  }
};

HPDF_STATUS write_to_sink(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  auto* sink = static_cast<Sink*>(stream->attr);
  sink->buffer.append(reinterpret_cast<const char*>(bytes), size);
  sink->total += size;
  if (sink->total > 0xFFFFFFFFu) return HPDF_FILE_IO_ERROR;
  if (sink->buffer.size() >= (1u << 20) && !sink->flush()) return HPDF_FILE_IO_ERROR;
  return HPDF_OK;
}

}  // namespace

void reserve_objects(HPDF_Doc doc, std::size_t objects) {
  if (!doc->xref || !doc->xref->entries) return;
  HPDF_List entries = doc->xref->entries;
  // Room for the object streams' numbers too, which saving adds: else the table's last
  // growth would copy it into twice its size.
  entries->items_per_block = std::max<HPDF_UINT>(
      entries->items_per_block, static_cast<HPDF_UINT>(numbers_when_saved(objects)));
}

namespace {

thread_local LinkWriter* current_links = nullptr;  // the writer whose pages are being saved

}  // namespace

// The first time, libharu's own HPDF_Xref_Add, which makes the object an entry. After that
// the entry is listed again under the next number, as HPDF_Xref_Add would list a new one: the
// entries of one object are alike (in use, generation 0, the object), and only libharu's own
// save, which dossier does not use, writes an offset into them. 24 bytes less for each link
// (70 MB at 10,000 articles, held until the document is saved).
bool LinkWriter::number_link() {
  HPDF_Xref xref = doc_->xref;
  if (!shared_entry_) {
    if (HPDF_Xref_Add(xref, link_) != HPDF_OK) return false;  // libharu has disposed of it
    shared_entry_ = HPDF_Xref_GetEntry(xref, xref->entries->count - 1);
    return true;
  }
  if (xref->entries->count >= HPDF_LIMIT_MAX_XREF_ELEMENT) {
    HPDF_SetError(xref->error, HPDF_XREF_COUNT_ERR, 0);
    return false;
  }
  if (HPDF_List_Add(xref->entries, shared_entry_) != HPDF_OK) return false;
  link_->header.obj_id = (xref->start_offset + xref->entries->count - 1) | HPDF_OTYPE_INDIRECT;
  return true;
}

LinkWriter::LinkWriter(HPDF_Doc doc, std::size_t expected_links)
    : doc_(doc), outer_(current_links) {
  current_links = this;
  records_.reserve(expected_links);
  ids_.reserve(expected_links);
  border_ = HPDF_Array_New(doc->mmgr);
  if (border_ && HPDF_Xref_Add(doc->xref, border_) == HPDF_OK) {
    for (int i = 0; i < 3; ++i) HPDF_Array_AddNumber(border_, 0);
    border_id_ = object_id(border_);
  } else {
    border_ = nullptr;
  }
  // A dictionary with no entries of its own: libharu writes "<<", then calls write_fn.
  link_ = HPDF_Dict_New(doc->mmgr);
  if (link_) link_->write_fn = write_link;
}

LinkWriter::~LinkWriter() {
  current_links = outer_;
}

void LinkWriter::add(HPDF_Page page, const LinkRect& rect, HPDF_Destination dest) {
  if (!border_ || !link_ || !dest) return;
  if (!number_link()) {
    link_ = nullptr;
    return;
  }
  records_.push_back({rect.x0, rect.y0, rect.x1, rect.y1, object_id(dest)});
  PageLinks& links = links_of(page);
  ids_.push_back(object_id(link_));
  ++links.count;
}

// Dict_Write calls this between "<<" and ">>", once for each link, in the order of the links.
HPDF_STATUS LinkWriter::write_link(HPDF_Dict, HPDF_Stream stream) {
  LinkWriter* self = current_links;
  if (!self || self->written_ >= self->records_.size()) return HPDF_INVALID_OBJECT;
  const Record& r = self->records_[self->written_++];
  thread_local std::string text;  // reused: a briefing has hundreds of thousands of links
  text = "/Subtype /Link\n/Rect [";
  for (const float v : {r.x0, r.y0, r.x1, r.y1}) {
    append_number(v, text);
    text += ' ';
  }
  text.back() = ']';
  text += "\n/Dest ";
  append_reference(r.dest_id, text);
  text += "\n/Border ";
  append_reference(self->border_id_, text);
  text += '\n';
  return write_text(stream, text);
}

void LinkWriter::finish_page(HPDF_Page page) {
  auto annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
  if (!annots) return;
  PageLinks& links = links_of(page);
  for (HPDF_UINT k = 0; k < annots->list->count; ++k) {
    if (void* annot = HPDF_Array_GetItem(annots, k, HPDF_OCLASS_DICT)) {
      links.more.push_back(object_id(annot));
    }
  }
  HPDF_Dict_RemoveElement(page, "Annots");  // write_annots lists them
}

LinkWriter::PageLinks& LinkWriter::links_of(HPDF_Page page) {
  const auto [it, fresh] = pages_.try_emplace(page);
  if (fresh) {  // the page's links start at the next id, and the page writes its /Annots
    it->second.first = ids_.size();
    if (!page->write_fn) page->write_fn = write_annots;  // a plain page writes them itself
  }
  return it->second;
}

// Dict_Write calls this for a page between its entries and ">>".
HPDF_STATUS LinkWriter::write_annots(HPDF_Dict page, HPDF_Stream stream) {
  const LinkWriter* self = current_links;
  if (!self) return HPDF_OK;
  const auto it = self->pages_.find(page);
  if (it == self->pages_.end()) return HPDF_OK;
  const PageLinks& links = it->second;
  thread_local std::string text;
  text = "/Annots [";
  const auto add = [](HPDF_UINT32 id) {
    append_reference(id, text);
    text += ' ';
  };
  for (std::size_t i = links.first; i < links.first + links.count; ++i) add(self->ids_[i]);
  for (const HPDF_UINT32 id : links.more) add(id);
  text.back() = ']';
  text += '\n';
  return write_text(stream, text);
}

HPDF_Dict font_resources(HPDF_Doc doc,
                         const std::vector<std::pair<std::string, HPDF_Font>>& fonts) {
  HPDF_Dict dict = HPDF_Dict_New(doc->mmgr);
  if (!dict || HPDF_Xref_Add(doc->xref, dict) != HPDF_OK) return nullptr;  // indirect: shared
  for (const auto& [name, font] : fonts) {
    if (HPDF_Dict_Add(dict, name.c_str(), font) != HPDF_OK) return nullptr;
  }
  return dict;
}

bool use_font_resources(HPDF_Page page, HPDF_Dict fonts) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  auto resources =
      static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
  if (!resources || HPDF_Dict_Add(resources, "Font", fonts) != HPDF_OK) return false;
  attr->fonts = fonts;  // where libharu's own text calls would look, were any made
  return true;
}

namespace {

ContentCursor& reader_of(HPDF_Stream stream) {
  return *static_cast<ContentCursor*>(stream->attr);
}

HPDF_STATUS read_content(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
  ContentCursor& r = reader_of(stream);
  if (!r.source) return HPDF_STREAM_EOF;
  const ContentSource& from = *r.source;
  const std::uint64_t n = std::min<std::uint64_t>(*size, from.length() - r.at);
  if (from.bytes) {
    std::copy_n(from.bytes->data() + r.at, n, reinterpret_cast<char*>(out));
  } else if (!read_spilled(from.fd, from.at + r.at, reinterpret_cast<char*>(out), n)) {
    return HPDF_FILE_IO_ERROR;
  }
  r.at += n;
  *size = static_cast<HPDF_UINT>(n);
  return r.at == from.length() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_content(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  ContentCursor& r = reader_of(stream);
  const auto size = r.source ? static_cast<long long>(r.source->length()) : 0;
  long long at = pos;
  if (mode == HPDF_SEEK_CUR) at += static_cast<long long>(r.at);
  if (mode == HPDF_SEEK_END) at += size;
  if (at < 0 || at > size) return HPDF_STREAM_EOF;
  r.at = static_cast<std::uint64_t>(at);
  return HPDF_OK;
}

HPDF_INT32 tell_content(HPDF_Stream stream) {
  return static_cast<HPDF_INT32>(reader_of(stream).at);
}

HPDF_UINT32 content_size(HPDF_Stream stream) {
  const ContentCursor& r = reader_of(stream);
  return r.source ? static_cast<HPDF_UINT32>(r.source->length()) : 0;
}

}  // namespace

bool set_page_content(HPDF_Doc doc, HPDF_Page page, const ContentSource& deflated) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  void* memory = HPDF_GetMem(doc->mmgr, sizeof(ContentCursor));  // released with the document
  if (!memory) return false;
  auto* reader = new (memory) ContentCursor{deflated, 0};
  HPDF_Stream stream = HPDF_CallbackReader_New(doc->mmgr, read_content, seek_content, tell_content,
                                               content_size, reader);
  if (!stream) return false;
  // The page's empty stream of libharu's making is left to the document's memory.
  attr->contents->stream = stream;
  attr->stream = stream;
  attr->contents->filter = HPDF_STREAM_FILTER_NONE;
  attr->contents->write_fn = write_flate_filter;
  return true;
}

namespace {

thread_local PageWriter* current_pages = nullptr;  // the writer whose pages are being saved

// Room for all of a page-tree node's kids at once (libharu grows the list 8 at a time, each time
// into new memory).
void reserve_kids(HPDF_Pages node, HPDF_UINT kids) {
  if (auto list = static_cast<HPDF_Array>(HPDF_Dict_GetItem(node, "Kids", HPDF_OCLASS_ARRAY))) {
    list->list->items_per_block = kids;
  }
}

}  // namespace

PageWriter::PageWriter(HPDF_Doc doc, HPDF_Dict fonts, double width, double height,
                       std::size_t pages)
    : doc_(doc), outer_(current_pages) {
  current_pages = this;
  plain_.reserve(pages);
  // libharu grows its list of pages 256 at a time, each time into new memory (63,700 pages
  // left 64 MB of old lists in the document's arena).
  if (doc->page_list) {
    doc->page_list->items_per_block =
        std::max<HPDF_UINT>(doc->page_list->items_per_block, static_cast<HPDF_UINT>(pages));
  }
  if (doc->cur_pages && doc->page_per_pages) {  // the first node, made by the configuration
    reserve_kids(doc->cur_pages, doc->page_per_pages);
  }
  resources_ = "/Resources <<\n/ProcSet [ /PDF /Text /ImageB /ImageC /ImageI ]\n";
  if (fonts) {
    resources_ += "/Font ";
    append_reference(object_id(fonts), resources_);
    resources_ += '\n';
  }
  resources_ += ">>\n";
  media_box_ = HPDF_Box_Array_New(
      doc->mmgr, HPDF_Box{0, 0, static_cast<HPDF_REAL>(width), static_cast<HPDF_REAL>(height)});
  attr_.gmode = HPDF_GMODE_PAGE_DESCRIPTION;
  attr_.xref = doc->xref;
}

PageWriter::~PageWriter() {
  current_pages = outer_;
}

void PageWriter::next_place() {
  if (!doc_->page_per_pages || doc_->cur_page_num < doc_->page_per_pages) return;
  HPDF_Pages node = HPDF_Doc_AddPagesTo(doc_, doc_->root_pages);
  if (!node) return;  // the page's own call then fails, and the caller reports it
  doc_->cur_pages = node;
  doc_->cur_page_num = 0;
  reserve_kids(node, doc_->page_per_pages);
}

HPDF_Page PageWriter::add_full() {
  next_place();
  return HPDF_AddPage(doc_);
}

HPDF_Page PageWriter::add_plain(const ContentSource& deflated) {
  next_place();
  if (!media_box_ || !doc_->cur_pages) return nullptr;
  if (!contents_) {
    contents_ = HPDF_Dict_New(doc_->mmgr);
    length_ = HPDF_Number_New(doc_->mmgr, 0);
    HPDF_Stream reader = HPDF_CallbackReader_New(doc_->mmgr, read_content, seek_content,
                                                 tell_content, content_size, &reader_);
    if (!contents_ || !length_ || !reader) return nullptr;
    contents_->stream = reader;
    contents_->filter = HPDF_STREAM_FILTER_NONE;
    contents_->write_fn = write_contents;
  }
  HPDF_Dict page = HPDF_Dict_New(doc_->mmgr);
  if (!page) return nullptr;
  page->header.obj_class |= HPDF_OSUBCLASS_PAGE;
  page->attr = &attr_;
  if (HPDF_Xref_Add(doc_->xref, page) != HPDF_OK) return nullptr;
  // The shared objects go into the table once more: libharu takes only an object that is in
  // it nowhere yet, and marks it with its new number.
  contents_->header.obj_id = 0;
  if (HPDF_Xref_Add(doc_->xref, contents_) != HPDF_OK) return nullptr;
  length_->header.obj_id = 0;
  if (HPDF_Xref_Add(doc_->xref, length_) != HPDF_OK) return nullptr;
  if (contents_->list->count == 0) {
    // libharu finds the length through /Length (it must be in the table) and writes it after
    // the stream; the entry is hidden, and write_contents names each page's own.
    if (HPDF_Dict_Add(contents_, "Length", length_) != HPDF_OK) return nullptr;
    auto element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(contents_->list, 0));
    static_cast<HPDF_Obj_Header*>(element->value)->obj_id |= HPDF_OTYPE_HIDDEN;
  }
  auto kids =
      static_cast<HPDF_Array>(HPDF_Dict_GetItem(doc_->cur_pages, "Kids", HPDF_OCLASS_ARRAY));
  if (!kids || HPDF_Array_Add(kids, page) != HPDF_OK ||
      HPDF_List_Add(doc_->page_list, page) != HPDF_OK) {
    return nullptr;
  }
  ++doc_->cur_page_num;
  page->write_fn = write_page;
  plain_.push_back(
      {page, deflated, object_id(doc_->cur_pages), object_id(contents_), object_id(length_)});
  return page;
}

// Dict_Write calls this between "<<" and ">>" of each plain page, in the order of the pages;
// the entries are those libharu's page would write, in its order.
HPDF_STATUS PageWriter::write_page(HPDF_Dict page, HPDF_Stream stream) {
  PageWriter* self = current_pages;
  if (!self || self->pages_written_ >= self->plain_.size() ||
      self->plain_[self->pages_written_].page != page) {
    return HPDF_INVALID_OBJECT;
  }
  const Plain& plain = self->plain_[self->pages_written_++];
  thread_local std::string text;
  text = "/Type /Page\n/MediaBox ";
  if (HPDF_STATUS status = write_text(stream, text); status != HPDF_OK) return status;
  if (HPDF_STATUS status = HPDF_Array_Write(self->media_box_, stream, nullptr); status != HPDF_OK) {
    return status;
  }
  text = "\n/Contents ";
  append_reference(plain.contents_id, text);
  text += '\n';
  text += self->resources_;
  text += "/Parent ";
  append_reference(plain.parent_id, text);
  text += '\n';
  if (HPDF_STATUS status = write_text(stream, text); status != HPDF_OK) return status;
  return LinkWriter::write_annots(page, stream);
}

// The shared content stream, written once for each plain page in turn: names the page's own
// length and filter, and points the stream at the page's operators, which libharu copies next.
HPDF_STATUS PageWriter::write_contents(HPDF_Dict, HPDF_Stream stream) {
  PageWriter* self = current_pages;
  if (!self || self->contents_written_ >= self->plain_.size()) return HPDF_INVALID_OBJECT;
  const Plain& plain = self->plain_[self->contents_written_++];
  self->reader_ = {plain.content, 0};
  thread_local std::string text;
  text = "/Length ";
  append_reference(plain.length_id, text);
  text += "\n/Filter /FlateDecode\n";
  return write_text(stream, text);
}

XyzDestinations::XyzDestinations(HPDF_Doc doc)
    : doc_(doc),
      xyz_(HPDF_Name_New(doc->mmgr, "XYZ")),
      left_(HPDF_Real_New(doc->mmgr, 0)),
      zoom_(HPDF_Real_New(doc->mmgr, 1)) {
  // Owned by the arrays, as HPDF_Array_Add would mark them (it takes each only once).
  for (void* shared :
       {static_cast<void*>(xyz_), static_cast<void*>(left_), static_cast<void*>(zoom_)}) {
    if (shared) static_cast<HPDF_Obj_Header*>(shared)->obj_id |= HPDF_OTYPE_DIRECT;
  }
}

HPDF_Destination XyzDestinations::make(HPDF_Page page, HPDF_REAL top) {
  if (!xyz_ || !left_ || !zoom_) return nullptr;
  HPDF_Array d = HPDF_Array_New(doc_->mmgr);
  if (!d) return nullptr;
  d->header.obj_class |= HPDF_OSUBCLASS_DESTINATION;
  d->list->items_per_block = 5;
  if (HPDF_Xref_Add(doc_->xref, d) != HPDF_OK) return nullptr;
  HPDF_STATUS status = HPDF_Array_Add(d, page);
  // The shared items go into the array's list directly: the document is freed as a whole (see
  // HaruMemory), never array by array, so nothing frees them twice.
  status += HPDF_List_Add(d->list, xyz_);
  status += HPDF_List_Add(d->list, left_);
  status += HPDF_Array_AddReal(d, top);
  status += HPDF_List_Add(d->list, zoom_);
  return status == HPDF_OK ? d : nullptr;
}

bool save_to(HPDF_Doc doc, std::ostream& out, PieceCache* pieces) {
  Sink sink{out, {}, 0};
  sink.buffer.reserve(1u << 20);
  HPDF_Stream stream = HPDF_CallbackWriter_New(doc->mmgr, write_to_sink, &sink);
  if (!stream) return false;
  const bool saved = write_with_object_streams(doc, stream, pieces);
  HPDF_Stream_Free(stream);
  return saved && sink.flush();
}

}  // namespace dossier::emit::pdf
