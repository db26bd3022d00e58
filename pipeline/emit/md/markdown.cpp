// briefing.md: CommonMark written from a tree of cmark-gfm's node kinds with the escaping
// cmark-gfm's renderer gives that tree (render_commonmark.h), so every character that could be
// read as syntax is escaped as the library that reads it back expects.
#include <algorithm>
#include <optional>
#include <string_view>

#include "emit/briefing_view.h"
#include "emit/emit.h"
#include "emit/end_note.h"
#include "emit/inline_spans.h"
#include "emit/md/commonmark_tree.h"
#include "emit/md/render_commonmark.h"
#include "emit/piece_cache.h"

namespace dossier::emit {

namespace {

using md::CommonMarkTree;
using md::NodeKind;

// A node of the piece being built.
struct At {
  CommonMarkTree* tree;
  CommonMarkTree::Id id;
};

// The document written a piece at a time, each piece's tree cleared once rendered, so the
// briefing is never one tree or one rendered string in memory. Pieces are cut only before a
// heading, so they join with the blank line that rendering them as one would put there.
class Pieces {
 public:
  explicit Pieces(std::ostream& out) : out_(out) {}
  At doc() { return {&tree_, CommonMarkTree::root()}; }
  // Renders and writes what was added since the last cut.
  void cut() {
    if (tree_.empty()) return;
    write(render());
  }
  // Renders what was added since the last cut, to be written (a piece may be kept to write
  // again in a later build).
  const std::string& render() {
    md::render_commonmark(tree_, rendered_);
    tree_.clear();
    return rendered_;
  }
  // Writes a rendered piece.
  void write(std::string_view rendered) {
    if (written_) out_ << '\n';
    out_ << rendered;
    written_ = true;
  }
  // A cut, then the document the next piece goes into.
  At next() {
    cut();
    return doc();
  }

 private:
  std::ostream& out_;
  CommonMarkTree tree_;
  std::string rendered_;
  bool written_ = false;
};

At append(At parent, NodeKind kind) {
  return {parent.tree, parent.tree->append(parent.id, kind)};
}

// A text, code, raw or code block node.
At append(At parent, NodeKind kind, std::string_view literal) {
  return {parent.tree, parent.tree->append(parent.id, kind, literal)};
}

At heading(At doc, int level, std::string_view text) {
  const At h = append(doc, NodeKind::Heading);
  h.tree->set_heading_level(h.id, level);
  append(h, NodeKind::Text, text);
  return h;
}

At paragraph(At parent, std::string_view text) {
  const At p = append(parent, NodeKind::Paragraph);
  append(p, NodeKind::Text, text);
  return p;
}

At bullet_list(At parent) {
  const At list = append(parent, NodeKind::List);
  list.tree->set_list(list.id, false, 0, true);
  return list;
}

void bullet(At list, std::string_view text) {
  paragraph(append(list, NodeKind::Item), text);
}

void emphasized_paragraph(At parent, std::string_view text) {
  append(append(append(parent, NodeKind::Paragraph), NodeKind::Emphasis), NodeKind::Text, text);
}

// Text, a hard line break ('\n') as a line break node.
void append_text(At parent, std::string_view text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    const std::string_view part = text.substr(start, newline - start);
    if (!part.empty()) append(parent, NodeKind::Text, part);
    if (newline == std::string_view::npos) break;
    append(parent, NodeKind::LineBreak);
    start = newline + 1;
  }
}

// Notes are numbered per source, and labels must be unique in the one file: "S2-1".
std::string note_label(const std::string& source_id, const std::string& number) {
  return source_id + "-" + number;
}

// Written as it stands: the writer escapes text nodes, and "[^1]" must stay syntax.
void raw(At parent, const std::string& markdown) {
  append(parent, NodeKind::RawInline, markdown);
}

// Inline nodes for a block's text: emphasis, strong, code, links, strikethrough (GFM's
// extension) and footnote references.
void append_spans(At parent, const InlineText& inline_text,
                  const std::vector<const model::Span*>& spans, int from, int to,
                  const std::string& source_id) {
  inline_text.walk(
      spans, from, to, [&](const std::string& text) { append_text(parent, text); },
      [&](const model::Span& span, const std::vector<const model::Span*>& inner) {
        At node = parent;
        switch (span.kind) {
          case model::SpanKind::Code:
            append(parent, NodeKind::Code, inline_text.slice(span.start, span.end));
            return;
          case model::SpanKind::FootnoteRef:
            raw(parent, "[^" + note_label(source_id, span.href) + "]");
            return;
          case model::SpanKind::Emphasis:
            node = append(parent, NodeKind::Emphasis);
            break;
          case model::SpanKind::Strong:
            node = append(parent, NodeKind::Strong);
            break;
          case model::SpanKind::Strikethrough:
            node = append(parent, NodeKind::Strikethrough);
            break;
          case model::SpanKind::Link:
            node = append(parent, NodeKind::Link);
            node.tree->set_url(node.id, span.href);
            break;
        }
        append_spans(node, inline_text, inner, span.start, span.end, source_id);
      });
}

// A paragraph or heading's inline content.
void append_inline(At parent, const model::Block& block) {
  if (block.spans.empty()) {
    append_text(parent, block.text);
    return;
  }
  const InlineText inline_text(block);
  append_spans(parent, inline_text, inline_text.spans(), 0, inline_text.length(),
               block.id.substr(0, block.id.find('-')));
}

// A GFM table: the first row the header, each column's alignment kept.
void append_table(At parent, const model::Block& block) {
  const At table = append(parent, NodeKind::Table);
  std::size_t columns = block.align.size();
  for (const auto& row : block.children) columns = std::max(columns, row.children.size());
  std::string align(static_cast<std::uint16_t>(columns), '\0');
  for (std::size_t k = 0; k < block.align.size() && k < align.size(); ++k) {
    if (block.align[k] != ' ') align[k] = block.align[k];
  }
  table.tree->set_table_alignments(table.id, align);
  bool header = true;
  for (const auto& row : block.children) {
    const At tr = append(table, NodeKind::TableRow);
    if (header) tr.tree->set_header_row(tr.id);
    header = false;
    for (const auto& cell : row.children) append_inline(append(tr, NodeKind::TableCell), cell);
  }
}

void append_block(At doc, const model::Block& block);

void append_children(At parent, const std::vector<model::Block>& children) {
  for (const auto& c : children) append_block(parent, c);
}

void append_block(At doc, const model::Block& block) {
  switch (block.kind) {
    case model::BlockKind::Heading: {
      // Chapters are level 2, so a source's own headings start at 3.
      const At h = append(doc, NodeKind::Heading);
      h.tree->set_heading_level(h.id, std::min(6, block.level + 1));
      append_inline(h, block);
      break;
    }
    case model::BlockKind::Caption:
      emphasized_paragraph(doc, block.text);
      break;
    case model::BlockKind::Image: {
      const At image = append(append(doc, NodeKind::Paragraph), NodeKind::Image);
      image.tree->set_url(image.id, block.src);
      append(image, NodeKind::Text, block.text);
      break;
    }
    case model::BlockKind::Blockquote: {
      const At quote = append(doc, NodeKind::BlockQuote);
      if (block.children.empty()) paragraph(quote, block.text);
      append_children(quote, block.children);
      break;
    }
    case model::BlockKind::List: {
      const At list = append(doc, NodeKind::List);
      const bool ordered = block.level == 1;
      list.tree->set_list(list.id, ordered, ordered ? block.start : 0, !block.loose);
      for (const auto& item : block.children) {
        const At li = append(list, NodeKind::Item);
        append_children(li, item.children);
        // A task item: GFM's tasklist extension writes its "[x]" or "[ ]".
        if (item.checked) li.tree->set_task(li.id, *item.checked);
      }
      break;
    }
    case model::BlockKind::Code:
      append(doc, NodeKind::CodeBlock, block.text + "\n");
      break;
    case model::BlockKind::ThematicBreak:
      append(doc, NodeKind::ThematicBreak);
      break;
    case model::BlockKind::Table:
      append_table(doc, block);
      break;
    case model::BlockKind::Footnote: {
      // "[^1]: …" read back as the note; a note of several blocks keeps their text as lines.
      const At p = append(doc, NodeKind::Paragraph);
      raw(p, "[^" +
                 note_label(block.id.substr(0, block.id.find('-')), std::to_string(block.start)) +
                 "]: ");
      if (block.children.empty()) append_inline(p, block);
      for (std::size_t k = 0; k < block.children.size(); ++k) {
        if (k > 0) append(p, NodeKind::LineBreak);
        append_inline(p, block.children[k]);
      }
      break;
    }
    default:
      append_inline(append(doc, NodeKind::Paragraph), block);
      break;
  }
}

void append_metadata(At doc, const model::Source& source, const Words& words) {
  const model::SourceMeta& m = source.meta;
  const At list = bullet_list(doc);
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

void append_end_note(At doc, const model::Source& source, const Words& words) {
  const EndNote note = end_note_for(source);
  if (note.empty()) return;
  heading(doc, 3, words["repairs"]);
  const At list = bullet_list(doc);
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
  At doc = pieces.next();
  heading(doc, 2, words["key_people"]);
  if (view.key_entities.empty()) paragraph(doc, words["none_found"]);
  const At people = view.key_entities.empty() ? At{} : bullet_list(doc);
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
      const At quote = append(doc, NodeKind::BlockQuote);
      paragraph(quote, "“" + q->text + "” (" + refs_text(refs) + ")");
    }
  }
  doc = pieces.next();
  heading(doc, 2, words["timeline"]);
  if (view.timeline.empty()) paragraph(doc, words["none_found"]);
  const At timeline = view.timeline.empty() ? At{} : bullet_list(doc);
  for (const auto& t : view.timeline) {
    bullet(timeline, *t.date->iso + " " + t.date->text + " — " + t.at.label());
  }
  doc = pieces.next();
  heading(doc, 2, words["figures_and_conflicts"]);
  if (!view.conflicts.empty()) {
    heading(doc, 3, words["conflicts"]);
    const At list = bullet_list(doc);
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
  const At figures = view.figures.empty() ? At{} : bullet_list(doc);
  for (const model::Figure* f : view.figures) {
    bullet(figures, f->text + (f->about ? " — " + *f->about : "") + " (" +
                        paragraph_ref(f->block).label() + ")");
  }
}

void append_index(At doc, const BriefingView& view, const Words& words) {
  heading(doc, 2, words["index"]);
  if (view.index.empty()) paragraph(doc, words["none_found"]);
  const At list = view.index.empty() ? At{} : bullet_list(doc);
  for (const auto& e : view.index) bullet(list, e.entity->name + ": " + refs_text(e.paragraphs));
}

// A source's chapter: its heading, metadata, text and end note.
void append_chapter(At doc, const model::Source& source, const Words& words) {
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
  Pieces pieces(out);
  At doc = pieces.doc();
  heading(doc, 1, briefing.title);
  if (briefing.subtitle) emphasized_paragraph(doc, *briefing.subtitle);
  paragraph(doc, briefing.date + (briefing.author ? " · " + *briefing.author : ""));

  heading(doc, 2, words["sources"]);
  const At list = bullet_list(doc);
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
