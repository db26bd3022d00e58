// briefing.pdf: draws the laid-out pages with libharu — embedded TrueType fonts through the
// UTF-8 encoder, link annotations, outlines and document info.
#include <hpdf.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <ctime>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "emit/deflate.h"
#include "emit/pdf/content.h"
#include "emit/pdf/fonts.h"
#include "emit/pdf/haru_memory.h"
#include "emit/pdf/haru_objects.h"
#include "emit/pdf/layout.h"
#include "model/parallel.h"
#include "model/release_memory.h"
#include "model/utf8.h"

namespace dossier::emit {

namespace {

using pdf::Face;

struct HaruError {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* error = static_cast<HaruError*>(user);
  if (error->code == 0) *error = {code, detail};
}

// Loads each face on first use (libharu embeds every font it is asked for) and keeps each
// face's glyph advances in a table. The table is safe to read from several layout threads:
// only a code point's first use calls into libharu, under a lock, which also marks its glyph
// for embedding.
class FontBook {
 public:
  FontBook(HPDF_Doc doc, std::string family) : doc_(doc), family_(std::move(family)) {
    for (auto& table : advances_) table = new_table();
  }

  HPDF_Font get(Face face) {
    std::lock_guard lock(mutex_);
    return load(face);
  }

  // Whether `face` is loaded already (this does not load it).
  bool loaded(Face face) {
    std::lock_guard lock(mutex_);
    return fonts_[static_cast<std::size_t>(face)] != nullptr;
  }

  // The advance of `text` in 1/1000 em.
  double advance(Face face, std::string_view text) {
    const Table& widths = *advances_[static_cast<std::size_t>(face)];
    long long total = 0;  // whole units: summed as integers
    model::utf8::for_each(text, [&](char32_t c, std::size_t) {
      const char32_t code = c > 0xFFFF ? U' ' : c;
      int w = widths[code].load(std::memory_order_relaxed);
      if (w < 0) w = learn(face, code);
      total += w;
    });
    return static_cast<double>(total);
  }

 private:
  static constexpr int kUnknown = -1;

  HPDF_Font load(Face face) {
    HPDF_Font& slot = fonts_[static_cast<std::size_t>(face)];
    if (slot) return slot;
    const auto file = pdf::font_file(family_, face);
    if (!file) return nullptr;
    const char* name = HPDF_LoadTTFontFromFile(doc_, file->c_str(), HPDF_TRUE);
    if (!name) return nullptr;
    slot = HPDF_GetFont(doc_, name, "UTF-8");
    return slot;
  }

  int learn(Face face, char32_t code) {
    std::lock_guard lock(mutex_);
    HPDF_Font font = load(face);
    const std::string one = model::utf8::encode(code);
    const int w = font ? static_cast<int>(HPDF_Font_TextWidth(
                                              font, reinterpret_cast<const HPDF_BYTE*>(one.data()),
                                              static_cast<HPDF_UINT>(one.size()))
                                              .width)
                       : 0;
    (*advances_[static_cast<std::size_t>(face)])[code].store(w, std::memory_order_relaxed);
    return w;
  }

  using Table = std::array<std::atomic<int>, 0x10000>;
  static std::unique_ptr<Table> new_table() {
    auto table = std::make_unique<Table>();
    for (auto& w : *table) w.store(kUnknown, std::memory_order_relaxed);
    return table;
  }

  HPDF_Doc doc_;
  std::string family_;
  std::mutex mutex_;
  std::array<HPDF_Font, pdf::kFaceCount> fonts_{};
  std::array<std::unique_ptr<Table>, pdf::kFaceCount> advances_;
};

HPDF_Date pdf_date(long long seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &utc);
  HPDF_Date d{};
  d.year = utc.tm_year + 1900;
  d.month = utc.tm_mon + 1;
  d.day = utc.tm_mday;
  d.hour = utc.tm_hour;
  d.minutes = utc.tm_min;
  d.seconds = utc.tm_sec;
  d.ind = 'Z';
  return d;
}

model::Diagnostic failure(const std::string& message) {
  return {model::Severity::Error, model::DiagCode::OutputWrite, "briefing.pdf", 0, 0, message};
}

// A failure with the error libharu reported.
model::Diagnostic haru_failure(const HaruError& error, const std::string& what) {
  char code[64];
  std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)",
                static_cast<unsigned>(error.code), static_cast<unsigned>(error.detail));
  return failure(what + code);
}

// A web address's link on a page is libharu's annotation, made on a page of libharu's.
bool has_web_link(const pdf::Page& page) {
  for (const auto& link : page.links) {
    if (page.target_of(link).starts_with(pdf::kWebLinkPrefix)) return true;
  }
  return false;
}

// Each page's text goes straight into its content stream (content.h), drawn and compressed
// as soon as layout has finished and numbered the page, on the layout's threads, so that its
// runs can go at once. Every page names its fonts through one /Font dictionary the pages
// share, F1 for the body face to F5 for the monospaced one. A page with an image waits until
// it is in the document, which names its images; such pages are drawn on the emitter's
// threads while this thread adds the links and bookmarks.
class PageContents {
 public:
  PageContents(FontBook& fonts, HaruError& error) : fonts_(fonts), error_(error) {}
  PageContents(const PageContents&) = delete;
  PageContents& operator=(const PageContents&) = delete;

  // For lay_out's PageDone: draws a page without images.
  void draw_laid_out(pdf::Page& page) {
    if (!page.images.empty()) return;
    std::array<std::string, pdf::kFaceCount> names;
    for (std::size_t f = 0; f < pdf::kFaceCount; ++f) {
      // A face no run has been measured in is not loaded: its runs are empty, and left out.
      if (fonts_.loaded(static_cast<Face>(f))) names[f] = font_name(f);
    }
    draw(page, names, {});
  }

  // The /Font resources of the faces the pages use, after layout (null: none).
  HPDF_Dict font_resources(HPDF_Doc doc, const pdf::PagedDocument& laid) {
    std::array<bool, pdf::kFaceCount> used{};  // faces drawn, or to be drawn
    for (const auto& page : laid.pages) {
      for (std::size_t f = 0; f < pdf::kFaceCount; ++f) {  // pages drawn already
        if (page.faces & (1u << f)) used[f] = true;
      }
      for (const auto& run : page.runs) {  // pages not drawn yet
        used[static_cast<std::size_t>(run.face)] = true;
        // Layout measures every run; one it did not is measured here, on this thread, so
        // that the writers only read widths the font book already has.
        if (run.width < 0) fonts_.advance(run.face, page.text_of(run));
      }
    }
    std::vector<std::pair<std::string, HPDF_Font>> resources;
    for (std::size_t f = 0; f < pdf::kFaceCount; ++f) {
      if (!used[f]) continue;
      if (HPDF_Font font = fonts_.get(static_cast<Face>(f))) {
        names_[f] = font_name(f);
        resources.emplace_back(names_[f], font);
      }
    }
    return resources.empty() ? nullptr : pdf::font_resources(doc, resources);
  }

  // Adds the pages to the document, after font_resources. A page drawn already with no image
  // and no web link is a plain page of `writer`'s; the others are libharu's.
  std::vector<HPDF_Page> add_pages(HPDF_Doc doc, const pdf::PagedDocument& laid,
                                   const pdf::Geometry& g, HPDF_Dict fonts,
                                   pdf::PageWriter& writer) {
    image_names_.assign(laid.pages.size(), {});
    std::vector<HPDF_Page> pages;
    pages.reserve(laid.pages.size());
    for (std::size_t i = 0; i < laid.pages.size(); ++i) {
      const pdf::Page& page = laid.pages[i];
      const auto content = content_of(page);
      if (page.images.empty() && content && !has_web_link(page)) {
        HPDF_Page p = writer.add_plain(*content);
        if (!p) break;  // the caller reports it
        pages.push_back(p);
        continue;
      }
      HPDF_Page p = writer.add_full();
      if (!p || (fonts && !pdf::use_font_resources(p, fonts))) break;
      HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(g.width));
      HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(g.height));
      for (const auto& placed : page.images) {
        HPDF_Image image = image_for(doc, *placed.bytes);
        const char* name = image ? HPDF_Page_GetXObjectName(p, image) : nullptr;
        // Without a name libharu could not read the image: the caption still stands.
        image_names_[i].push_back(name ? name : "");
      }
      pages.push_back(p);
    }
    return pages;
  }

  // Draws page `i` if layout did not (it has images); after add_pages.
  void draw_rest(pdf::Page& page, std::size_t i) {
    if (!content_of(page)) draw(page, names_, image_names_[i]);
  }

  // Where page `i`'s compressed operators are, once drawn: its string, or the spill file.
  std::optional<pdf::ContentSource> content_of(const pdf::Page& page) const {
    if (!page.content.empty()) return page.content;
    if (page.spilled_size > 0) {
      return pdf::ContentSource(spill_file_->descriptor(), page.spilled_at, page.spilled_size);
    }
    return std::nullopt;
  }

  // For lay_out's PagesDone: a run of drawn pages layout has finished with. Once those
  // handed over so far hold more than `above` bytes of operators (100 MB for 10,000
  // articles; those of 1,000 stay), each further run moves into a temporary file, so the
  // pages are never all in memory until the save.
  void pages_done(std::span<pdf::Page> pages, std::size_t above) {
    std::size_t bytes = 0;
    for (const auto& page : pages) bytes += page.content.size();
    if (held_.fetch_add(bytes, std::memory_order_relaxed) + bytes <= above) return;
    std::lock_guard lock(spill_mutex_);
    held_.fetch_sub(spill(pages), std::memory_order_relaxed);
  }

  // After layout: the pages still in memory move into the file when they come to more than
  // `above` bytes.
  void pages_laid_out(std::span<pdf::Page> pages, std::size_t above) {
    std::size_t total = 0;
    for (const auto& page : pages) total += page.content.size();
    if (total > above) spill(pages);
  }

 private:
  static std::string font_name(std::size_t face) { return "F" + std::to_string(face + 1); }

  // Moves the pages' operators into the spill file, and frees them once they are there;
  // whatever the file cannot take stays in memory. Returns the bytes freed.
  std::size_t spill(std::span<pdf::Page> pages) {
    if (!spill_file_) spill_file_.emplace();
    std::vector<pdf::Page*> appended;
    for (auto& page : pages) {
      if (page.content.empty()) continue;
      const auto where = spill_file_->append(page.content);
      if (!where) break;
      page.spilled_at = where->at;
      page.spilled_size = where->size;
      appended.push_back(&page);
    }
    const bool written = spill_file_->flush();
    std::size_t freed = 0;
    for (pdf::Page* page : appended) {
      if (!written) {
        page->spilled_size = 0;  // kept in memory after all
        continue;
      }
      freed += page->content.size();
      std::string().swap(page->content);
    }
    return freed;
  }

  // The page's operators, compressed, into page.content; its runs, text and rules are freed.
  void draw(pdf::Page& page, const std::array<std::string, pdf::kFaceCount>& names,
            const std::vector<std::string>& image_names) {
    const pdf::RunAdvance advance = [this](Face face, std::string_view text) {
      return fonts_.advance(face, text);
    };
    for (const auto& run : page.runs) {
      const auto f = static_cast<std::size_t>(run.face);
      if (!names[f].empty()) page.faces |= static_cast<std::uint8_t>(1u << f);
    }
    thread_local std::string text;  // reused: a briefing has thousands of pages
    text.clear();
    pdf::write_page_text(page, names, advance, text);
    pdf::write_page_rules(page, text);
    for (std::size_t k = 0; k < page.images.size(); ++k) {
      if (image_names[k].empty()) continue;
      const pdf::PlacedImage& placed = page.images[k];
      text += "q ";
      for (const double v : {placed.width, 0.0, 0.0, placed.height, placed.x, placed.y}) {
        pdf::append_number(v, text);
        text += ' ';
      }
      text += "cm /";
      text += image_names[k];
      text += " Do Q\n";
    }
    // The fastest level: the default made a 6,000-page briefing 10% smaller but cost half a
    // second more than the rest of drawing took.
    page.content = deflate(text, DeflateWrapper::Zlib);
    std::vector<pdf::Run>().swap(page.runs);
    std::string().swap(page.text);
    std::vector<pdf::Rule>().swap(page.rules);
  }

  // One image object per file, however many pages show it.
  HPDF_Image image_for(HPDF_Doc doc, const std::string& bytes) {
    const auto [it, fresh] = images_.try_emplace(&bytes, nullptr);
    if (!fresh) return it->second;
    const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
    const auto size = static_cast<HPDF_UINT>(bytes.size());
    it->second = bytes.starts_with("\x89PNG") ? HPDF_LoadPngImageFromMem(doc, data, size)
                                              : HPDF_LoadJpegImageFromMem(doc, data, size);
    if (!it->second) {  // a damaged image leaves its caption alone, not a failed PDF
      HPDF_ResetError(doc);
      error_ = {};
    }
    return it->second;
  }

  FontBook& fonts_;
  HaruError& error_;
  std::array<std::string, pdf::kFaceCount> names_;     // for add_pages' pages; empty: no font
  std::vector<std::vector<std::string>> image_names_;  // per page, per placed image
  std::map<const std::string*, HPDF_Image> images_;
  std::optional<pdf::SpillFile> spill_file_;  // made when first needed
  std::mutex spill_mutex_;
  std::atomic<std::size_t> held_ = 0;  // operators of pages handed over and not spilled
};

// One destination object per anchor, shared by every link and bookmark that points there:
// libharu writes each destination as an indirect object, so sharing halves the objects of a
// briefing whose links mostly point at a few thousand index entries.
class Destinations {
 public:
  using Target = const pdf::Anchors::value_type*;  // null: no such anchor

  Destinations(HPDF_Doc doc, const pdf::PagedDocument& laid, const std::vector<HPDF_Page>& pages,
               const pdf::Geometry& g)
      : xyz_(doc), laid_(laid), pages_(pages), g_(g) {
    made_.reserve(laid.anchors.size());
  }

  Target find(std::string_view anchor) const {
    const auto it = laid_.anchors.find(anchor);
    return it == laid_.anchors.end() ? nullptr : &*it;
  }

  // Each page's links' anchors (null for a web address or a missing anchor), found on the
  // emitter's threads: the links are then made on one thread, for libharu, with no text
  // hashed there.
  std::vector<std::vector<Target>> find_link_targets(unsigned threads) const {
    std::vector<std::vector<Target>> targets(laid_.pages.size());
    model::parallel_for(laid_.pages.size(), threads, [&](std::size_t i) {
      targets[i].reserve(laid_.pages[i].links.size());
      const pdf::Page& page = laid_.pages[i];
      for (const auto& link : page.links) {
        const std::string_view target = page.target_of(link);
        targets[i].push_back(target.starts_with(pdf::kWebLinkPrefix) ? nullptr : find(target));
      }
    });
    return targets;
  }

  HPDF_Destination get(Target target) {
    if (!target || target->second.page >= static_cast<int>(pages_.size())) return nullptr;
    const auto [it, fresh] = made_.try_emplace(target, nullptr);
    if (!fresh) return it->second;
    // Zoom 1 keeps the reader's scale.
    it->second = xyz_.make(pages_[static_cast<std::size_t>(target->second.page)],
                           static_cast<HPDF_REAL>(std::min(g_.height, target->second.y + 12)));
    return it->second;
  }

 private:
  pdf::XyzDestinations xyz_;
  const pdf::PagedDocument& laid_;
  const std::vector<HPDF_Page>& pages_;
  const pdf::Geometry& g_;
  std::unordered_map<Target, HPDF_Destination> made_;
};

// The document information dictionary's entries that come from the briefing.
struct DocumentInfo {
  std::string title;
  std::optional<std::string> subtitle, author;
  std::string keywords;
};

// The most mentioned people and organizations, then places.
std::string keywords_of(const model::Briefing& b) {
  constexpr std::size_t kKeywords = 12;
  std::vector<const model::Entity*> ranked;
  for (const auto& e : b.entities) ranked.push_back(&e);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto* x, const auto* y) {
    const bool xp = x->type != model::EntityType::Place, yp = y->type != model::EntityType::Place;
    if (xp != yp) return xp;
    return x->mentions.size() > y->mentions.size();
  });
  std::string out;
  for (std::size_t i = 0; i < ranked.size() && i < kKeywords; ++i) {
    out += (out.empty() ? "" : ", ") + ranked[i]->name;
  }
  return out;
}

}  // namespace

model::Result<bool> write_pdf(const model::Briefing& briefing, const EmitOptions& options,
                              std::ostream& out) {
  HaruError error;
  // The document lives in an arena, released as a whole when this function returns (so it is
  // never HPDF_Free'd object by object).
  const pdf::HaruMemory memory;
  HPDF_Doc doc = memory.new_document(on_error, &error);
  if (!doc) return failure("libharu could not create a document");
  // Compression first: libharu fixes each font's and page's filter when it is created.
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  // A page tree node holds at most 8,191 kids (libharu's array limit), so pages go into
  // nodes of 1,000: up to eight million pages instead of 8,191.
  HPDF_SetPagesConfiguration(doc, 1000);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");

  FontBook fonts(doc, options.pdf.font);
  const pdf::Measure measure = [&fonts](Face face, double size, std::string_view text) {
    return fonts.advance(face, text) * size / 1000.0;
  };
  if (!fonts.get(Face::Body)) {
    return failure("font \"" + options.pdf.font +
                   "\" is not installed (install fonts-dejavu-core, or name a .ttf file)");
  }
  const pdf::Geometry g = pdf::geometry_for(options.pdf);
  PageContents contents(fonts, error);
  const std::size_t hold = options.pdf.spill_pages_above;
  pdf::PagedDocument laid = pdf::lay_out(
      briefing, options, measure,
      [&contents](pdf::Page& page, std::size_t) { contents.draw_laid_out(page); },
      [&contents, hold](std::span<pdf::Page> pages) { contents.pages_done(pages, hold); });
  contents.pages_laid_out(laid.pages, hold);

  // Objects to come: per page a page, its content and its length; per link an annotation;
  // per anchor at most one destination; per bookmark an outline.
  std::size_t links = 0;
  for (const auto& page : laid.pages) links += page.links.size();
  pdf::reserve_objects(
      doc, 3 * laid.pages.size() + links + laid.anchors.size() + laid.outline.size() + 256);

  HPDF_Dict fonts_in_use = contents.font_resources(doc, laid);
  pdf::PageWriter page_writer(doc, fonts_in_use, g.width, g.height, laid.pages.size());
  const std::vector<HPDF_Page> pages = contents.add_pages(doc, laid, g, fonts_in_use, page_writer);
  if (pages.size() < laid.pages.size())
    return haru_failure(error, "could not add page " + std::to_string(pages.size() + 1));
  // Nothing below reads the briefing (the pages hold their images now), so the model can go
  // while libharu assembles and saves the document: the build's memory peak.
  const DocumentInfo info{briefing.title, briefing.subtitle, briefing.author,
                          keywords_of(briefing)};
  if (options.done_with_briefing) options.done_with_briefing();
  Destinations destinations(doc, laid, pages, g);
  auto link_targets = destinations.find_link_targets(options.threads);
  model::StartedFor writers(pages.size(), options.threads,
                            [&](std::size_t i) { contents.draw_rest(laid.pages[i], i); });
  pdf::LinkWriter link_writer(doc, links);
  for (std::size_t i = 0; i < laid.pages.size(); ++i) {
    auto& page_links = laid.pages[i].links;
    for (std::size_t k = 0; k < page_links.size(); ++k) {
      if (HPDF_Destination d = destinations.get(link_targets[i][k])) {
        link_writer.add(pages[i], page_links[k], d);
      }
    }
    // Web addresses from Markdown links, after the page's internal links: few, so libharu's
    // own annotations, which the link writer then lists after its own.
    for (const auto& link : laid.pages[i].links) {
      const std::string_view target = laid.pages[i].target_of(link);
      if (!target.starts_with(pdf::kWebLinkPrefix)) continue;
      const HPDF_Rect rect{link.x0, link.y0, link.x1, link.y1};
      const std::string uri(target.substr(std::string_view(pdf::kWebLinkPrefix).size()));
      if (HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(pages[i], rect, uri.c_str())) {
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
      }
    }
    link_writer.finish_page(pages[i]);
    // The link writer has the page's links now: 95 MB for 10,000 articles, freed before the
    // document is saved (layout's drawing threads touch no link).
    std::vector<pdf::LinkRect>().swap(page_links);
    std::string().swap(laid.pages[i].link_text);
    std::vector<Destinations::Target>().swap(link_targets[i]);
    // Handed back as the document grows (its arena cannot reuse them), not all at the end.
    if (i % 4096 == 4095) model::release_free_memory();
  }
  model::release_free_memory();
  HPDF_Outline root = nullptr;
  for (const auto& item : laid.outline) {
    HPDF_Destination d = destinations.get(destinations.find(item.anchor));
    if (!d) continue;
    HPDF_Outline parent = item.level == 0 ? nullptr : root;
    HPDF_Outline o =
        HPDF_CreateOutline(doc, parent, item.title.c_str(), HPDF_GetCurrentEncoder(doc));
    HPDF_Outline_SetDestination(o, d);
    if (item.level == 0) {
      root = o;
      HPDF_Outline_SetOpened(o, HPDF_FALSE);
    }
  }
  writers.join();
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (page_writer.is_plain(pages[i])) continue;  // its content is the writer's to write
    const auto content = contents.content_of(laid.pages[i]);
    if (!content || !pdf::set_page_content(doc, pages[i], *content)) {
      return haru_failure(error, "could not add page " + std::to_string(i + 1) + "'s content");
    }
  }
  HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, info.title.c_str());
  if (info.author) HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, info.author->c_str());
  if (info.subtitle) HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, info.subtitle->c_str());
  if (!info.keywords.empty()) HPDF_SetInfoAttr(doc, HPDF_INFO_KEYWORDS, info.keywords.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, ("dossier " + options.version).c_str());
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, pdf_date(options.timestamp));

  if (error.code != 0 || !pdf::save_to(doc, out, options.pieces)) {
    return haru_failure(error, "could not write the document");
  }
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
