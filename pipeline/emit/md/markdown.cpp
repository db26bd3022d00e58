// briefing.md: CommonMark built as a cmark-gfm node tree and rendered by cmark-gfm, so every
// character that could be read as syntax is escaped by the library that will read it back.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>

#include "emit/briefing_view.h"
#include "emit/emit.h"
#include "emit/end_note.h"
#include "emit/inline_spans.h"
#include "emit/piece_cache.h"
#include "model/cmark_extensions.h"

namespace dossier::emit {

namespace {

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};

// The document written a piece at a time, each piece's tree freed once rendered, so the
// briefing is never one tree or one rendered string in memory. Pieces are cut only before a
// heading, so they join with the blank line that rendering them as one would put there.
class Pieces {
 public:
  explicit Pieces(std::ostream& out) : out_(out), doc_(cmark_node_new(CMARK_NODE_DOCUMENT)) {}
  cmark_node* doc() const { return doc_.get(); }
  // Renders and writes what was added since the last cut.
  void cut() {
    if (!cmark_node_first_child(doc_.get())) return;
    write(render());
  }
  // Renders what was added since the last cut, to be written (a piece may be kept to write
  // again in a later build).
  std::string render() {
    char* rendered = cmark_render_commonmark(doc_.get(), CMARK_OPT_DEFAULT, 0);
    std::string text(rendered);
    free(rendered);
    doc_.reset(cmark_node_new(CMARK_NODE_DOCUMENT));
    return text;
  }
  // Writes a rendered piece.
  void write(std::string_view rendered) {
    if (written_) out_ << '\n';
    out_ << rendered;
    written_ = true;
  }
  // A cut, then the document the next piece goes into.
  cmark_node* next() {
    cut();
    return doc();
  }

 private:
  std::ostream& out_;
  std::unique_ptr<cmark_node, NodeDeleter> doc_;
  bool written_ = false;
};

cmark_node* text_node(const std::string& text) {
  cmark_node* node = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(node, text.c_str());
  return node;
}

cmark_node* append(cmark_node* parent, cmark_node* child) {
  cmark_node_append_child(parent, child);
  return child;
}

cmark_node* heading(cmark_node* doc, int level, const std::string& text) {
  cmark_node* h = append(doc, cmark_node_new(CMARK_NODE_HEADING));
  cmark_node_set_heading_level(h, level);
  append(h, text_node(text));
  return h;
}

cmark_node* paragraph(cmark_node* parent, const std::string& text) {
  cmark_node* p = append(parent, cmark_node_new(CMARK_NODE_PARAGRAPH));
  append(p, text_node(text));
  return p;
}

cmark_node* bullet_list(cmark_node* parent) {
  cmark_node* list = append(parent, cmark_node_new(CMARK_NODE_LIST));
  cmark_node_set_list_type(list, CMARK_BULLET_LIST);
  cmark_node_set_list_tight(list, 1);
  return list;
}

void bullet(cmark_node* list, const std::string& text) {
  paragraph(append(list, cmark_node_new(CMARK_NODE_ITEM)), text);
}

void emphasized_paragraph(cmark_node* parent, const std::string& text) {
  cmark_node* p = append(parent, cmark_node_new(CMARK_NODE_PARAGRAPH));
  append(append(p, cmark_node_new(CMARK_NODE_EMPH)), text_node(text));
}

// Text, a hard line break ('\n') as a line break node.
void append_text(cmark_node* parent, const std::string& text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    const std::string part = text.substr(start, newline - start);
    if (!part.empty()) append(parent, text_node(part));
    if (newline == std::string::npos) break;
    append(parent, cmark_node_new(CMARK_NODE_LINEBREAK));
    start = newline + 1;
  }
}

// Notes are numbered per source, and labels must be unique in the one file: "S2-1".
std::string note_label(const std::string& source_id, const std::string& number) {
  return source_id + "-" + number;
}

// Written as it stands: the writer escapes text nodes, and "[^1]" must stay syntax.
cmark_node* raw(const std::string& markdown) {
  cmark_node* node = cmark_node_new(CMARK_NODE_HTML_INLINE);
  cmark_node_set_literal(node, markdown.c_str());
  return node;
}

// The extensions' node types are variables set when the extensions register
// (write_markdown registers them first).
cmark_node* extension_node(cmark_node_type type, const char* extension) {
  return cmark_node_new_with_ext(type, cmark_find_syntax_extension(extension));
}

// Inline nodes for a block's text: emphasis, strong, code, links, strikethrough (GFM's
// extension) and footnote references.
void append_spans(cmark_node* parent, const InlineText& inline_text,
                  const std::vector<const model::Span*>& spans, int from, int to,
                  const std::string& source_id) {
  inline_text.walk(
      spans, from, to, [&](const std::string& text) { append_text(parent, text); },
      [&](const model::Span& span, const std::vector<const model::Span*>& inner) {
        cmark_node* node = parent;
        switch (span.kind) {
          case model::SpanKind::Code: {
            cmark_node* code = append(parent, cmark_node_new(CMARK_NODE_CODE));
            cmark_node_set_literal(code, inline_text.slice(span.start, span.end).c_str());
            return;
          }
          case model::SpanKind::FootnoteRef:
            append(parent, raw("[^" + note_label(source_id, span.href) + "]"));
            return;
          case model::SpanKind::Emphasis:
            node = append(parent, cmark_node_new(CMARK_NODE_EMPH));
            break;
          case model::SpanKind::Strong:
            node = append(parent, cmark_node_new(CMARK_NODE_STRONG));
            break;
          case model::SpanKind::Strikethrough:
            node = append(parent, extension_node(CMARK_NODE_STRIKETHROUGH, "strikethrough"));
            break;
          case model::SpanKind::Link:
            node = append(parent, cmark_node_new(CMARK_NODE_LINK));
            cmark_node_set_url(node, span.href.c_str());
            break;
        }
        append_spans(node, inline_text, inner, span.start, span.end, source_id);
      });
}

// A paragraph or heading's inline content.
void append_inline(cmark_node* parent, const model::Block& block) {
  if (block.spans.empty()) {
    append_text(parent, block.text);
    return;
  }
  const InlineText inline_text(block);
  append_spans(parent, inline_text, inline_text.spans(), 0, inline_text.length(),
               block.id.substr(0, block.id.find('-')));
}

// A GFM table: the first row the header, each column's alignment kept.
void append_table(cmark_node* parent, const model::Block& block) {
  cmark_node* table = append(parent, extension_node(CMARK_NODE_TABLE, "table"));
  std::size_t columns = block.align.size();
  for (const auto& row : block.children) columns = std::max(columns, row.children.size());
  std::vector<uint8_t> align(columns, 0);
  for (std::size_t k = 0; k < block.align.size(); ++k) {
    if (block.align[k] != ' ') align[k] = static_cast<uint8_t>(block.align[k]);
  }
  cmark_gfm_extensions_set_table_columns(table, static_cast<uint16_t>(columns));
  cmark_gfm_extensions_set_table_alignments(table, static_cast<uint16_t>(columns), align.data());
  bool header = true;
  for (const auto& row : block.children) {
    cmark_node* tr = append(table, extension_node(CMARK_NODE_TABLE_ROW, "table"));
    if (header) cmark_gfm_extensions_set_table_row_is_header(tr, 1);
    header = false;
    for (const auto& cell : row.children) {
      // Not made with the extension's allocator: in this cmark-gfm (0.29.0.gfm.6) a cell made
      // that way leaks its data when freed; the writer needs none of it.
      cmark_node* td = append(tr, cmark_node_new(CMARK_NODE_TABLE_CELL));
      cmark_node_set_syntax_extension(td, cmark_find_syntax_extension("table"));
      append_inline(td, cell);
    }
  }
}

void append_block(cmark_node* doc, const model::Block& block);

void append_children(cmark_node* parent, const std::vector<model::Block>& children) {
  for (const auto& c : children) append_block(parent, c);
}

void append_block(cmark_node* doc, const model::Block& block) {
  switch (block.kind) {
    case model::BlockKind::Heading: {
      // Chapters are level 2, so a source's own headings start at 3.
      cmark_node* h = append(doc, cmark_node_new(CMARK_NODE_HEADING));
      cmark_node_set_heading_level(h, std::min(6, block.level + 1));
      append_inline(h, block);
      break;
    }
    case model::BlockKind::Caption:
      emphasized_paragraph(doc, block.text);
      break;
    case model::BlockKind::Image: {
      cmark_node* image = append(append(doc, cmark_node_new(CMARK_NODE_PARAGRAPH)),
                                 cmark_node_new(CMARK_NODE_IMAGE));
      cmark_node_set_url(image, block.src.c_str());
      cmark_node* alt = append(image, cmark_node_new(CMARK_NODE_TEXT));
      cmark_node_set_literal(alt, block.text.c_str());
      break;
    }
    case model::BlockKind::Blockquote: {
      cmark_node* quote = append(doc, cmark_node_new(CMARK_NODE_BLOCK_QUOTE));
      if (block.children.empty()) paragraph(quote, block.text);
      append_children(quote, block.children);
      break;
    }
    case model::BlockKind::List: {
      cmark_node* list = append(doc, cmark_node_new(CMARK_NODE_LIST));
      cmark_node_set_list_type(list, block.level == 1 ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST);
      if (block.level == 1) cmark_node_set_list_start(list, block.start);
      cmark_node_set_list_tight(list, block.loose ? 0 : 1);
      for (const auto& item : block.children) {
        cmark_node* li = append(list, cmark_node_new(CMARK_NODE_ITEM));
        append_children(li, item.children);
        // A task item: GFM's tasklist extension writes its "[x]" or "[ ]".
        if (item.checked) {
          if (cmark_syntax_extension* tasks = cmark_find_syntax_extension("tasklist")) {
            cmark_node_set_syntax_extension(li, tasks);
            cmark_gfm_extensions_set_tasklist_item_checked(li, *item.checked);
          }
        }
      }
      break;
    }
    case model::BlockKind::Code: {
      cmark_node* code = append(doc, cmark_node_new(CMARK_NODE_CODE_BLOCK));
      cmark_node_set_literal(code, (block.text + "\n").c_str());
      cmark_node_set_fence_info(code, "");
      break;
    }
    case model::BlockKind::ThematicBreak:
      append(doc, cmark_node_new(CMARK_NODE_THEMATIC_BREAK));
      break;
    case model::BlockKind::Table:
      append_table(doc, block);
      break;
    case model::BlockKind::Footnote: {
      // "[^1]: …" read back as the note; a note of several blocks keeps their text as lines.
      cmark_node* p = append(doc, cmark_node_new(CMARK_NODE_PARAGRAPH));
      append(p,
             raw("[^" +
                 note_label(block.id.substr(0, block.id.find('-')), std::to_string(block.start)) +
                 "]: "));
      if (block.children.empty()) append_inline(p, block);
      for (std::size_t k = 0; k < block.children.size(); ++k) {
        if (k > 0) append(p, cmark_node_new(CMARK_NODE_LINEBREAK));
        append_inline(p, block.children[k]);
      }
      break;
    }
    default:
      append_inline(append(doc, cmark_node_new(CMARK_NODE_PARAGRAPH)), block);
      break;
  }
}

void append_metadata(cmark_node* doc, const model::Source& source, const Words& words) {
  const model::SourceMeta& m = source.meta;
  cmark_node* list = bullet_list(doc);
  const auto field = [&](const char* key, const std::optional<std::string>& value) {
    if (value) bullet(list, words[key] + ": " + *value);
  };
  if (!m.authors.empty()) {
    std::string names;
    for (const auto& a : m.authors) names += (names.empty() ? "" : ", ") + a;
    bullet(list, words["authors"] + ": " + names);
  }
  field("outlet", m.outlet);
  field("date", m.date);
  field("url", m.url);
  field("category", m.category);
  field("translated_from", m.translated_from);
  field("original_title", m.original_title);
  bullet(list, words["file"] + ": " + source.path);
}

void append_end_note(cmark_node* doc, const model::Source& source, const Words& words) {
  const EndNote note = end_note_for(source);
  if (note.empty()) return;
  heading(doc, 3, words["repairs"]);
  cmark_node* list = bullet_list(doc);
  for (const auto& [kind, n] : note.counts) bullet(list, kind + ": " + std::to_string(n));
  for (const model::Fix* fix : note.listed) bullet(list, describe_fix(*fix));
  for (const auto& r : *note.removals) {
    bullet(list, words["removed"] + " (" + r.rule + ", " + words["line"] + " " +
                     std::to_string(r.first_line) + "): " + r.text);
  }
}

std::string refs_text(const std::vector<ParagraphRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : ", ") + r.label();
  return out;
}

// The reference parts as plain sections: Markdown has no portable anchors, so references are
// written as "S2 ¶7", the numbers printed beside each paragraph.
void append_parts_before(Pieces& pieces, const BriefingView& view, const Words& words) {
  cmark_node* doc = pieces.next();
  heading(doc, 2, words["key_people"]);
  if (view.key_entities.empty()) paragraph(doc, words["none_found"]);
  cmark_node* people = view.key_entities.empty() ? nullptr : bullet_list(doc);
  for (const EntityEntry* e : view.key_entities) {
    std::string line = e->entity->name;
    for (const auto& r : e->entity->roles) line += "; " + r;
    bullet(people, line + " — " + refs_text(e->paragraphs));
  }
  doc = pieces.next();
  heading(doc, 2, words["quotes_by_speaker"]);
  if (view.quotes.empty()) paragraph(doc, words["none_found"]);
  for (const auto& group : view.quotes) {
    doc = pieces.next();
    heading(doc, 3, group.speaker ? group.speaker->name : words["unattributed"]);
    for (const model::Quote* q : group.quotes) {
      std::vector<ParagraphRef> refs;
      for (const auto& b : q->blocks) refs.push_back(paragraph_ref(b));
      cmark_node* quote = append(doc, cmark_node_new(CMARK_NODE_BLOCK_QUOTE));
      paragraph(quote, "“" + q->text + "” (" + refs_text(refs) + ")");
    }
  }
  doc = pieces.next();
  heading(doc, 2, words["timeline"]);
  if (view.timeline.empty()) paragraph(doc, words["none_found"]);
  cmark_node* timeline = view.timeline.empty() ? nullptr : bullet_list(doc);
  for (const auto& t : view.timeline) {
    bullet(timeline, *t.date->iso + " " + t.date->text + " — " + t.at.label());
  }
  doc = pieces.next();
  heading(doc, 2, words["figures_and_conflicts"]);
  if (!view.conflicts.empty()) {
    heading(doc, 3, words["conflicts"]);
    cmark_node* list = bullet_list(doc);
    for (const auto& c : view.conflicts) {
      std::string line = c.conflict->about + ":";
      bool first = true;
      for (const model::Figure* f : c.figures) {
        line += (first ? " " : " " + words["versus"] + " ") + f->text + " (" +
                paragraph_ref(f->block).label() + ")";
        first = false;
      }
      bullet(list, line);
    }
  }
  if (view.figures.empty()) paragraph(doc, words["none_found"]);
  cmark_node* figures = view.figures.empty() ? nullptr : bullet_list(doc);
  for (const model::Figure* f : view.figures) {
    bullet(figures, f->text + (f->about ? " — " + *f->about : "") + " (" +
                        paragraph_ref(f->block).label() + ")");
  }
}

void append_index(cmark_node* doc, const BriefingView& view, const Words& words) {
  heading(doc, 2, words["index"]);
  if (view.index.empty()) paragraph(doc, words["none_found"]);
  cmark_node* list = view.index.empty() ? nullptr : bullet_list(doc);
  for (const auto& e : view.index) bullet(list, e.entity->name + ": " + refs_text(e.paragraphs));
}

// A source's chapter: its heading, metadata, text and end note.
void append_chapter(cmark_node* doc, const model::Source& source, const Words& words) {
  heading(doc, 2, source.id + ". " + model::display_title(source));
  if (source.status == model::SourceStatus::Failed) {
    paragraph(doc, words["source_failed"]);
    return;
  }
  if (source.meta.subtitle) emphasized_paragraph(doc, *source.meta.subtitle);
  append_metadata(doc, source, words);
  for (const auto& block : source.blocks) append_block(doc, block);
  append_end_note(doc, source, words);
}

}  // namespace

model::Result<bool> write_markdown(const model::Briefing& briefing, const EmitOptions& options,
                                   std::ostream& out) {
  const Words& words = options.words;
  model::register_cmark_extensions();  // before any table or strikethrough type is read
  Pieces pieces(out);
  cmark_node* doc = pieces.doc();
  heading(doc, 1, briefing.title);
  if (briefing.subtitle) emphasized_paragraph(doc, *briefing.subtitle);
  paragraph(doc, briefing.date + (briefing.author ? " · " + *briefing.author : ""));

  heading(doc, 2, words["sources"]);
  cmark_node* list = bullet_list(doc);
  for (const auto& s : briefing.sources) {
    std::string entry = s.id + ": " + model::display_title(s);
    if (s.status == model::SourceStatus::Failed) entry += " (" + words["failed"] + ")";
    bullet(list, entry);
  }
  std::optional<BriefingView> made_view;
  const BriefingView& view = view_for(briefing, options.view, made_view);
  append_parts_before(pieces, view, words);
  for (std::size_t i = 0; i < briefing.sources.size(); ++i) {
    // A chapter an earlier build rendered is copied (see piece_cache.h).
    std::optional<model::Digest> key;
    if (options.pieces) {
      key = chapter_key(options, briefing, i, nullptr, "md chapter");
      if (const auto piece = options.pieces->find(*key)) {
        pieces.cut();
        pieces.write(*piece);
        continue;
      }
    }
    doc = pieces.next();
    append_chapter(doc, briefing.sources[i], words);
    if (key) {
      const std::string piece = pieces.render();
      options.pieces->store(*key, piece);
      pieces.write(piece);
    }
  }
  append_index(pieces.next(), view, words);
  pieces.cut();
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
