#include "structure/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "model/cmark_extensions.h"
#include "model/utf8.h"
#include "structure/markup_record.h"

namespace dossier::structure {

namespace {

using model::Block;
using model::BlockKind;

// Block quotes and lists nest, and so do emphasis and links; the model keeps this many levels
// of each. Deeper content is kept as plain text at the last level (nothing is lost, and no
// later stage recurses without bound: 100,000 nested "> " once overflowed the stack).
constexpr int kMaxBlockDepth = 32;
constexpr int kMaxInlineDepth = 32;

struct Reader {
  model::Source& source;
  std::size_t first;  // index of the first Markdown line in source.lines
  int block_depth = 0;
  int inline_depth = 0;
  int footnotes = 0;  // definitions met so far: cmark-gfm puts them in their numbers' order
  std::optional<model::Position> flattened;     // where content was first flattened
  std::optional<model::Position> inline_image;  // where an image inside text was first met
  // What the node being converted holds, in source order, for the markup record; views of
  // cmark's strings, which live as long as the document.
  std::vector<Piece> pieces;

  void emit(const char* text, bool syntax = false) {
    if (text && *text) pieces.push_back({text, syntax});
  }

  // The lines of the top-level node being converted (indexes into source.lines). A node's
  // own position is taken only inside them: cmark-gfm gives none to a paragraph the table
  // extension split off, and positions relative to that missing one to what is inside it.
  std::size_t top_first = 0;
  std::size_t top_last = 0;

  std::size_t line_index(int line, std::size_t fallback) const {
    if (line <= 0) return fallback;
    const std::size_t k = first + static_cast<std::size_t>(line - 1);
    return k < top_first || k > top_last ? fallback : k;
  }
  model::Position origin_of(cmark_node* node) const {
    const std::size_t k = line_index(cmark_node_get_start_line(node), top_first);
    return k < source.lines.size() ? source.lines[k].origin : model::Position{};
  }
  int last_line_of(cmark_node* node) const {
    const std::size_t k = line_index(cmark_node_get_end_line(node), top_last);
    return k < source.lines.size() ? source.lines[k].last_line : 0;
  }

  void remove_html(cmark_node* node) {
    const char* literal = cmark_node_get_literal(node);
    std::string text = literal ? literal : "";
    while (!text.empty() && text.back() == '\n') text.pop_back();
    source.removals.push_back({origin_of(node).line, last_line_of(node), text, "raw-html"});
    emit(literal);
  }

  // Appends what a text, break or raw-HTML node contributes (HTML is removed and recorded);
  // false for any other node.
  bool append_leaf(cmark_node* node, std::string& out) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_TEXT:
        out += cmark_node_get_literal(node);
        emit(cmark_node_get_literal(node));
        return true;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        return true;
      case CMARK_NODE_LINEBREAK:  // kept: an author's hard break is part of the text's shape
        out += '\n';
        return true;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_HTML_BLOCK:
        remove_html(node);
        return true;
      default:
        return false;
    }
  }

  // All the text under `node`, blocks separated by line breaks, walked with cmark's iterator
  // rather than by recursion; raw HTML is removed and recorded as everywhere else.
  std::string flat_text(cmark_node* node) {
    if (!flattened) flattened = origin_of(node);
    std::string out;
    cmark_iter* it = cmark_iter_new(node);
    for (auto event = cmark_iter_next(it); event != CMARK_EVENT_DONE; event = cmark_iter_next(it)) {
      cmark_node* n = cmark_iter_get_node(it);
      const cmark_node_type type = cmark_node_get_type(n);
      if (event == CMARK_EVENT_EXIT) {
        const bool block = (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
        if (n != node && block && !out.empty() && out.back() != '\n') {
          out += '\n';
        }
        continue;
      }
      if (type == CMARK_NODE_CODE || type == CMARK_NODE_CODE_BLOCK) {
        out += cmark_node_get_literal(n);
        emit(cmark_node_get_literal(n));
      } else {
        append_leaf(n, out);
      }
    }
    cmark_iter_free(it);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  // Inline content as plain text, with its formatting as spans (offsets in code points);
  // inline HTML is removed and recorded.
  void inline_text(cmark_node* node, std::string& out, std::vector<model::Span>* spans) {
    if (inline_depth >= kMaxInlineDepth) {
      out += flat_text(node);
      return;
    }
    ++inline_depth;
    inline_text_within(node, out, spans);
    --inline_depth;
  }

  void inline_text_within(cmark_node* node, std::string& out, std::vector<model::Span>* spans) {
    const auto span = [&](model::SpanKind kind, cmark_node* c, std::string href = {}) {
      const int start = static_cast<int>(model::utf8::length(out));
      if (kind == model::SpanKind::Code) {
        out += cmark_node_get_literal(c);
        emit(cmark_node_get_literal(c));
      } else {
        inline_text(c, out, spans);
      }
      const int end = static_cast<int>(model::utf8::length(out));
      if (spans && end > start) spans->push_back({kind, start, end, std::move(href)});
    };
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      if (append_leaf(c, out)) continue;
      const char* type = cmark_node_get_type_string(c);
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_CODE:
          span(model::SpanKind::Code, c);
          break;
        case CMARK_NODE_EMPH:
          span(model::SpanKind::Emphasis, c);
          break;
        case CMARK_NODE_STRONG:
          span(model::SpanKind::Strong, c);
          break;
        case CMARK_NODE_LINK: {
          const char* url = cmark_node_get_url(c);
          span(model::SpanKind::Link, c, url ? url : "");
          emit(url, true);
          break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE:
          // A point in the text; cmark-gfm gives the note's number as the literal, and the
          // whole "[^label]" is syntax.
          if (spans) {
            const int at = static_cast<int>(model::utf8::length(out));
            spans->push_back({model::SpanKind::FootnoteRef, at, at, cmark_node_get_literal(c)});
          }
          break;
        case CMARK_NODE_IMAGE:
          // Only an image on a paragraph of its own becomes a figure (convert, below).
          if (!inline_image) inline_image = origin_of(node);
          inline_text(c, out, spans);
          emit(cmark_node_get_url(c), true);
          break;
        default:
          if (type && std::strcmp(type, "strikethrough") == 0) {
            span(model::SpanKind::Strikethrough, c);
          } else {
            inline_text(c, out, spans);
          }
          break;
      }
    }
  }

  std::string plain_text(cmark_node* node) {
    std::string out;
    inline_text(node, out, nullptr);
    return out;
  }

  // A block of inline content: its text and spans.
  Block inline_block(BlockKind kind, cmark_node* node, int level = 0) {
    std::string text;
    std::vector<model::Span> spans;
    inline_text(node, text, &spans);
    Block b = make(kind, node, std::move(text), level);
    b.spans = std::move(spans);
    return b;
  }

  Block make(BlockKind kind, cmark_node* node, std::string text, int level = 0) const {
    Block b;
    b.kind = kind;
    b.level = level;
    b.text = std::move(text);
    b.origin = origin_of(node);
    b.last_line = last_line_of(node);
    return b;
  }

  // Child blocks of a container (block quote, list item); past kMaxBlockDepth, one paragraph
  // of their text.
  std::vector<Block> children(cmark_node* node) {
    std::vector<Block> out;
    if (block_depth >= kMaxBlockDepth) {
      if (cmark_node_first_child(node)) {
        Block flat = make(BlockKind::Paragraph, node, flat_text(node));
        if (!flat.text.empty()) out.push_back(std::move(flat));
      }
      return out;
    }
    ++block_depth;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      if (auto b = convert(c)) out.push_back(std::move(*b));
    }
    --block_depth;
    return out;
  }

  // The image that is a paragraph's only content (a figure), or null.
  static cmark_node* lone_image(cmark_node* paragraph) {
    cmark_node* first = cmark_node_first_child(paragraph);
    if (!first || cmark_node_get_type(first) != CMARK_NODE_IMAGE) return nullptr;
    return cmark_node_next(first) ? nullptr : first;
  }

  static std::string joined_text(const std::vector<Block>& blocks) {
    std::string out;
    for (const auto& b : blocks) out += (out.empty() ? "" : "\n") + b.text;
    return out;
  }

  std::optional<Block> convert(cmark_node* node) {
    const char* type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        return inline_block(BlockKind::Heading, node, cmark_node_get_heading_level(node));
      case CMARK_NODE_PARAGRAPH:
        if (cmark_node* image = lone_image(node)) {
          Block b = make(BlockKind::Image, node, plain_text(image));
          const char* url = cmark_node_get_url(image);
          b.src = url ? url : "";
          emit(url, true);
          return b;
        }
        return inline_block(BlockKind::Paragraph, node);
      case CMARK_NODE_BLOCK_QUOTE: {
        auto kids = children(node);
        Block b = make(BlockKind::Blockquote, node, joined_text(kids));
        b.children = std::move(kids);
        return b;
      }
      case CMARK_NODE_LIST: {
        Block b = make(BlockKind::List, node, "");
        b.level = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? 1 : 0;  // 1: numbered
        if (b.level == 1) b.start = cmark_node_get_list_start(node);
        b.loose = !cmark_node_get_list_tight(node);
        for (cmark_node* item = cmark_node_first_child(node); item; item = cmark_node_next(item)) {
          auto kids = children(item);
          Block li = make(BlockKind::ListItem, item, joined_text(kids));
          li.children = std::move(kids);
          const char* item_type = cmark_node_get_type_string(item);
          if (item_type && std::strcmp(item_type, "tasklist") == 0) {
            li.checked = cmark_gfm_extensions_get_tasklist_item_checked(item);
          }
          b.children.push_back(std::move(li));
        }
        b.text = joined_text(b.children);
        return b;
      }
      case CMARK_NODE_CODE_BLOCK: {
        std::string code = cmark_node_get_literal(node);
        emit(cmark_node_get_literal(node));
        while (!code.empty() && code.back() == '\n') code.pop_back();
        return make(BlockKind::Code, node, code);
      }
      case CMARK_NODE_THEMATIC_BREAK:
        return make(BlockKind::ThematicBreak, node, "");
      case CMARK_NODE_HTML_BLOCK:
        remove_html(node);
        return std::nullopt;
      case CMARK_NODE_FOOTNOTE_DEFINITION: {
        // A note of one paragraph is that paragraph (its spans kept); a longer one holds its
        // blocks as children.
        auto kids = children(node);
        Block b = make(BlockKind::Footnote, node, joined_text(kids));
        b.start = ++footnotes;
        if (kids.size() == 1 && kids[0].kind == BlockKind::Paragraph) {
          b.spans = std::move(kids[0].spans);
        } else {
          b.children = std::move(kids);
        }
        return b;
      }
      default:
        break;
    }
    if (type && std::strcmp(type, "table") == 0) {
      Block table = make(BlockKind::Table, node, "");
      const uint16_t columns = cmark_gfm_extensions_get_table_columns(node);
      const uint8_t* align = cmark_gfm_extensions_get_table_alignments(node);
      for (uint16_t k = 0; k < columns; ++k) {
        const char a = align ? static_cast<char>(align[k]) : 0;
        table.align += a == 'l' || a == 'c' || a == 'r' ? a : ' ';
      }
      // A row's text is its cells' joined by " | ", so the table's text reads as a grid; the
      // ledger counts the cells, and the source's "|" is syntax.
      for (cmark_node* row = cmark_node_first_child(node); row; row = cmark_node_next(row)) {
        Block r = make(BlockKind::TableRow, row, "");
        for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
          r.children.push_back(inline_block(BlockKind::TableCell, cell));
        }
        for (std::size_t k = 0; k < r.children.size(); ++k) {
          r.text += (k == 0 ? "" : " | ") + r.children[k].text;
        }
        table.children.push_back(std::move(r));
      }
      table.text = joined_text(table.children);
      return table;
    }
    return std::nullopt;
  }
};

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// Indexes into source.lines, inclusive.
struct LineRange {
  std::size_t first = 0;
  std::size_t last = 0;
  bool operator==(const LineRange&) const = default;
};

// The lines of each top-level node, in document order. cmark-gfm's positions need two
// repairs: a setext heading can end on the next block's first line (a range stops before the
// next node's), and a paragraph that a table split off has no position at all (it shares the
// table's lines, which cover both; failing a next node, the previous one's).
std::vector<LineRange> top_level_ranges(cmark_node* doc, std::size_t first, std::size_t lines) {
  const auto index = [&](int line) {
    return std::min(first + static_cast<std::size_t>(line - 1), lines - 1);
  };
  std::vector<LineRange> ranges;
  std::vector<bool> known;
  for (cmark_node* node = cmark_node_first_child(doc); node; node = cmark_node_next(node)) {
    const int start_line = cmark_node_get_start_line(node);
    known.push_back(start_line > 0);
    if (start_line <= 0) {
      ranges.push_back({});
      continue;
    }
    const std::size_t start = index(start_line);
    const int end_line = cmark_node_get_end_line(node);
    ranges.push_back({start, end_line > start_line ? index(end_line) : start});
  }
  std::vector<std::size_t> by_start;
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    if (known[k]) by_start.push_back(k);
  }
  std::stable_sort(by_start.begin(), by_start.end(),
                   [&](std::size_t a, std::size_t b) { return ranges[a].first < ranges[b].first; });
  for (std::size_t k = 0; k + 1 < by_start.size(); ++k) {
    LineRange& r = ranges[by_start[k]];
    const std::size_t next = ranges[by_start[k + 1]].first;
    if (next > r.first && r.last >= next) r.last = next - 1;
  }
  for (std::size_t k = ranges.size(); k-- > 0;) {
    if (known[k]) continue;
    if (k + 1 < ranges.size()) {
      ranges[k] = ranges[k + 1];
    } else {
      std::size_t j = k;
      while (j > 0 && !known[j - 1]) --j;
      ranges[k] = j > 0 ? ranges[j - 1] : LineRange{first, lines - 1};
    }
  }
  return ranges;
}

// Records the syntax the reader consumed as markup fixes. Consecutive nodes that share lines
// (a table and the paragraph it split off) are aligned with those lines together.
class SyntaxRecorder {
 public:
  SyntaxRecorder(const std::vector<model::Line>& lines, std::size_t first)
      : lines_(lines), first_(first), covered_(lines.size(), false) {}

  void add(const LineRange& range, const std::vector<Piece>& pieces) {
    if (open_ && !(range == range_)) flush();
    range_ = range;
    open_ = true;
    pieces_.insert(pieces_.end(), pieces.begin(), pieces.end());
  }

  // The fixes in reading order, lines no node covered (link reference definitions) included.
  std::vector<model::Fix> finish() {
    flush();
    for (std::size_t k = first_; k < lines_.size();) {
      if (covered_[k]) {
        ++k;
        continue;
      }
      const std::size_t start = k;
      while (k < lines_.size() && !covered_[k]) ++k;
      record_markup(lines_, start, k - 1, {}, fixes_);
      for (std::size_t j = start; j < k; ++j) uncovered_.push_back(j);
    }
    std::stable_sort(fixes_.begin(), fixes_.end(), model::in_reading_order);
    return std::move(fixes_);
  }

  // The lines no node covered (after finish).
  const std::vector<std::size_t>& uncovered() const { return uncovered_; }

 private:
  void flush() {
    if (!open_) return;
    std::fill(covered_.begin() + static_cast<std::ptrdiff_t>(range_.first),
              covered_.begin() + static_cast<std::ptrdiff_t>(range_.last) + 1, true);
    record_markup(lines_, range_.first, range_.last, pieces_, fixes_);
    pieces_.clear();
    open_ = false;
  }

  const std::vector<model::Line>& lines_;
  std::size_t first_;
  std::vector<bool> covered_;
  LineRange range_;
  bool open_ = false;
  std::vector<Piece> pieces_;
  std::vector<model::Fix> fixes_;
  std::vector<std::size_t> uncovered_;
};

// "[^label]:" opening a line (up to three spaces in): a footnote definition.
bool opens_note(std::string_view line) {
  std::size_t k = 0;
  while (k < 3 && k < line.size() && line[k] == ' ') ++k;
  if (line.substr(k, 2) != "[^") return false;
  const std::size_t close = line.find("]:", k + 2);
  return close != std::string_view::npos && close > k + 2;
}

}  // namespace

void read_markdown(model::Source& source, std::size_t first, model::Diagnostics& diag) {
  std::string text;
  for (std::size_t k = first; k < source.lines.size(); ++k) text += source.lines[k].text + "\n";
  model::register_cmark_extensions();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8));
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  std::unique_ptr<cmark_node, NodeDeleter> doc;
  {
    const std::lock_guard parsing(model::cmark_parse_mutex());
    cmark_parser_feed(parser.get(), text.data(), text.size());
    doc.reset(cmark_parser_finish(parser.get()));
  }
  Reader reader{source, first, 0, 0, 0, std::nullopt, std::nullopt, {}};
  const std::vector<LineRange> ranges = top_level_ranges(doc.get(), first, source.lines.size());
  SyntaxRecorder syntax(source.lines, first);
  std::size_t index = 0;
  for (cmark_node* node = cmark_node_first_child(doc.get()); node; node = cmark_node_next(node)) {
    reader.pieces.clear();
    const LineRange range = ranges[index++];
    reader.top_first = range.first;
    reader.top_last = range.last;
    auto block = reader.convert(node);
    syntax.add(range, reader.pieces);
    if (!block) continue;
    // The first level-1 heading, before any other block, is the title.
    if (block->kind == BlockKind::Heading && block->level == 1 && !source.meta.title &&
        source.blocks.empty()) {
      source.meta.title = block->text;
      source.metadata_lines.push_back({block->origin.line, block->last_line, block->text, "title"});
      continue;
    }
    source.blocks.push_back(std::move(*block));
  }
  // Syntax fixes join the character fixes in reading order.
  const std::vector<model::Fix> markup = syntax.finish();
  const auto middle = static_cast<std::ptrdiff_t>(source.fixes.size());
  source.fixes.insert(source.fixes.end(), markup.begin(), markup.end());
  std::inplace_merge(source.fixes.begin(), source.fixes.begin() + middle, source.fixes.end(),
                     model::in_reading_order);
  // cmark-gfm drops a note nothing refers to; its lines are recorded as markup, and the
  // author hears of it.
  for (const std::size_t k : syntax.uncovered()) {
    const std::string& line = source.lines[k].text;
    if (!opens_note(line)) continue;
    diag.warning(model::DiagCode::UnusedNote, source.path, source.lines[k].origin.line,
                 source.lines[k].origin.col,
                 "footnote " + line.substr(0, line.find("]:") + 1) +
                     " is never referred to, so it is left out");
  }
  if (reader.inline_image) {
    diag.warning(model::DiagCode::Image, source.path, reader.inline_image->line,
                 reader.inline_image->col,
                 "an image inside a paragraph is shown as its alt text; give it a paragraph of "
                 "its own to show the image");
  }
  if (reader.flattened) {
    diag.warning(model::DiagCode::DeepNesting, source.path, reader.flattened->line,
                 reader.flattened->col,
                 "Markdown nested more than " + std::to_string(kMaxBlockDepth) +
                     " levels deep; the deeper part is kept as plain text");
  }
}

}  // namespace dossier::structure
