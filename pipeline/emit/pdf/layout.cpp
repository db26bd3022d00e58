#include "emit/pdf/layout.h"

#include "emit/end_note.h"

namespace dossier::emit::pdf {

namespace {

constexpr double kLeading = 1.4;  // line height as a multiple of the font size

// Places lines top to bottom across pages, with a running head and a folio on each page.
class Flow {
 public:
  Flow(PagedDocument& doc, const Geometry& geometry, const Measure& measure, double body_size)
      : doc_(doc), g_(geometry), measure_(measure), body_size_(body_size) {}

  void new_page() {
    doc_.pages.emplace_back();
    y_ = g_.height - g_.margin_top;
    decorate();
  }

  void set_running_head(std::string left, std::string right) {
    head_left_ = std::move(left);
    head_right_ = std::move(right);
  }

  // Starts a new page unless `height` still fits on this one.
  void ensure(double height) {
    if (doc_.pages.empty() || y_ - height < g_.margin_bottom) new_page();
  }

  void space(double points) { y_ -= points; }

  void anchor(const std::string& id) {
    ensure(body_size_ * kLeading);
    doc_.anchors[id] = {page_index(), y_};
  }

  // Sets `text` wrapped to the text width (less `indent`); returns the lines' rectangles'
  // top and bottom on the last page for link placement.
  void paragraph(const std::string& text, Face face, double size, double indent = 0,
                 const std::string& link_target = "", double keep_with_next = 0) {
    const double leading = size * kLeading;
    const auto lines = wrap_text(text, face, size, g_.text_width() - indent, measure_);
    // Keep a heading with at least the first lines that follow it.
    ensure(std::min<double>(static_cast<double>(lines.size()), 2) * leading + keep_with_next);
    for (const auto& line : lines) {
      ensure(leading);
      const double baseline = y_ - size;
      page().runs.push_back({g_.margin_left + indent, baseline, face, size, line});
      if (!link_target.empty()) {
        const double w = measure_(face, size, line);
        page().links.push_back({g_.margin_left + indent, baseline - size * 0.25,
                                g_.margin_left + indent + w, baseline + size * 0.9, link_target});
      }
      y_ -= leading;
    }
  }

  // A paragraph number in the left margin, level with the next line.
  void margin_number(const std::string& number, double size) {
    ensure(body_size_ * kLeading * 2);
    const double w = measure_(Face::Body, size, number);
    page().runs.push_back({g_.margin_left - 8 - w, y_ - body_size_, Face::Body, size, number});
  }

  // A line with text at the left and a page number at the right, linked to `target`.
  void contents_entry(const std::string& text, const std::string& number, double size,
                      const std::string& target) {
    const double leading = size * kLeading;
    const double number_column = measure_(Face::Body, size, "00000");
    const auto lines = wrap_text(text, Face::Body, size, g_.text_width() - number_column, measure_);
    ensure(static_cast<double>(lines.size()) * leading);
    const double top = y_;
    for (const auto& line : lines) {
      page().runs.push_back({g_.margin_left, y_ - size, Face::Body, size, line});
      y_ -= leading;
    }
    const double w = measure_(Face::Body, size, number);
    page().runs.push_back(
        {g_.width - g_.margin_right - w, y_ + leading - size, Face::Body, size, number});
    page().links.push_back(
        {g_.margin_left, y_ + leading * 0.2, g_.width - g_.margin_right, top, target});
  }

  int page_index() const { return static_cast<int>(doc_.pages.size()) - 1; }

 private:
  Page& page() { return doc_.pages.back(); }

  void decorate() {
    const double size = body_size_ * 0.75;
    const double head_y = g_.height - g_.margin_top + size * 2;
    if (!head_left_.empty()) {
      page().runs.push_back({g_.margin_left, head_y, Face::BodyItalic, size, head_left_});
    }
    if (!head_right_.empty()) {
      const double w = measure_(Face::BodyItalic, size, head_right_);
      page().runs.push_back(
          {g_.width - g_.margin_right - w, head_y, Face::BodyItalic, size, head_right_});
    }
    const std::string folio = std::to_string(doc_.pages.size());
    const double w = measure_(Face::Body, size, folio);
    page().runs.push_back(
        {(g_.width - w) / 2, g_.margin_bottom - size * 3, Face::Body, size, folio});
  }

  PagedDocument& doc_;
  const Geometry& g_;
  const Measure& measure_;
  double body_size_;
  double y_ = 0;
  std::string head_left_, head_right_;
};

std::string truncate_for_head(const std::string& title) {
  // Running heads are one line: long titles are cut at a word boundary.
  if (title.size() <= 60) return title;
  const auto cut = title.rfind(' ', 57);
  return title.substr(0, cut == std::string::npos ? 57 : cut) + "\u2026";
}

// Body blocks: code keeps its lines, list items and table rows get a line each, quotes are
// indented.
void lay_out_body_block(Flow& flow, const model::Block& block, double size, double indent = 0) {
  switch (block.kind) {
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
      int n = 0;
      for (const auto& item : block.children) {
        const std::string marker = block.level == 1 ? std::to_string(++n) + ". " : "\u2022 ";
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
      for (const auto& c : block.children) lay_out_body_block(flow, c, size, indent + 2 * size);
      break;
    case model::BlockKind::ThematicBreak:
      flow.paragraph("* * *", Face::Body, size, indent + 15 * size);
      break;
    default:
      flow.paragraph(block.text, Face::Body, size, indent);
      break;
  }
}

void lay_out_source(Flow& flow, const model::Source& source, const EmitOptions& options,
                    double size) {
  const Words& words = options.words;
  const std::string title = model::display_title(source);
  flow.set_running_head("", truncate_for_head(source.id + ". " + title));
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
      lay_out_body_block(flow, block, size);
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
  for (const auto& s : b.sources) {
    const auto it = anchors.find(s.id);
    const std::string number = it == anchors.end() ? "000" : std::to_string(it->second.page + 1);
    flow.contents_entry(s.id + ". " + model::display_title(s), number, size, s.id);
  }
}

}  // namespace

Geometry geometry_for(const PdfOptions& options) {
  Geometry g;
  if (options.paper == "Letter") {
    g.width = 612;
    g.height = 792;
  }
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
  for (const auto& s : briefing.sources) lay_out_source(flow, s, options, size);
  PagedDocument front;
  Flow front_flow(front, g, measure, size);
  lay_out_cover(front_flow, briefing, options, size);
  lay_out_contents(front_flow, briefing, options, size, doc.anchors);
  for (std::size_t i = 0; i < front_pages && i < front.pages.size(); ++i) {
    doc.pages[i] = std::move(front.pages[i]);
  }
  doc.outline.push_back({briefing.title, "cover", 0});
  doc.outline.push_back({options.words["contents"], "contents", 0});
  for (const auto& s : briefing.sources) {
    doc.outline.push_back({s.id + ". " + model::display_title(s), s.id, 0});
    for (const auto& block : s.blocks) {
      if (block.kind == model::BlockKind::Heading) doc.outline.push_back({block.text, block.id, 1});
    }
  }
  return doc;
}

}  // namespace dossier::emit::pdf
