// briefing.epub: EPUB 3 from the HTML writer's XHTML trees plus the package files (OPF, nav,
// NCX, container), all built with pugixml, zipped reproducibly (mimetype first and stored).
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "emit/epub/zip_writer.h"
#include "emit/html/xhtml.h"
#include "emit/piece_cache.h"
#include "emit/slices.h"
#include "model/fnv1a.h"
#include "model/image_type.h"
#include "model/little_endian.h"
#include "model/parallel.h"

namespace dossier::emit {

namespace {

constexpr const char* kOpfNs = "http://www.idpf.org/2007/opf";
constexpr const char* kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr const char* kPartMark = "dossier: the part goes here";

struct Chapter {
  std::string id;      // S1, people, index, index-2
  std::string file;    // S1.xhtml
  std::string label;   // in the contents: "S1. Title", "Index"
  bool listed = true;  // in the contents; a long part's later files are not
};

std::string chapter_file(const std::string& source_id) {
  return source_id + ".xhtml";
}

// A long reference part is split over several files of about EmitOptions::epub_part_bytes
// each (an entry longer than that is a file alone): readers handle pages of a few hundred
// kilobytes well and pages of tens of megabytes (the index of 10,000 articles) badly. The
// first file keeps the part's name (index.xhtml), the next are index-2.xhtml, …; each has the
// part's heading. Where an entry goes is worked out before anything is written, as chapters
// link to index entries.
constexpr std::size_t kFileEntries = 4096;

std::vector<EntryRange> part_files(const PartSteps& part, const BriefingView& view,
                                   std::size_t max_bytes) {
  auto files = slices(part.count(view), kFileEntries, max_bytes,
                      [&](std::size_t i) { return part.bytes(view, i); });
  if (files.empty()) files.emplace_back(0, 0);  // a part that lists nothing is a page still
  return files;
}

std::string part_file_id(const char* part, std::size_t k) {
  return k == 0 ? std::string(part) : std::string(part) + "-" + std::to_string(k + 1);
}

// The index file each entity's entry is in, by its anchor, when the index is split.
using IndexFiles = std::unordered_map<std::string_view, std::size_t>;

IndexFiles index_files(const BriefingView& view, const std::vector<EntryRange>& files) {
  IndexFiles out;
  if (files.size() < 2) return out;
  const auto& starts = view.index_pieces;  // the files hold pieces; an anchor is in the first
  std::size_t entry = 0;
  for (std::size_t k = 0; k < files.size(); ++k) {
    for (std::size_t p = files[k].first; p < files[k].second; ++p) {
      while (p >= starts[entry + 1]) ++entry;
      if (p == starts[entry]) out.emplace(index_anchor(*view.index[entry].entity), k);
    }
  }
  return out;
}

// The index files a source's names link to, in text order: part of its chapter's key when the
// index is split, as a name's link changes when its entry moves to another file.
void add_index_files(const std::vector<model::Block>& blocks, const BriefingView& view,
                     const IndexFiles& files, std::string& out) {
  for (const auto& block : blocks) {
    if (const auto it = view.mentions_in.find(block.id); it != view.mentions_in.end()) {
      for (const auto& mention : it->second) {
        const auto file = files.find(index_anchor(*mention.second));
        out += std::to_string(file == files.end() ? 0 : file->second) + ',';
      }
    }
    add_index_files(block.children, view, files, out);
  }
}

std::string serialize(pugi::xml_document& doc) {
  std::string text;
  StringXmlWriter writer(text);
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  return text;
}

std::string serialize_xhtml(pugi::xml_document& doc) {
  std::string text;
  StringXmlWriter writer(text);
  save_polyglot(doc, writer, true);
  return text;
}

std::string iso_timestamp(long long seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

// A stable identifier from the book's content: two 64-bit FNV-1a hashes (of different seeds)
// over the title, the date and each content file's name, CRC-32 and size, shaped as a
// version-5-style UUID. The CRC-32s are the ones the zip needs anyway, so the chapters are
// not read a second time to be hashed.
class ContentHash {
 public:
  void add(std::string_view part) {
    a_.add(part);
    b_.add(part);
    b_.add('\0');
  }
  void add(const ZipWriter::Entry& entry) {
    add(entry.name);
    char fields[8];
    for (int i = 0; i < 4; ++i) {
      fields[i] = static_cast<char>(entry.crc >> (8 * i));
      fields[4 + i] = static_cast<char>(entry.size >> (8 * i));
    }
    add(std::string_view(fields, sizeof fields));
  }
  std::string uuid() const {
    const std::uint64_t a = a_.value(), b = b_.value();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-5%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
                  static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0x0FFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFull));
    return std::string("urn:uuid:") + buf;
  }

 private:
  model::Fnv1a a_;
  model::Fnv1a b_{0x84222325cbf29ce4ull};
};

// A compressed chapter as the piece cache keeps it: CRC-32, size and method, then the payload.
std::string packed_entry(const ZipWriter::Entry& entry) {
  std::string bytes;
  bytes.reserve(10 + entry.payload.size());
  model::append_le(bytes, entry.crc, 4);
  model::append_le(bytes, entry.size, 4);
  model::append_le(bytes, entry.method, 2);
  bytes += entry.payload;
  return bytes;
}

std::optional<ZipWriter::Entry> unpacked_entry(const std::string& name, std::string_view bytes) {
  if (bytes.size() < 10) return std::nullopt;
  ZipWriter::Entry entry;
  entry.name = name;
  entry.crc = static_cast<std::uint32_t>(model::read_le(bytes, 4));
  entry.size = static_cast<std::uint32_t>(model::read_le(bytes.substr(4), 4));
  entry.method = static_cast<std::uint16_t>(model::read_le(bytes.substr(8), 2));
  entry.payload.assign(bytes.substr(10));
  return entry;
}

std::string container_xml() {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("container");
  root.append_attribute("version") = "1.0";
  root.append_attribute("xmlns") = "urn:oasis:names:tc:opendocument:xmlns:container";
  pugi::xml_node rootfile = root.append_child("rootfiles").append_child("rootfile");
  rootfile.append_attribute("full-path") = "EPUB/package.opf";
  rootfile.append_attribute("media-type") = "application/oebps-package+xml";
  return serialize(doc);
}

void add_manifest_item(pugi::xml_node manifest, const char* id, const std::string& href,
                       const char* type, const char* properties = nullptr) {
  pugi::xml_node item = manifest.append_child("item");
  item.append_attribute("id") = id;
  item.append_attribute("href") = href.c_str();
  item.append_attribute("media-type") = type;
  if (properties) item.append_attribute("properties") = properties;
}

// An image of a source, stored as its own file of the book.
struct BookImage {
  std::string file;  // images/S1-1.png
  const char* media_type;
  const std::string* bytes;
};

// Every image the sources hold, named by source and order; key: source id, '\x1f', src.
std::map<std::string, BookImage> book_images(const model::Briefing& b) {
  std::map<std::string, BookImage> images;
  for (const auto& source : b.sources) {
    int n = 0;  // the images ingest read, wherever they sit (a list, a quote), by file name
    for (const auto& [src, bytes] : source.images) {
      const char* type = model::image_media_type(bytes);
      if (!type) continue;
      const std::string file = "images/" + source.id + "-" + std::to_string(++n) +
                               (std::string_view(type) == "image/png" ? ".png" : ".jpg");
      images.emplace(source.id + '\x1f' + src, BookImage{file, type, &bytes});
    }
  }
  return images;
}

std::string package_opf(const model::Briefing& b, const std::vector<Chapter>& chapters,
                        const std::map<std::string, BookImage>& images,
                        const std::string& identifier, long long timestamp) {
  pugi::xml_document doc;
  pugi::xml_node package = doc.append_child("package");
  package.append_attribute("xmlns") = kOpfNs;
  package.append_attribute("version") = "3.0";
  package.append_attribute("unique-identifier") = "pub-id";
  package.append_attribute("xml:lang") = b.language.c_str();
  pugi::xml_node meta = package.append_child("metadata");
  meta.append_attribute("xmlns:dc") = kDcNs;
  const auto dc = [&](const char* name, const std::string& value) {
    pugi::xml_node e = meta.append_child(name);
    e.text().set(value.c_str());
    return e;
  };
  dc("dc:identifier", identifier).append_attribute("id") = "pub-id";
  dc("dc:title", b.title);
  dc("dc:language", b.language);
  if (b.author) dc("dc:creator", *b.author);
  dc("dc:date", b.date);
  pugi::xml_node modified = meta.append_child("meta");
  modified.append_attribute("property") = "dcterms:modified";
  modified.text().set(iso_timestamp(timestamp).c_str());

  pugi::xml_node manifest = package.append_child("manifest");
  add_manifest_item(manifest, "nav", "nav.xhtml", "application/xhtml+xml", "nav");
  add_manifest_item(manifest, "ncx", "toc.ncx", "application/x-dtbncx+xml");
  add_manifest_item(manifest, "css", "style.css", "text/css");
  add_manifest_item(manifest, "cover", "cover.xhtml", "application/xhtml+xml");
  // In file order, so the manifest does not depend on how the map sorts its keys.
  std::vector<const BookImage*> files;
  for (const auto& [key, image] : images) files.push_back(&image);
  std::sort(files.begin(), files.end(),
            [](const BookImage* x, const BookImage* y) { return x->file < y->file; });
  for (const BookImage* image : files) {
    std::string id = image->file.substr(std::string_view("images/").size());
    std::replace(id.begin(), id.end(), '.', '-');
    add_manifest_item(manifest, ("image-" + id).c_str(), image->file, image->media_type);
  }
  for (const auto& c : chapters) {
    add_manifest_item(manifest, ("chapter-" + c.id).c_str(), c.file, "application/xhtml+xml");
  }
  pugi::xml_node spine = package.append_child("spine");
  spine.append_attribute("toc") = "ncx";
  spine.append_child("itemref").append_attribute("idref") = "cover";
  spine.append_child("itemref").append_attribute("idref") = "nav";
  for (const auto& c : chapters) {
    spine.append_child("itemref").append_attribute("idref") = ("chapter-" + c.id).c_str();
  }
  return serialize(doc);
}

std::string toc_ncx(const model::Briefing& b, const std::vector<Chapter>& chapters,
                    const std::string& identifier) {
  pugi::xml_document doc;
  pugi::xml_node ncx = doc.append_child("ncx");
  ncx.append_attribute("xmlns") = "http://www.daisy.org/z3986/2005/ncx/";
  ncx.append_attribute("version") = "2005-1";
  pugi::xml_node head = ncx.append_child("head");
  const auto head_meta = [&](const char* name, const std::string& content) {
    pugi::xml_node m = head.append_child("meta");
    m.append_attribute("name") = name;
    m.append_attribute("content") = content.c_str();
  };
  head_meta("dtb:uid", identifier);
  head_meta("dtb:depth", "1");
  head_meta("dtb:totalPageCount", "0");
  head_meta("dtb:maxPageNumber", "0");
  ncx.append_child("docTitle").append_child("text").text().set(b.title.c_str());
  pugi::xml_node map = ncx.append_child("navMap");
  int order = 0;
  const auto point = [&](const std::string& id, const std::string& label, const std::string& src) {
    pugi::xml_node p = map.append_child("navPoint");
    p.append_attribute("id") = id.c_str();
    p.append_attribute("playOrder") = ++order;
    p.append_child("navLabel").append_child("text").text().set(label.c_str());
    p.append_child("content").append_attribute("src") = src.c_str();
  };
  point("nav-cover", b.title, "cover.xhtml");
  for (const auto& c : chapters) {
    if (c.listed) point("nav-" + c.id, c.label, c.file);
  }
  return serialize(doc);
}

// pugixml's output into a ZIP entry as it comes.
class EntryXmlWriter : public pugi::xml_writer {
 public:
  explicit EntryXmlWriter(ZipWriter::StreamedEntry& entry) : entry_(entry) {}
  void write(const void* data, std::size_t size) override {
    entry_.append(std::string_view(static_cast<const char*>(data), size));
  }

 private:
  ZipWriter::StreamedEntry& entry_;
};

void append_link_item(pugi::xml_node list, const std::string& href, const std::string& label,
                      const char* epub_type = nullptr) {
  pugi::xml_node a = list.append_child("li").append_child("a");
  if (epub_type) a.append_attribute("epub:type") = epub_type;
  a.append_attribute("href") = href.c_str();
  a.text().set(label.c_str());
}

}  // namespace

model::Result<bool> write_epub(const model::Briefing& briefing, const EmitOptions& options,
                               std::ostream& out) {
  const Words& words = options.words;
  const ShellValues values = shell_values(briefing, options);
  std::optional<BriefingView> made_view;
  const BriefingView& view = view_for(briefing, options.view, made_view);
  const std::vector<EntryRange> index_ranges =
      part_files(kIndexPiecesPart, view, options.epub_part_bytes);
  const IndexFiles index_file_of = index_files(view, index_ranges);
  // Sources and parts are files of their own: S1.xhtml, people.xhtml, …, index.xhtml (and
  // index-2.xhtml, … for a long index, where each entry's anchor is looked up).
  const HrefFor href = [&](const std::string& file_id, const std::string& anchor) {
    if (!index_file_of.empty() && file_id == kPartIndex) {
      if (const auto it = index_file_of.find(anchor); it != index_file_of.end()) {
        return chapter_file(part_file_id(kPartIndex, it->second)) + "#" + anchor;
      }
    }
    return chapter_file(file_id) + "#" + anchor;
  };
  const std::map<std::string, BookImage> images = book_images(briefing);
  const ImageHref image_href = [&](const model::Source& source, const std::string& src) {
    const auto it = images.find(source.id + '\x1f' + src);
    return it == images.end() ? std::string() : it->second.file;
  };
  std::vector<Chapter> chapters;
  ContentHash content;
  content.add(briefing.title);
  content.add(briefing.date);
  // The book is written as it is made: the mimetype first (OCF requires it), then each batch of
  // chapters as soon as it is compressed, then the images, and last the files that name the
  // book's identifier, which is worked out from every chapter and image.
  ZipWriter zip(options.timestamp, out);
  zip.add_stored("mimetype", "application/epub+zip");
  zip.add_deflated("META-INF/container.xml", container_xml());
  // Chapters are compressed as they come, a batch at a time on the emitter's threads, so only
  // a batch of them is ever held. A source's chapter an earlier build compressed is copied
  // (see piece_cache.h), and one compressed now is kept for the next build.
  constexpr std::size_t kBatch = 32;
  struct Pending {
    std::string name;                       // EPUB/S1.xhtml
    std::string text;                       // the page, when it is to be compressed
    std::optional<ZipWriter::Entry> entry;  // the page compressed by an earlier build
    std::optional<model::Digest> key;       // where to keep it for the next build
  };
  std::vector<ZipWriter::Entry> chapter_entries;
  std::vector<Pending> batch;
  const auto compress_batch = [&] {
    chapter_entries.assign(batch.size(), {});
    model::parallel_for(batch.size(), options.threads, [&](std::size_t i) {
      Pending& page = batch[i];
      ZipWriter::Entry& entry = chapter_entries[i];
      if (page.entry) {
        entry = std::move(*page.entry);
        return;
      }
      entry = ZipWriter::deflated_entry(page.name, page.text);
      if (page.key) options.pieces->store(*page.key, packed_entry(entry));
    });
    for (const auto& entry : chapter_entries) {
      content.add(entry);
      zip.add(entry);
    }
    batch.clear();
  };
  PageShell chapter_shell;
  if (auto r = chapter_shell.render(options, "epub/chapter.mustache", values); !r) {
    return r.error();
  }
  const std::string chapter_context =
      options.pieces ? "epub chapter in " + chapter_shell.text() : std::string();
  // A part's files also depend on how the parts are cut into files, on the index's files
  // (every part links names to their entries there) and on when a file is compressed as it is
  // written (its bytes differ).
  std::string part_context;
  if (options.pieces) {
    part_context = "epub part file, " + std::to_string(options.epub_part_bytes) + " " +
                   std::to_string(options.epub_hold_page) + ", index files";
    for (const auto& [first, last] : index_ranges) {
      part_context += " " + std::to_string(first) + "-" + std::to_string(last);
    }
    part_context += " in " + chapter_shell.text() + "\n";
  }
  // A reference part goes into its page where the page's content is marked, written a slice
  // of entries at a time (write_part) into the page's entry: never the whole part as one tree,
  // and past options.epub_hold_page (8 MB) compressed as it comes rather than held as one
  // string.
  const auto part_entry = [&](const std::string& name, const std::string& shell,
                              pugi::xml_node content, const PartSteps& part, EntryRange entries) {
    ZipWriter::StreamedEntry entry(options.epub_hold_page);
    const auto span = mark_span(shell, kPartMark);
    if (!span) {
      entry.append(shell);
      return entry.finish(name);
    }
    entry.append(std::string_view(shell).substr(0, span->first));
    EntryXmlWriter writer(entry);
    write_part(part, view, words, href, writer, children_depth(content), entries);
    entry.append(std::string_view(shell).substr(span->second));
    return entry.finish(name);
  };
  const auto add_page =
      [&](const std::string& id, const std::string& title, const std::string& label,
          const std::function<void(pugi::xml_node)>& fill, std::optional<model::Digest> key,
          const PartSteps* part, EntryRange entries = kAllEntries,
          bool listed = true) -> std::optional<model::Diagnostic> {
    chapters.push_back({id, chapter_file(id), label, listed});
    Pending& page = batch.emplace_back();
    page.name = "EPUB/" + chapters.back().file;
    if (key) {
      const PieceKind kind = part ? PieceKind::Part : PieceKind::Chapter;
      if (auto piece = options.pieces->find(*key, kind)) {
        page.entry = unpacked_entry(page.name, *piece);
      }
      if (!page.entry) page.key = key;
    }
    if (!page.entry) {
      pugi::xml_document doc;
      chapter_shell.copy_to(doc, title);
      pugi::xml_node content = find_by_id(doc, "dossier-content");
      if (!content) {
        return model::Diagnostic{model::Severity::Error,
                                 model::DiagCode::Template,
                                 "epub/chapter.mustache",
                                 0,
                                 0,
                                 "the chapter template needs an element with id dossier-content"};
      }
      fill(content);
      content.remove_attribute("id");
      if (part) {
        page.entry = part_entry(page.name, serialize_xhtml(doc), content, *part, entries);
        // Compressed here, not with the batch: kept for the next build now.
        if (page.key) options.pieces->store(*page.key, packed_entry(*page.entry));
      } else {
        page.text = serialize_xhtml(doc);
      }
    }
    // A reference part can be the size of all the chapters together (the figures of 10,000
    // articles are 56 MB of XHTML): compressed at once rather than held with the next parts.
    if (batch.size() == kBatch || part) compress_batch();
    return std::nullopt;
  };
  const auto add_part = [&](const char* id, const char* word, const PartSteps& part,
                            ReferencePart shows) -> std::optional<model::Diagnostic> {
    const auto mark = [](pugi::xml_node c) {
      c.append_child(pugi::node_comment).set_value(kPartMark);
    };
    const auto files =
        &part == &kIndexPiecesPart ? index_ranges : part_files(part, view, options.epub_part_bytes);
    for (std::size_t k = 0; k < files.size(); ++k) {
      // A file of a part an earlier build compressed is copied while the part shows the same
      // (part_key) and the file holds the same entries.
      std::optional<model::Digest> key;
      if (options.pieces) {
        key = part_key(options, view, shows,
                       part_context + id + " " + std::to_string(files[k].first) + "-" +
                           std::to_string(files[k].second) + " of " + std::to_string(files.size()));
      }
      if (auto e = add_page(part_file_id(id, k), words[word], words[word], mark, key, &part,
                            files[k], k == 0)) {
        return e;
      }
    }
    return std::nullopt;
  };
  if (auto e = add_part(kPartPeople, "key_people", kKeyEntityPiecesPart, ReferencePart::People))
    return *e;
  if (auto e = add_part(kPartQuotes, "quotes_by_speaker", kQuotesPart, ReferencePart::Quotes))
    return *e;
  if (auto e = add_part(kPartTimeline, "timeline", kTimelinePart, ReferencePart::Timeline))
    return *e;
  // Conflicts too long to open the figures' first file are a part of their own before them.
  std::size_t conflicts_bytes = 0;
  for (std::size_t i = 0; i < kConflictsPart.count(view); ++i) {
    conflicts_bytes += kConflictsPart.bytes(view, i);
  }
  if (conflicts_bytes > options.epub_part_bytes) {
    if (auto e = add_part(kPartConflicts, "conflicts", kConflictsPart, ReferencePart::Figures))
      return *e;
    if (auto e = add_part(kPartFigures, "figures_and_conflicts", kFiguresOnlyPart,
                          ReferencePart::Figures))
      return *e;
  } else if (auto e = add_part(kPartFigures, "figures_and_conflicts", kFiguresPart,
                               ReferencePart::Figures)) {
    return *e;
  }
  for (std::size_t i = 0; i < briefing.sources.size(); ++i) {
    const model::Source& source = briefing.sources[i];
    const std::string title = model::display_title(source);
    std::optional<model::Digest> key;
    if (options.pieces && index_file_of.empty()) {
      key = chapter_key(options, briefing, i, &view, chapter_context);
    } else if (options.pieces) {
      std::string context = chapter_context + "\nindex files ";
      add_index_files(source.blocks, view, index_file_of, context);
      key = chapter_key(options, briefing, i, &view, context);
    }
    const auto fill = [&](pugi::xml_node c) {
      append_source_chapter(c, source, words, href, &view, image_href, SourceLinks::WebOnly);
    };
    if (auto e = add_page(source.id, title, source.id + ". " + title, fill, key, nullptr)) {
      return *e;
    }
  }
  if (auto e = add_part(kPartIndex, "index", kIndexPiecesPart, ReferencePart::Index)) return *e;
  compress_batch();

  pugi::xml_document cover;
  if (auto r = render_shell(options, "epub/cover.mustache", values, cover); !r) return r.error();
  if (pugi::xml_node list = find_by_id(cover, "dossier-sources")) {
    append_source_list(list, briefing, words, href);
    list.remove_attribute("id");
  }

  pugi::xml_document nav;
  if (auto r = render_shell(options, "epub/nav.mustache", values, nav); !r) return r.error();
  pugi::xml_node toc = find_by_id(nav, "dossier-toc");
  pugi::xml_node landmarks = find_by_id(nav, "dossier-landmarks");
  if (!toc || !landmarks) {
    return model::Diagnostic{model::Severity::Error,
                             model::DiagCode::Template,
                             "epub/nav.mustache",
                             0,
                             0,
                             "the nav template needs elements with ids dossier-toc and "
                             "dossier-landmarks"};
  }
  toc.remove_attribute("id");
  landmarks.remove_attribute("id");
  append_link_item(toc, "cover.xhtml", words["cover"]);
  for (const auto& c : chapters) {
    if (c.listed) append_link_item(toc, c.file, c.label);
  }
  append_link_item(landmarks, "cover.xhtml", words["cover"], "cover");
  append_link_item(landmarks, "nav.xhtml", words["contents"], "toc");
  append_link_item(landmarks, chapters.front().file, words["briefing"], "bodymatter");
  append_link_item(landmarks, chapter_file(kPartIndex), words["index"], "index");

  auto css = options.templates.read("style.css");
  if (!css) return css.error();

  for (const auto& [key, image] : images) {  // PNG and JPEG are compressed already
    const ZipWriter::Entry entry = ZipWriter::stored_entry("EPUB/" + image.file, *image.bytes);
    content.add(entry);
    zip.add(entry);
  }
  const std::string identifier = content.uuid();

  zip.add_deflated("EPUB/package.opf",
                   package_opf(briefing, chapters, images, identifier, options.timestamp));
  zip.add_deflated("EPUB/nav.xhtml", serialize_xhtml(nav));
  zip.add_deflated("EPUB/toc.ncx", toc_ncx(briefing, chapters, identifier));
  zip.add_deflated("EPUB/style.css", css.value());
  zip.add_deflated("EPUB/cover.xhtml", serialize_xhtml(cover));
  return zip.finish();
}

}  // namespace dossier::emit
