// briefing.pdf: draws the laid-out pages with libharu — embedded TrueType fonts through the
// UTF-8 encoder, link annotations, outlines and document info.
#include <hpdf.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "emit/pdf/fonts.h"
#include "emit/pdf/layout.h"

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

struct DocDeleter {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};

// Loads each face on first use: libharu embeds every font it is asked for.
class FontBook {
 public:
  FontBook(HPDF_Doc doc, std::string family) : doc_(doc), family_(std::move(family)) {}

  HPDF_Font get(Face face) {
    HPDF_Font& slot = fonts_[static_cast<std::size_t>(face)];
    if (slot) return slot;
    const auto file = pdf::font_file(family_, face);
    if (!file) {
      missing_ = family_;
      return nullptr;
    }
    const char* name = HPDF_LoadTTFontFromFile(doc_, file->c_str(), HPDF_TRUE);
    if (!name) return nullptr;
    slot = HPDF_GetFont(doc_, name, "UTF-8");
    return slot;
  }

  const std::string& missing() const { return missing_; }

 private:
  HPDF_Doc doc_;
  std::string family_;
  std::string missing_;
  std::array<HPDF_Font, 5> fonts_{};
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

void draw_pages(HPDF_Doc doc, const pdf::PagedDocument& laid, const pdf::Geometry& g,
                FontBook& fonts, std::vector<HPDF_Page>& pages) {
  for (const auto& page : laid.pages) {
    HPDF_Page p = HPDF_AddPage(doc);
    HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(g.width));
    HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(g.height));
    HPDF_Page_BeginText(p);
    for (const auto& run : page.runs) {
      HPDF_Font font = fonts.get(run.face);
      if (!font) continue;
      HPDF_Page_SetFontAndSize(p, font, static_cast<HPDF_REAL>(run.size));
      HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(run.x), static_cast<HPDF_REAL>(run.y),
                        run.text.c_str());
    }
    HPDF_Page_EndText(p);
    pages.push_back(p);
  }
}

HPDF_Destination destination(const pdf::PagedDocument& laid, const std::vector<HPDF_Page>& pages,
                             const pdf::Geometry& g, const std::string& anchor) {
  const auto it = laid.anchors.find(anchor);
  if (it == laid.anchors.end() || it->second.page >= static_cast<int>(pages.size())) {
    return nullptr;
  }
  HPDF_Destination d =
      HPDF_Page_CreateDestination(pages[static_cast<std::size_t>(it->second.page)]);
  // Zoom must be within 0.08–32 in libharu 2.3; 1 keeps the reader's scale.
  HPDF_Destination_SetXYZ(d, 0, static_cast<HPDF_REAL>(std::min(g.height, it->second.y + 12)), 1);
  return d;
}

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
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocDeleter> holder(HPDF_New(on_error, &error));
  HPDF_Doc doc = holder.get();
  if (!doc) return failure("libharu could not create a document");
  // Compression first: libharu fixes each font's and page's filter when it is created.
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");

  FontBook fonts(doc, options.pdf.font);
  const pdf::Measure measure = [&fonts](Face face, double size, std::string_view text) {
    HPDF_Font font = fonts.get(face);
    if (!font || text.empty()) return 0.0;
    const HPDF_TextWidth w = HPDF_Font_TextWidth(
        font, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
    return static_cast<double>(w.width) * size / 1000.0;
  };
  if (!fonts.get(Face::Body)) {
    return failure("font \"" + options.pdf.font +
                   "\" is not installed (install fonts-dejavu-core, or name a .ttf file)");
  }
  const pdf::Geometry g = pdf::geometry_for(options.pdf);
  const pdf::PagedDocument laid = pdf::lay_out(briefing, options, measure);

  std::vector<HPDF_Page> pages;
  draw_pages(doc, laid, g, fonts, pages);
  for (std::size_t i = 0; i < laid.pages.size(); ++i) {
    for (const auto& link : laid.pages[i].links) {
      HPDF_Destination d = destination(laid, pages, g, link.target);
      if (!d) continue;
      const HPDF_Rect rect{static_cast<HPDF_REAL>(link.x0), static_cast<HPDF_REAL>(link.y0),
                           static_cast<HPDF_REAL>(link.x1), static_cast<HPDF_REAL>(link.y1)};
      HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(pages[i], rect, d);
      HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
  }
  HPDF_Outline root = nullptr;
  for (const auto& item : laid.outline) {
    HPDF_Destination d = destination(laid, pages, g, item.anchor);
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
  HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, briefing.title.c_str());
  if (briefing.author) HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, briefing.author->c_str());
  if (briefing.subtitle) HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, briefing.subtitle->c_str());
  // Keywords: the most mentioned people and organizations, then places.
  if (const std::string keywords = keywords_of(briefing); !keywords.empty()) {
    HPDF_SetInfoAttr(doc, HPDF_INFO_KEYWORDS, keywords.c_str());
  }
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, ("dossier " + options.version).c_str());
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, pdf_date(options.timestamp));

  if (error.code != 0 || HPDF_SaveToStream(doc) != HPDF_OK) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error.code), static_cast<unsigned>(error.detail));
    return failure(buf);
  }
  HPDF_ResetStream(doc);
  std::array<HPDF_BYTE, 65536> buffer{};
  for (;;) {
    HPDF_UINT32 n = buffer.size();
    const HPDF_STATUS rc = HPDF_ReadFromStream(doc, buffer.data(), &n);
    out.write(reinterpret_cast<const char*>(buffer.data()), n);
    if (rc == HPDF_STREAM_EOF || n == 0) break;
    if (rc != HPDF_OK) return failure("libharu could not read back the document stream");
  }
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
