#include "emit/pdf/layout.h"

#include "emit/end_note.h"
#include "emit/pdf/flow.h"
#include "emit/pdf/parts.h"
#include "model/parallel.h"

namespace dossier::emit::pdf {

namespace {

// The parts before the sources: anchor and the word that names them.
constexpr std::pair<const char*, const char*> kPartsBefore[] = {
    {"people", "key_people"},
    {"quotes", "quotes_by_speaker"},
    {"timeline", "timeline"},
    {"figures", "figures_and_conflicts"}};

std::string truncate_for_head(const std::string& title, std::size_t limit = 60) {
  // Running heads are one line: long titles are cut at a word boundary.
  if (title.size() <= limit) return title;
  const auto cut = title.rfind(' ', limit - 3);
  return title.substr(0, cut == std::string::npos ? limit - 3 : cut) + "\u2026";
}

// Body blocks: code keeps its lines, list items and table rows get a line each, quotes are
// indented.
// An image scaled to fit the text width (at 96 pixels to the inch at most, so small images
// are not blown up) and three quarters of the page height, with its alt text as the caption.
void lay_out_image(Flow& flow, const model::Block& block, const model::Source* source, double size,
                   double indent) {
  const std::string* bytes = nullptr;
  if (source) {
    if (const auto it = source->images.find(block.src); it != source->images.end()) {
      bytes = &it->second;
    }
  }
  const auto pixels = bytes ? image_pixels(*bytes) : std::nullopt;
  if (!pixels) {  // the build has reported why
    flow.paragraph("[" + block.text + "]", Face::BodyItalic, size, indent);
    return;
  }
  const double available = flow.text_width() - indent;
  double width = std::min(available, pixels->first * 0.75);
  double height = width * pixels->second / pixels->first;
  if (const double most = flow.text_height() * 0.75; height > most) {
    width *= most / height;
    height = most;
  }
  flow.image(*bytes, width, height, indent);
  if (!block.text.empty()) {
    flow.space(size * 0.3);
    flow.paragraph(block.text, Face::BodyItalic, size * 0.9, indent);
  }
}

void lay_out_body_block(Flow& flow, const model::Block& block, double size, double indent = 0,
                        const BriefingView* view = nullptr, const model::Source* source = nullptr) {
  switch (block.kind) {
    case model::BlockKind::Image:
      lay_out_image(flow, block, source, size, indent);
      break;
    case model::BlockKind::Code: {
      std::size_t start = 0;
      while (start <= block.text.size()) {
        const std::size_t end = std::min(block.text.find('\n', start), block.text.size());
        flow.paragraph(block.text.substr(start, end - start), Face::Mono, size * 0.85,
                       indent + size);
        start = end + 1;
      }
      break;
    }
    case model::BlockKind::List: {
      int n = block.start;
      for (const auto& item : block.children) {
        std::string marker = block.level == 1 ? std::to_string(n++) + ". " : "\u2022 ";
        if (item.checked)
          marker += *item.checked ? "[x] " : "[ ] ";  // the serif face has no ballot boxes
        flow.paragraph(marker + item.text, Face::Body, size, indent + size);
      }
      break;
    }
    case model::BlockKind::Table:
      for (const auto& row : block.children)
        flow.paragraph(row.text, Face::Body, size * 0.95, indent);
      break;
    case model::BlockKind::Blockquote:
      if (block.children.empty())
        flow.paragraph(block.text, Face::BodyItalic, size, indent + 2 * size);
      for (const auto& c : block.children) {
        lay_out_body_block(flow, c, size, indent + 2 * size, nullptr, source);
      }
      break;
    case model::BlockKind::ThematicBreak:
      flow.paragraph("* * *", Face::Body, size, indent + 15 * size);
      break;
    default:
      flow.rich_paragraph(linked_text(block, view, Face::Body), size, indent, true);
      break;
  }
}

void lay_out_source(Flow& flow, const model::Source& source, const EmitOptions& options,
                    double size, const BriefingView& view, const std::string& briefing_title) {
  const Words& words = options.words;
  const std::string title = model::display_title(source);
  flow.set_running_head(truncate_for_head(briefing_title, 40),
                        truncate_for_head(source.id + ". " + title, 50));
  flow.new_page();
  flow.anchor(source.id);
  std::string label = source.id;
  if (source.meta.category) label += " \u00B7 " + *source.meta.category;
  flow.paragraph(label, Face::Heading, size * 0.85);
  flow.paragraph(title, Face::Heading, size * 1.6);
  if (source.status == model::SourceStatus::Failed) {
    flow.paragraph(words["source_failed"], Face::BodyItalic, size);
    return;
  }
  if (source.meta.subtitle) flow.paragraph(*source.meta.subtitle, Face::BodyItalic, size * 1.1);
  const model::SourceMeta& m = source.meta;
  const auto meta_line = [&](const char* key, const std::optional<std::string>& value) {
    if (value) flow.paragraph(words[key] + ": " + *value, Face::Body, size * 0.85);
  };
  if (!m.authors.empty()) {
    std::string names;
    for (const auto& a : m.authors) names += (names.empty() ? "" : ", ") + a;
    flow.paragraph(words["authors"] + ": " + names, Face::Body, size * 0.85);
  }
  meta_line("outlet", m.outlet);
  meta_line("date", m.date);
  meta_line("url", m.url);
  meta_line("translated_from", m.translated_from);
  meta_line("original_title", m.original_title);
  flow.paragraph(words["file"] + ": " + source.path, Face::Body, size * 0.85);
  flow.space(size);
  for (const auto& block : source.blocks) {
    const bool heading = block.kind == model::BlockKind::Heading;
    if (heading) flow.space(size * 0.6);
    flow.anchor(block.id);
    flow.margin_number(paragraph_number(block.id), size * 0.7);
    if (heading) {
      flow.paragraph(block.text, Face::Heading, size * 1.15, 0, "", size * kLeading * 2);
    } else if (block.kind == model::BlockKind::Caption) {
      flow.paragraph(block.text, Face::BodyItalic, size * 0.9);
    } else {
      lay_out_body_block(flow, block, size, 0, &view, &source);
    }
    flow.space(size * 0.5);
  }
  const EndNote note = end_note_for(source);
  if (note.empty()) return;
  flow.space(size);
  flow.paragraph(words["repairs"], Face::Heading, size);
  const double small = size * 0.8;
  for (const auto& [kind, n] : note.counts) {
    flow.paragraph(kind + ": " + std::to_string(n), Face::Body, small);
  }
  for (const model::Fix* fix : note.listed) flow.paragraph(describe_fix(*fix), Face::Body, small);
  for (const auto& r : *note.removals) {
    flow.paragraph(words["removed"] + " (" + r.rule + ", " + words["line"] + " " +
                       std::to_string(r.first_line) + "): " + r.text,
                   Face::Body, small);
  }
}

void lay_out_cover(Flow& flow, const model::Briefing& b, const EmitOptions& options, double size) {
  flow.set_running_head("", "");
  flow.new_page();
  flow.anchor("cover");
  flow.space(size * 8);
  flow.paragraph(options.words["briefing"], Face::Heading, size);
  flow.paragraph(b.title, Face::Heading, size * 2.4);
  if (b.subtitle) flow.paragraph(*b.subtitle, Face::BodyItalic, size * 1.4);
  flow.space(size);
  flow.paragraph(b.date + (b.author ? " \u00B7 " + *b.author : ""), Face::Body, size * 1.1);
  flow.space(size * 2);
  flow.paragraph(options.words["sources"], Face::Heading, size * 1.1);
  for (const auto& s : b.sources) {
    std::string entry = s.id + ". " + model::display_title(s);
    if (s.status == model::SourceStatus::Failed) entry += " (" + options.words["failed"] + ")";
    flow.paragraph(entry, Face::Body, size, size, s.id);
  }
}

// The contents; `pages` holds each source's first page number (1-based), or is empty while the
// number of contents pages is being found.
void lay_out_contents(Flow& flow, const model::Briefing& b, const EmitOptions& options, double size,
                      const std::map<std::string, Anchor>& anchors) {
  flow.set_running_head(truncate_for_head(b.title), options.words["contents"]);
  flow.new_page();
  flow.anchor("contents");
  flow.paragraph(options.words["contents"], Face::Heading, size * 1.6);
  flow.space(size);
  const auto entry = [&](const std::string& label, const std::string& anchor) {
    const auto it = anchors.find(anchor);
    const std::string number = it == anchors.end() ? "000" : std::to_string(it->second.page + 1);
    flow.contents_entry(label, number, size, anchor);
  };
  for (const auto& [anchor, word] : kPartsBefore) entry(options.words[word], anchor);
  for (const auto& s : b.sources) entry(s.id + ". " + model::display_title(s), s.id);
  entry(options.words["index"], "index");
}

}  // namespace

Geometry geometry_for(const PdfOptions& options) {
  Geometry g;
  if (options.paper == "Letter") {
    g.width = 612;
    g.height = 792;
  }
  g.margin_top = options.margin_top;
  g.margin_bottom = options.margin_bottom;
  g.margin_left = options.margin_left;
  g.margin_right = options.margin_right;
  return g;
}

PagedDocument lay_out(const model::Briefing& briefing, const EmitOptions& options,
                      const Measure& measure) {
  const Geometry g = geometry_for(options.pdf);
  const double size = options.pdf.font_size;
  // The contents need the chapters' page numbers, and the chapters' pages depend on how many
  // pages the contents take. Numbers sit in a fixed column, so the contents take as many pages
  // with placeholders as with real numbers: lay out once with placeholders, then redo only the
  // front matter with the real numbers.
  PagedDocument doc;
  Flow flow(doc, g, measure, size);
  lay_out_cover(flow, briefing, options, size);
  lay_out_contents(flow, briefing, options, size, {});
  const std::size_t front_pages = doc.pages.size();
  const BriefingView view = make_view(briefing);
  const Words& words = options.words;
  lay_out_people(flow, view, words, size);
  lay_out_quotes(flow, view, words, size);
  lay_out_timeline(flow, view, words, size);
  lay_out_figures(flow, view, words, size);
  // Each source starts a page, so the chapters are laid out on their own, in parallel, and
  // then appended with their anchors moved to the pages they land on.
  std::vector<PagedDocument> chapters(briefing.sources.size());
  model::parallel_for(chapters.size(), options.threads, [&](std::size_t i) {
    Flow chapter(chapters[i], g, measure, size);
    lay_out_source(chapter, briefing.sources[i], options, size, view, briefing.title);
  });
  for (auto& chapter : chapters) {
    const int offset = static_cast<int>(doc.pages.size());
    for (auto& [id, anchor] : chapter.anchors) {
      doc.anchors[id] = {anchor.page + offset, anchor.y};
    }
    std::move(chapter.pages.begin(), chapter.pages.end(), std::back_inserter(doc.pages));
  }
  chapters.clear();
  lay_out_index(flow, view, words, size, doc.anchors);
  PagedDocument front;
  Flow front_flow(front, g, measure, size);
  lay_out_cover(front_flow, briefing, options, size);
  lay_out_contents(front_flow, briefing, options, size, doc.anchors);
  for (std::size_t i = 0; i < front_pages && i < front.pages.size(); ++i) {
    doc.pages[i] = std::move(front.pages[i]);
  }
  Flow::add_folios(doc, g, measure, size);
  doc.outline.push_back({briefing.title, "cover", 0});
  doc.outline.push_back({options.words["contents"], "contents", 0});
  for (const auto& [anchor, word] : kPartsBefore) doc.outline.push_back({words[word], anchor, 0});
  for (const auto& s : briefing.sources) {
    doc.outline.push_back({s.id + ". " + model::display_title(s), s.id, 0});
    for (const auto& block : s.blocks) {
      if (block.kind == model::BlockKind::Heading) doc.outline.push_back({block.text, block.id, 1});
    }
  }
  doc.outline.push_back({words["index"], "index", 0});
  return doc;
}

}  // namespace dossier::emit::pdf

namespace dossier::emit::pdf {

std::optional<std::pair<int, int>> image_pixels(std::string_view b) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(b[i]));
  };
  const auto be16 = [&](std::size_t i) { return static_cast<int>(byte(i) << 8 | byte(i + 1)); };
  if (b.starts_with("\x89PNG\r\n\x1a\n") && b.size() >= 24) {  // IHDR comes first
    const auto be32 = [&](std::size_t i) {
      return static_cast<long long>(byte(i)) << 24 | byte(i + 1) << 16 | byte(i + 2) << 8 |
             byte(i + 3);
    };
    const long long w = be32(16), h = be32(20);
    if (w <= 0 || h <= 0 || w > 1 << 20 || h > 1 << 20) return std::nullopt;
    return std::pair{static_cast<int>(w), static_cast<int>(h)};
  }
  if (!b.starts_with("\xFF\xD8")) return std::nullopt;
  // JPEG: walk the marker segments to a start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
  for (std::size_t i = 2; i + 9 < b.size();) {
    if (byte(i) != 0xFF) return std::nullopt;
    const unsigned marker = byte(i + 1);
    if (marker == 0xFF) {
      ++i;
      continue;
    }
    if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
      i += 2;
      continue;
    }
    const bool frame =
        marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (frame) {
      const int h = be16(i + 5), w = be16(i + 7);
      if (w <= 0 || h <= 0) return std::nullopt;
      return std::pair{w, h};
    }
    i += 2 + static_cast<std::size_t>(be16(i + 2));
  }
  return std::nullopt;
}

}  // namespace dossier::emit::pdf
