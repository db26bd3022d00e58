#include "emit/pdf/layout.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

#include "emit/end_note.h"
#include "emit/pdf/flow.h"
#include "emit/pdf/fonts.h"
#include "emit/pdf/hyphenate.h"
#include "emit/pdf/parts.h"
#include "emit/pdf/section_cache.h"
#include "emit/piece_cache.h"
#include "model/parallel.h"
#include "model/utf8.h"

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

// What a block needs besides itself: the names to link (top-level blocks only), the images
// the source holds and its notes' anchors.
struct BlockContext {
  const BriefingView* view = nullptr;
  const model::Source* source = nullptr;
  const NoteAnchors* notes = nullptr;

  BlockContext nested() const { return {nullptr, source, notes}; }
};

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

// A code block keeps its lines and their spaces (tabs to four-column stops); a line too long
// for the measure goes on in lines that start with "↪ ", so the wrap is visible.
void lay_out_code(Flow& flow, const model::Block& block, double size, double indent) {
  const double code_size = size * 0.85;
  const double width = flow.text_width() - indent;
  const Measure& measure = flow.measure();
  std::vector<SetLine> lines;
  std::size_t start = 0;
  while (start <= block.text.size()) {
    const std::size_t end = std::min(block.text.find('\n', start), block.text.size());
    std::string line;
    int column = 0;
    model::utf8::for_each(std::string_view(block.text).substr(start, end - start),
                          [&](char32_t c, std::size_t) {
                            if (c == U'\t') {
                              do line += ' ';
                              while (++column % 4 != 0);
                              return;
                            }
                            model::utf8::append(line, c);
                            ++column;
                          });
    std::string_view rest = line;
    bool first = true;
    do {
      const std::string lead = first ? "" : "\u21AA ";
      double used = measure(Face::Mono, code_size, lead);
      std::size_t cut = 0;
      while (cut < rest.size()) {
        const std::size_t n = model::utf8::decode(rest, cut).length;
        const double w = measure(Face::Mono, code_size, rest.substr(cut, n));
        if (cut > 0 && used + w > width) break;
        used += w;
        cut += n;
      }
      SetLine& set = lines.emplace_back();
      set.runs.push_back({0, used, Face::Mono, false, lead + std::string(rest.substr(0, cut))});
      set.width = used;
      rest.remove_prefix(cut);
      first = false;
    } while (!rest.empty());
    start = end + 1;
  }
  flow.place_lines(std::move(lines), code_size, indent);
}

void lay_out_body_block(Flow& flow, const model::Block& block, double size, double indent,
                        const BlockContext& context);

// Items with their marker (number, bullet, task box) hanging before the text; an item's
// blocks are laid out in turn, nested lists further in; a loose list spaces its items.
void lay_out_list(Flow& flow, const model::Block& block, double size, double indent,
                  const BlockContext& context) {
  const double item_indent = indent + size * 1.8;
  int n = block.start;
  for (const auto& item : block.children) {
    std::string marker = block.level == 1 ? std::to_string(n++) + "." : "\u2022";
    if (item.checked) marker = *item.checked ? "[x]" : "[ ]";  // the serif face has no ballot box
    flow.marker(marker, Face::Body, size, item_indent, size * 0.5);
    bool first = true;
    for (const auto& child : item.children) {
      if (!first) flow.space(size * (block.loose ? 0.5 : 0.2));
      first = false;
      if (child.kind == model::BlockKind::Paragraph) {
        flow.rich_paragraph(linked_text(child, nullptr, Face::Body, context.notes), size,
                            item_indent);
      } else {
        lay_out_body_block(flow, child, size, item_indent, context.nested());
      }
    }
    if (item.children.empty()) flow.space(size * kLeading);
    if (block.loose) flow.space(size * 0.5);
  }
}

// Columns as wide as their content where it fits, otherwise each at least its widest word
// and the rest shared by how much more each would take; cells wrap within their column and
// keep its alignment. Rules above and below the header and below the table; a table that
// runs over a page starts the next with its header again.
void lay_out_table(Flow& flow, const model::Block& block, double size, double indent,
                   const BlockContext& context) {
  if (block.children.empty()) return;
  const double cell_size = size * 0.9;
  const double leading = cell_size * kLeading;
  double gap = cell_size * 1.2;
  const Measure& measure = flow.measure();
  std::size_t columns = block.align.size();
  for (const auto& row : block.children) columns = std::max(columns, row.children.size());
  if (columns == 0) return;
  // Each cell's pieces, and each column's natural and narrowest widths.
  std::vector<std::vector<std::vector<Piece>>> cells(block.children.size());
  std::vector<double> natural(columns, 0), narrowest(columns, 0);
  for (std::size_t r = 0; r < block.children.size(); ++r) {
    const auto& row = block.children[r].children;
    cells[r].resize(columns);
    for (std::size_t c = 0; c < row.size() && c < columns; ++c) {
      cells[r][c] =
          linked_text(row[c], nullptr, r == 0 ? Face::BodyBold : Face::Body, context.notes);
      const Extent e = measure_pieces(cells[r][c], cell_size, measure);
      natural[c] = std::max(natural[c], e.natural);
      narrowest[c] = std::max(narrowest[c], e.widest_word);
    }
  }
  const double available = flow.text_width() - indent - gap * static_cast<double>(columns - 1);
  double sum_natural = 0, sum_narrowest = 0;
  for (std::size_t c = 0; c < columns; ++c) {
    sum_natural += natural[c];
    sum_narrowest += narrowest[c];
  }
  std::vector<double> widths(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    if (sum_natural <= available) {
      widths[c] = natural[c];
    } else if (sum_narrowest < available && sum_natural > sum_narrowest) {
      widths[c] = narrowest[c] + (natural[c] - narrowest[c]) * (available - sum_narrowest) /
                                     (sum_natural - sum_narrowest);
    } else {  // even the widest words do not fit: share by them, cutting words
      widths[c] = available * (sum_narrowest > 0 ? narrowest[c] / sum_narrowest
                                                 : 1.0 / static_cast<double>(columns));
    }
    widths[c] = std::max(widths[c], cell_size);
  }
  double table_width = gap * static_cast<double>(columns - 1);
  for (const double w : widths) table_width += w;
  // (Shared out, the widths fill the room but for rounding, which must not shrink them: a
  // column as wide as its widest word would then cut that word.)
  if (const double room = flow.text_width() - indent; table_width > room + 1e-6) {
    // So many columns that even a letter each overflows: everything shrinks to fit.
    const double scale = room / table_width;
    for (double& w : widths) w *= scale;
    gap *= scale;
    table_width = room;
  }
  // Rows set into lines once; a row's height is its tallest cell's.
  std::vector<std::vector<std::vector<SetLine>>> set(block.children.size());
  for (std::size_t r = 0; r < cells.size(); ++r) {
    for (std::size_t c = 0; c < columns; ++c) {
      set[r].push_back(set_lines(cells[r][c], cell_size, widths[c], false, measure));
    }
  }
  const auto lines_in = [&](std::size_t r) {
    std::size_t lines = 1;
    for (const auto& cell : set[r]) lines = std::max(lines, cell.size());
    return lines;
  };
  const double padding = cell_size * 0.4;
  const auto height = [&](std::size_t r) {
    return static_cast<double>(lines_in(r)) * leading + padding;
  };
  // Lines `from` up to `to` of each of row `r`'s cells, from the current height.
  const auto place_lines = [&](std::size_t r, std::size_t from, std::size_t to) {
    const double top = flow.y() - cell_size * 0.2;
    double x = flow.left() + indent;
    for (std::size_t c = 0; c < columns; ++c) {
      double baseline = top - cell_size;
      const char align = c < block.align.size() ? block.align[c] : ' ';
      const auto& lines = set[r][c];
      for (std::size_t i = from; i < std::min(to, lines.size()); ++i) {
        const double slack = widths[c] - lines[i].width;
        const double shift = align == 'r' ? slack : align == 'c' ? slack / 2 : 0;
        flow.place_line(lines[i], x + shift, baseline, cell_size);
        baseline -= leading;
      }
      x += widths[c] + gap;
    }
    flow.space(static_cast<double>(to - from) * leading + padding);
  };
  // A row taller than the room left is split between lines across pages (a cell can hold
  // hundreds of words), the header repeated above each part unless it is itself that tall.
  const bool repeat_header = height(0) <= flow.text_height() / 3;
  std::function<void()> header;
  const auto place_row = [&](std::size_t r) {
    const std::size_t lines = lines_in(r);
    std::size_t from = 0;
    bool new_page = false;
    for (;;) {
      auto fit = static_cast<std::size_t>(std::max(0.0, (flow.room() - padding) / leading + 1e-6));
      if (fit >= lines - from) break;
      if (new_page) fit = std::max<std::size_t>(fit, 1);  // a page takes a line at least
      if (fit > 0) {
        place_lines(r, from, from + fit);
        from += fit;
      }
      flow.new_page();
      if (r > 0 && repeat_header) header();
      new_page = true;
    }
    place_lines(r, from, lines);
  };
  header = [&] {
    flow.rule(indent, indent + table_width, 0.8);
    place_row(0);
    flow.rule(indent, indent + table_width, 0.4);
  };
  // The header with a row, or when they are taller than a page, with a few lines of them.
  const double opening = height(0) + (set.size() > 1 ? height(1) : 0);
  flow.ensure(opening <= flow.text_height() ? opening : std::min(opening, leading * 4 + padding));
  header();
  for (std::size_t r = 1; r < set.size(); ++r) {
    // A row that fits on a page goes over whole; a taller one starts on this page.
    const bool fits_a_page = height(r) <= flow.text_height() - (repeat_header ? height(0) : 0);
    if (flow.room() < height(r) && (fits_a_page || flow.room() < leading * 2 + padding)) {
      flow.new_page();
      if (repeat_header) header();
    }
    place_row(r);
  }
  flow.rule(indent, indent + table_width, 0.8);
  flow.space(size * 0.3);
}

void lay_out_body_block(Flow& flow, const model::Block& block, double size, double indent,
                        const BlockContext& context) {
  // Nesting moves text in, but never past the middle of the measure: Markdown lets quotes and
  // lists nest without end, and one fifty deep started its text off the page.
  indent = std::min(indent, flow.text_width() / 2);
  switch (block.kind) {
    case model::BlockKind::Image:
      lay_out_image(flow, block, context.source, size, indent);
      break;
    case model::BlockKind::Code:
      lay_out_code(flow, block, size, indent + size);
      break;
    case model::BlockKind::List:
      lay_out_list(flow, block, size, indent, context);
      break;
    case model::BlockKind::Table:
      lay_out_table(flow, block, size, indent, context);
      break;
    case model::BlockKind::Blockquote:
      if (block.children.empty())
        flow.paragraph(block.text, Face::BodyItalic, size, indent + 2 * size);
      for (std::size_t k = 0; k < block.children.size(); ++k) {
        if (k > 0) flow.space(size * 0.4);
        lay_out_body_block(flow, block.children[k], size, indent + 2 * size, context.nested());
      }
      break;
    case model::BlockKind::ThematicBreak: {
      flow.ensure(size * kLeading);
      flow.space(size * 0.7);
      const double w = (flow.text_width() - indent) / 3;
      flow.rule(indent + w, indent + 2 * w, 0.5);
      flow.space(size * 0.7);
      break;
    }
    case model::BlockKind::Heading:
      flow.rich_paragraph(linked_text(block, context.view, Face::Heading, context.notes),
                          size * 1.15, indent, false, size * kLeading * 2);
      break;
    default:
      flow.rich_paragraph(linked_text(block, context.view, Face::Body, context.notes), size, indent,
                          true);
      break;
  }
}

// A note set small at the chapter's end: its number, linked back to the paragraph that first
// refers to it, then its text (or its blocks).
void lay_out_footnote(Flow& flow, const model::Block& block, double size,
                      const BlockContext& context, const NoteAnchors& referrers) {
  const double note_size = size * 0.85;
  const std::string number = std::to_string(block.start);
  const auto back = referrers.find(number);
  std::vector<Piece> pieces = {
      {number + ".", back == referrers.end() ? "" : back->second, Face::BodyBold}, {" ", ""}};
  if (block.children.empty()) {
    const auto text = linked_text(block, context.view, Face::Body, context.notes);
    pieces.insert(pieces.end(), text.begin(), text.end());
    flow.rich_paragraph(pieces, note_size, 0, true);
    return;
  }
  bool first = true;
  for (const auto& child : block.children) {
    if (first && child.kind == model::BlockKind::Paragraph) {
      const auto text = linked_text(child, nullptr, Face::Body, context.notes);
      pieces.insert(pieces.end(), text.begin(), text.end());
      flow.rich_paragraph(pieces, note_size, 0, true);
    } else {
      if (first) flow.rich_paragraph(pieces, note_size, 0);
      lay_out_body_block(flow, child, note_size, note_size, context.nested());
    }
    first = false;
  }
}

// Each note's number → the top-level block that first refers to it.
NoteAnchors first_references(const model::Source& source) {
  NoteAnchors out;
  const auto visit = [&](const auto& self, const model::Block& b, const std::string& top) -> void {
    for (const auto& span : b.spans) {
      if (span.kind == model::SpanKind::FootnoteRef) out.try_emplace(span.href, top);
    }
    for (const auto& c : b.children) self(self, c, top);
  };
  for (const auto& b : source.blocks) visit(visit, b, b.id);
  return out;
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
  NoteAnchors notes;
  for (const auto& block : source.blocks) {
    if (block.kind == model::BlockKind::Footnote) notes[std::to_string(block.start)] = block.id;
  }
  const NoteAnchors referrers = notes.empty() ? NoteAnchors{} : first_references(source);
  const BlockContext context{&view, &source, &notes};
  bool in_notes = false;
  for (const auto& block : source.blocks) {
    const bool heading = block.kind == model::BlockKind::Heading;
    const bool note = block.kind == model::BlockKind::Footnote;
    if (heading) flow.space(size * 0.6);
    if (note && !in_notes) {  // a short rule sets the notes apart
      flow.ensure(size * kLeading * 3);
      flow.rule(0, flow.text_width() / 4, 0.5);
      flow.space(size * 0.6);
    }
    in_notes = in_notes || note;
    flow.anchor(block.id);
    flow.margin_number(paragraph_number(block.id), size * 0.7);
    if (note) {
      lay_out_footnote(flow, block, size, context, referrers);
    } else if (block.kind == model::BlockKind::Caption) {
      flow.paragraph(block.text, Face::BodyItalic, size * 0.9);
    } else {
      lay_out_body_block(flow, block, size, 0, context);
    }
    flow.space(size * (note ? 0.2 : 0.5));
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
                      const Anchors& anchors) {
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

namespace {

// Numbers the sections laid out in parallel: a section's first page is known once every
// section before it is laid out. Safe to call from the layout's threads.
class SectionNumbers {
 public:
  SectionNumbers(const std::vector<PagedDocument>& sections, std::size_t first_page)
      : sections_(sections),
        finished_(sections.size()),
        first_page_(sections.size()),
        next_page_(first_page) {}

  // Marks section `i` laid out; returns the sections [from, to) numbered by it (none while a
  // section before `i` is still being laid out).
  std::pair<std::size_t, std::size_t> finish(std::size_t i) {
    std::lock_guard lock(mutex_);
    finished_[i] = true;
    page_counts_[i] = sections_[i].pages.size();
    waiting_pages_ += page_counts_[i];
    const std::size_t from = numbered_;
    for (; numbered_ < sections_.size() && finished_[numbered_]; ++numbered_) {
      first_page_[numbered_] = next_page_;
      next_page_ += page_counts_[numbered_];
      waiting_pages_ -= page_counts_[numbered_];
    }
    if (numbered_ != from) room_.notify_all();
    return {from, numbered_};
  }

  // Before section `i` is laid out: waits while more than `most` pages laid out wait for their
  // numbers behind a section before `i` (a long reference part), so that a thread running
  // ahead does not hold every page it lays out until then. Every section before `i` must have
  // been started: the first of them not yet laid out is being laid out, so the wait ends.
  void wait_for_room(std::size_t i, std::size_t most) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stopped_ || numbered_ >= i || waiting_pages_ <= most; });
  }

  // Ends every wait: a section's layout failed, and the sections after it will not be numbered.
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }

  // Section `k`'s first page; only for a section finish() has returned.
  std::size_t first_page(std::size_t k) const { return first_page_[k]; }

 private:
  const std::vector<PagedDocument>& sections_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::vector<bool> finished_;
  std::vector<std::size_t> page_counts_ = std::vector<std::size_t>(sections_.size());
  std::vector<std::size_t> first_page_;
  std::size_t numbered_ = 0;
  std::size_t next_page_;
  std::size_t waiting_pages_ = 0;  // of sections laid out and not yet numbered
  bool stopped_ = false;
};

// Pages laid out ahead of their numbers (behind a long part) that a source waits for, about
// 10 MB of runs: a 10,000-article briefing's sources otherwise held 130 MB of pages behind its
// figures.
constexpr std::size_t kMostPagesWaiting = 512;

// The order to lay the parts out in (people, quotes, timeline, figures: lay_out's kParts),
// longest first by a rough count of their text.
std::array<std::size_t, 4> parts_longest_first(const BriefingView& view) {
  std::array<std::size_t, 4> bytes{};
  for (const EntityEntry* e : view.key_entities) {
    bytes[0] += e->entity->name.size() + 12 * e->paragraphs.size();
  }
  for (const auto& group : view.quotes) {
    for (const model::Quote* q : group.quotes) bytes[1] += q->text.size() + 16;
  }
  for (const auto& entry : view.timeline) bytes[2] += entry.date->text.size() + 60;
  for (const model::Figure* f : view.figures) bytes[3] += f->text.size() + 40;
  for (const auto& c : view.conflicts) bytes[3] += 60 * c.figures.size();
  std::array<std::size_t, 4> order = {0, 1, 2, 3};
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return bytes[a] > bytes[b]; });
  return order;
}

void finish_page(Page& page, std::size_t index, const Geometry& g, const Measure& measure,
                 double size, const PageDone& page_done) {
  Flow::add_folio(page, index, g, measure, size);
  if (page_done) page_done(page, index);
}

// A file's identity for a cache key: its path, size and modification time.
std::string file_identity(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto time = std::filesystem::last_write_time(path, ec);
  return path + ':' + std::to_string(ec ? 0 : size) + ':' +
         std::to_string(ec ? 0 : time.time_since_epoch().count()) + '\x1f';
}

// The sources' drawn pages kept between builds (section_cache.h), when the writer keeps
// rendered pieces: found before a source would be laid out, kept once its pages are drawn.
class KeptSections {
 public:
  // Sections [0, parts) are the reference parts before the sources, the others the sources.
  KeptSections(const model::Briefing& briefing, const EmitOptions& options,
               const BriefingView& view, std::size_t parts)
      : briefing_(briefing), options_(options), view_(view), parts_(parts) {
    if (!on()) return;
    // Besides the source: the page and the fonts, the hyphenation patterns (PDF layout is
    // the one writer that reads files of the system's) and the running head's title.
    const PdfOptions& pdf = options.pdf;
    context_ = "pdf pages\x1f" + pdf.paper + '\x1f' + pdf.font + '\x1f';
    for (const double v :
         {pdf.font_size, pdf.margin_top, pdf.margin_bottom, pdf.margin_left, pdf.margin_right}) {
      context_ += std::to_string(v) + '\x1f';
    }
    for (std::size_t f = 0; f < kFaceCount; ++f) {
      context_ += file_identity(font_file(pdf.font, static_cast<Face>(f)).value_or("-"));
    }
    context_ += file_identity(hyphenation_patterns()) + briefing.title;
  }

  bool on() const { return options_.pieces != nullptr; }
  PieceKind kind(std::size_t i) const { return i < parts_ ? PieceKind::Part : PieceKind::Chapter; }

  // Section `i`'s pages as an earlier build drew them, their glyphs marked through `measure`.
  std::optional<CachedSection> find(std::size_t i, const Measure& measure, double size) const {
    auto piece = options_.pieces->find(key(i), kind(i));
    if (!piece) return std::nullopt;
    auto section = unpack_section(*piece);
    if (!section) return std::nullopt;
    for (std::size_t f = 0; f < kFaceCount; ++f) {
      if (section->glyphs[f].empty()) continue;
      std::string text;
      for (const char32_t c : section->glyphs[f]) text += model::utf8::encode(c);
      measure(static_cast<Face>(f), size, text);
    }
    return section;
  }

  // Keeps section `i`'s drawn pages, unless one has an image (drawn later, by the writer).
  void keep(std::size_t i, std::size_t first_page, const PagedDocument& section,
            const GlyphSet& glyphs) const {
    for (const Page& page : section.pages) {
      if (!page.images.empty() || page.content.empty()) return;
    }
    options_.pieces->store(key(i),
                           pack_section(first_page, section.pages, section.anchors, glyphs));
  }

 private:
  model::Digest key(std::size_t i) const {
    if (i < parts_) return part_key(options_, view_, static_cast<ReferencePart>(i), context_);
    return chapter_key(options_, briefing_, i - parts_, &view_, context_ + "source");
  }

  const model::Briefing& briefing_;
  const EmitOptions& options_;
  const BriefingView& view_;
  std::size_t parts_;
  std::string context_;
};

}  // namespace

PagedDocument lay_out(const model::Briefing& briefing, const EmitOptions& options,
                      const Measure& measure, const PageDone& page_done,
                      const PagesDone& pages_done) {
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
  std::optional<BriefingView> made_view;
  const BriefingView& view = view_for(briefing, options.view, made_view);
  const Words& words = options.words;
  // The reference parts and each source start a page of their own, so they are laid out on
  // their own, in parallel, and then appended in order with their anchors moved to the pages
  // they land on. (The index comes after: it shows the pages the others landed on.)
  using Part = void (*)(Flow&, const BriefingView&, const Words&, double);
  constexpr Part kParts[] = {lay_out_people, lay_out_quotes, lay_out_timeline, lay_out_figures};
  constexpr std::size_t kPartCount = std::size(kParts);
  std::vector<PagedDocument> sections(kPartCount + briefing.sources.size());
  SectionNumbers numbers(sections, front_pages);
  const KeptSections kept(briefing, options, view, kPartCount);
  // A section's pages kept by an earlier build: the first page their folios show.
  std::vector<std::optional<std::size_t>> kept_first(sections.size());
  // The glyphs each section's layout measures, to keep with its pages.
  std::vector<GlyphRecorder> glyphs(kept.on() ? sections.size() : 0);
  std::atomic<bool> kept_count_differs = false;
  const auto lay_out_section = [&](std::size_t i, PagedDocument& into) {
    const Measure recording = [&](Face face, double at, std::string_view text) {
      glyphs[i].add(face, text);
      return measure(face, at, text);
    };
    Flow section(into, g, kept.on() ? recording : measure, size);
    if (i < kPartCount) {
      kParts[i](section, view, words, size);
    } else {
      lay_out_source(section, briefing.sources[i - kPartCount], options, size, view,
                     briefing.title);
    }
  };
  // Numbers and draws section `k`'s pages, once every section before it is laid out.
  const auto finish_section = [&](std::size_t k) {
    const std::size_t first = numbers.first_page(k);
    const auto done = [&] {
      if (pages_done) pages_done(sections[k].pages);
    };
    if (kept_first[k]) {
      if (*kept_first[k] == first) return done();  // drawn where it lands again
      // It lands elsewhere now: laid out again to show its new page numbers.
      options.pieces->reject(kept.kind(k));
      PagedDocument again;
      lay_out_section(k, again);
      if (again.pages.size() != sections[k].pages.size()) {
        kept_count_differs = true;
        return;
      }
      sections[k] = std::move(again);
    }
    for (std::size_t p = 0; p < sections[k].pages.size(); ++p) {
      finish_page(sections[k].pages[p], first + p, g, measure, size, page_done);
    }
    if (kept.on()) {
      for (std::size_t p = 0; p < sections[k].pages.size(); ++p) {
        glyphs[k].add(Face::Body, std::to_string(first + p + 1));  // the folios
      }
      kept.keep(k, first, sections[k], glyphs[k].take());
    }
    done();
  };
  // The parts are laid out first, the longest first, so that the thread left with the last of
  // them holds the others up as little as possible; then the sources in order, each waiting
  // while too many pages wait for their numbers behind a part still being laid out.
  const auto order = parts_longest_first(view);
  static_assert(std::tuple_size_v<decltype(order)> == kPartCount);
  model::parallel_for(sections.size(), options.threads, [&](std::size_t n) {
    const std::size_t i = n < kPartCount ? order[n] : n;
    try {
      if (i >= kPartCount) numbers.wait_for_room(i, kMostPagesWaiting);
      std::optional<CachedSection> copy;
      if (kept.on()) copy = kept.find(i, measure, size);
      if (copy) {
        kept_first[i] = copy->first_page;
        sections[i].pages = std::move(copy->pages);
        for (auto& [id, anchor] : copy->anchors) {
          sections[i].anchors.emplace(std::move(id), anchor);
        }
      } else {
        lay_out_section(i, sections[i]);
      }
      // This section, and any finished before it that waited for it, now have their numbers.
      const auto [from, to] = numbers.finish(i);
      for (std::size_t k = from; k < to; ++k) finish_section(k);
    } catch (...) {
      numbers.stop();  // no thread waits for a section that will not come
      throw;
    }
  });
  if (kept_count_differs) {
    // A kept source took another number of pages when laid out again, so the pages after it
    // were numbered wrongly: never expected (its key holds everything its layout reads), and
    // mended by laying the whole briefing out afresh.
    EmitOptions afresh = options;
    afresh.pieces = nullptr;
    return lay_out(briefing, afresh, measure, page_done, pages_done);
  }
  std::size_t anchors = doc.anchors.size();
  for (const auto& section : sections) anchors += section.anchors.size();
  doc.anchors.reserve(anchors + view.index.size());
  for (auto& section : sections) {
    const int offset = static_cast<int>(doc.pages.size());
    for (auto& [id, anchor] : section.anchors) {
      doc.anchors[id] = {anchor.page + offset, anchor.y};
    }
    std::move(section.pages.begin(), section.pages.end(), std::back_inserter(doc.pages));
  }
  sections.clear();
  // The index's pages are numbered where they are made, so they are finished (folio, drawn)
  // a batch at a time while the index goes on, rather than all after it: the runs and text
  // of a 10,000-article index's pages took 130 MB.
  constexpr std::size_t kIndexBatch = 64;
  std::size_t index_finished = doc.pages.size();
  const auto finish_index_pages = [&] {
    const std::size_t from = index_finished;
    model::parallel_for(doc.pages.size() - from, options.threads, [&](std::size_t k) {
      finish_page(doc.pages[from + k], from + k, g, measure, size, page_done);
    });
    if (pages_done) pages_done(std::span(doc.pages).subspan(from));
    index_finished = doc.pages.size();
  };
  flow.on_page_full([&] {
    if (doc.pages.size() - index_finished >= kIndexBatch) finish_index_pages();
  });
  lay_out_index(flow, view, words, size, doc.anchors, options.threads);
  flow.on_page_full({});
  PagedDocument front;
  Flow front_flow(front, g, measure, size);
  lay_out_cover(front_flow, briefing, options, size);
  lay_out_contents(front_flow, briefing, options, size, doc.anchors);
  for (std::size_t i = 0; i < front_pages && i < front.pages.size(); ++i) {
    doc.pages[i] = std::move(front.pages[i]);
  }
  // The front matter and the index, the pages numbered last.
  std::vector<std::size_t> last;
  for (std::size_t i = 0; i < front_pages; ++i) last.push_back(i);
  for (std::size_t i = index_finished; i < doc.pages.size(); ++i) last.push_back(i);
  model::parallel_for(last.size(), options.threads, [&](std::size_t k) {
    finish_page(doc.pages[last[k]], last[k], g, measure, size, page_done);
  });
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
