// PDF layout: the Briefing as pages of positioned text runs, link rectangles and anchors.
// Plain values, testable without libharu; draw.cpp turns them into a PDF. Widths come from a
// Measure function so tests can lay out with a fake font.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "emit/emit.h"

namespace dossier::emit::pdf {

enum class Face { Body, BodyBold, BodyItalic, Heading, Mono };

// Text set in one face and size from a point on a page. Its bytes are in the page's text
// (Page::text_of): a briefing of 10,000 articles has twelve million runs, mostly single
// words, and a string of their own made each run half as large again.
struct Run {
  double x = 0, y = 0;  // baseline start, PDF points from the bottom left
  double size = 0;
  double width = -1;  // the advance in points where layout measured it, else negative
  std::uint32_t text_at = 0, text_size = 0;
  Face face = Face::Body;
};

// A link target that is a web or mail address rather than an anchor: "uri:https://…".
inline constexpr const char* kWebLinkPrefix = "uri:";

// A link's rectangle, in PDF points as the PDF writes them (single precision), and where its
// target is in its page's link text (Page::target_of): 24 bytes a link, where a string of its
// own made it 64 and often an allocation (a briefing of 10,000 articles has three million).
struct LinkRect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::uint32_t target_at = 0, target_size = 0;
};

// An image placed on a page: its box in PDF points and its file's bytes (PNG or JPEG, owned
// by the briefing's source).
struct PlacedImage {
  double x = 0, y = 0, width = 0, height = 0;  // bottom left corner and size
  const std::string* bytes = nullptr;
};

// A straight line drawn on a page (a table rule, a line through struck text), `width` thick.
struct Rule {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width = 0;
};

struct Page {
  // The page's operators, compressed, once a PageDone has drawn it; its runs, text and rules
  // are then freed.
  std::string content;
  // Or, once the writer has moved them out of memory, where its spill file holds them
  // (spill_file.h; a size of 0: not there).
  std::uint64_t spilled_at = 0, spilled_size = 0;
  std::vector<Run> runs;
  std::string text;  // the runs' text, one after another
  std::vector<LinkRect> links;
  std::string link_text;  // the links' targets, one after another
  std::vector<PlacedImage> images;
  std::vector<Rule> rules;
  std::uint8_t faces = 0;  // once drawn: bit f set when a run in Face f was drawn

  void add_run(double x, double y, Face face, double size, std::string_view run_text,
               double width = -1) {
    runs.push_back({x, y, size, width, static_cast<std::uint32_t>(text.size()),
                    static_cast<std::uint32_t>(run_text.size()), face});
    text.append(run_text);
  }
  std::string_view text_of(const Run& run) const {
    return std::string_view(text).substr(run.text_at, run.text_size);
  }
  // A link over the rectangle to `target`: an anchor id, or kWebLinkPrefix and an address.
  void add_link(double x0, double y0, double x1, double y1, std::string_view target) {
    links.push_back({static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1),
                     static_cast<float>(y1), static_cast<std::uint32_t>(link_text.size()),
                     static_cast<std::uint32_t>(target.size())});
    link_text.append(target);
  }
  std::string_view target_of(const LinkRect& link) const {
    return std::string_view(link_text).substr(link.target_at, link.target_size);
  }
};

// The pixel size of a PNG or JPEG file, read from its header; nothing for anything else.
std::optional<std::pair<int, int>> image_pixels(std::string_view bytes);

struct Anchor {
  int page = 0;  // 0-based
  double y = 0;  // top of the anchored line
  bool operator==(const Anchor&) const = default;
};

struct OutlineItem {
  std::string title;
  std::string anchor;
  int level = 0;  // 0: top level
};

// Anchor ids (S1, S1-p4, E-…) → places: looked up once for each of a briefing's links, by
// the link's target as it sits in its page (a string_view, so the lookup is transparent).
struct AnchorHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
};
using Anchors = std::unordered_map<std::string, Anchor, AnchorHash, std::equal_to<>>;

struct PagedDocument {
  std::vector<Page> pages;
  Anchors anchors;
  std::vector<OutlineItem> outline;
};

struct Geometry {
  double width = 595.276, height = 841.89;  // A4
  double margin_top = 72, margin_bottom = 72, margin_left = 72, margin_right = 72;
  double text_width() const { return width - margin_left - margin_right; }
};

// Width in points of `text` set in `face` at `size`.
using Measure = std::function<double(Face face, double size, std::string_view text)>;

Geometry geometry_for(const PdfOptions& options);

// Breaks `text` into lines no wider than `width` (words wider than a line are split).
std::vector<std::string> wrap_text(std::string_view text, Face face, double size, double width,
                                   const Measure& measure);

// Called for each page as soon as it is finished and numbered (`index`, 0-based; its folio
// is set), on whichever of the layout's threads finished it. The PDF writer draws the page
// there and frees its runs, so a long briefing's runs are never all in memory at once.
using PageDone = std::function<void(Page& page, std::size_t index)>;

// Called for a run of pages handed to PageDone (a source's or a part's, or a batch of the
// index's) once layout has finished with them: it never touches them again but for their
// links, so the writer can move their drawn operators out of memory. On any of the layout's
// threads; pages laid out last (the front matter, the index's last batch) are not handed over.
using PagesDone = std::function<void(std::span<Page> pages)>;

PagedDocument lay_out(const model::Briefing& briefing, const EmitOptions& options,
                      const Measure& measure, const PageDone& page_done = {},
                      const PagesDone& pages_done = {});

}  // namespace dossier::emit::pdf
