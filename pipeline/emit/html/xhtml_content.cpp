#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "emit/end_note.h"
#include "emit/html/xhtml.h"
#include "emit/html/xhtml_tree.h"
#include "emit/inline_spans.h"
#include "model/ascii.h"

namespace dossier::emit {

namespace {

using xhtml::element;
using xhtml::text_element;

// Only web and mail addresses, and relative ones where `links` allows, become live; anything
// else (javascript:, data:, file:) stays text.
bool is_live_href(std::string_view href, SourceLinks links) {
  // The scheme is what comes before the first ':', unless a '/', '?' or '#' comes first (a
  // relative address). Only the scheme is compared, without case.
  const std::size_t end = href.find_first_of(":/?#");
  if (end == std::string_view::npos || href[end] != ':') {
    return links == SourceLinks::WebAndRelative;
  }
  std::string scheme(href.substr(0, end));
  for (char& c : scheme) c = model::ascii::to_lower(c);
  return scheme == "http" || scheme == "https" || scheme == "mailto";
}

// The element of a span; a link that is not live is a <span>.
const char* tag_for(const model::Span& span, bool live_link) {
  switch (span.kind) {
    case model::SpanKind::Emphasis:
      return "em";
    case model::SpanKind::Strong:
      return "strong";
    case model::SpanKind::Code:
      return "code";
    case model::SpanKind::Strikethrough:
      return "del";
    case model::SpanKind::Link:
      return live_link ? "a" : "span";
    case model::SpanKind::FootnoteRef:
      return "sup";
  }
  return "span";
}

void append_meta_row(pugi::xml_node dl, const std::string& term, const std::string& value) {
  text_element(dl, "dt", term);
  text_element(dl, "dd", value);
}

void append_metadata(pugi::xml_node parent, const model::Source& source, const Words& words,
                     SourceLinks links) {
  const model::SourceMeta& m = source.meta;
  pugi::xml_node dl = element(parent, "dl", "meta");
  if (!m.authors.empty()) {
    std::string names;
    for (const auto& a : m.authors) names += (names.empty() ? "" : ", ") + a;
    append_meta_row(dl, words["authors"], names);
  }
  const auto row = [&](const char* key, const std::optional<std::string>& value) {
    if (value) append_meta_row(dl, words[key], *value);
  };
  row("outlet", m.outlet);
  row("date", m.date);
  if (m.url) {
    text_element(dl, "dt", words["url"]);
    if (is_live_href(*m.url, links)) {
      pugi::xml_node a = element(element(dl, "dd"), "a");
      a.append_attribute("href") = m.url->c_str();
      a.append_child(pugi::node_pcdata).set_value(m.url->c_str());
    } else {
      text_element(dl, "dd", *m.url);
    }
  }
  row("translated_from", m.translated_from);
  if (m.original_title) {
    text_element(dl, "dt", words["original_title"]);
    pugi::xml_node dd = text_element(dl, "dd", *m.original_title);
    if (m.translated_from) {
      dd.append_attribute("lang") = m.translated_from->c_str();
      dd.append_attribute("xml:lang") = m.translated_from->c_str();
    }
  }
  append_meta_row(dl, words["file"], source.path);
}

// Plain text, a hard line break ('\n') as <br/>.
void append_text(pugi::xml_node parent, const std::string& text) {
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    const std::string part = text.substr(start, newline - start);
    if (!part.empty()) parent.append_child(pugi::node_pcdata).set_value(part.c_str());
    if (newline == std::string::npos) break;
    parent.append_child("br");
    start = newline + 1;
  }
}

// A source's headings sit under its chapter's h2: level 1 is h3.
std::string heading_tag(const model::Block& heading) {
  return "h" + std::to_string(std::min(6, heading.level + 1));
}

const char* align_class(char align) {
  switch (align) {
    case 'l':
      return "left";
    case 'c':
      return "center";
    case 'r':
      return "right";
    default:
      return nullptr;
  }
}

// One source's blocks as XHTML: numbered top-level blocks, names linked to the index,
// footnotes linked both ways, images as figures.
class ChapterWriter {
 public:
  ChapterWriter(const model::Source& source, const HrefFor& href, const BriefingView* view,
                const ImageHref& image_href, SourceLinks links)
      : source_(source), href_(href), view_(view), image_href_(image_href), links_(links) {
    for (const auto& b : source.blocks) {
      if (b.kind == model::BlockKind::Footnote) notes_[std::to_string(b.start)] = b.id;
    }
  }

  void block(pugi::xml_node parent, const model::Block& block) {
    const auto anchored = [&](pugi::xml_node e) {
      e.append_attribute("id") = block.id.c_str();
      mark(e, block);
      return e;
    };
    const auto with_text = [&](pugi::xml_node e) { inline_content(anchored(e), block, true); };
    switch (block.kind) {
      case model::BlockKind::Heading: {
        with_text(element(parent, heading_tag(block).c_str()));
        break;
      }
      case model::BlockKind::Caption:
        with_text(element(parent, "p", "caption"));
        break;
      case model::BlockKind::Footnote:
        footnote(parent, block);
        break;
      case model::BlockKind::Image:
        figure(parent, block, true);
        break;
      case model::BlockKind::Blockquote: {
        pugi::xml_node quote = anchored(element(parent, "blockquote"));
        if (block.children.empty()) text_element(quote, "p", block.text);
        for (const auto& c : block.children) nested(quote, c);
        break;
      }
      case model::BlockKind::List:
      case model::BlockKind::Code:
      case model::BlockKind::Table:
        nested(anchored(element(parent, "div", "block")), block);
        break;
      case model::BlockKind::ThematicBreak:
        element(anchored(element(parent, "div", "block")), "hr");  // <hr> is void: no mark inside
        break;
      default:
        with_text(element(parent, "p"));
        break;
    }
  }

 private:
  // A block inside another (a quote, list item or footnote): no id or mark of its own.
  void nested(pugi::xml_node parent, const model::Block& block) {
    switch (block.kind) {
      case model::BlockKind::Code:
        text_element(element(parent, "pre"), "code", block.text);
        break;
      case model::BlockKind::List:
        list(parent, block);
        break;
      case model::BlockKind::Table:
        table(parent, block);
        break;
      case model::BlockKind::Image:
        figure(parent, block, false);
        break;
      case model::BlockKind::ThematicBreak:
        element(parent, "hr");
        break;
      case model::BlockKind::Heading: {
        inline_content(element(parent, heading_tag(block).c_str()), block, false);
        break;
      }
      case model::BlockKind::Blockquote: {
        pugi::xml_node quote = element(parent, "blockquote");
        for (const auto& c : block.children) nested(quote, c);
        break;
      }
      default:
        inline_content(element(parent, "p"), block, false);
        break;
    }
  }

  // A tight list's items hold their text directly; a loose list's, paragraphs.
  void list(pugi::xml_node parent, const model::Block& block) {
    pugi::xml_node list = element(parent, block.level == 1 ? "ol" : "ul");
    if (block.level == 1 && block.start != 1) {
      list.append_attribute("start") = std::to_string(block.start).c_str();
    }
    for (const auto& item : block.children) {
      pugi::xml_node li = element(list, "li");
      if (item.checked) li.append_attribute("class") = *item.checked ? "task done" : "task";
      for (const auto& c : item.children) {
        if (!block.loose && c.kind == model::BlockKind::Paragraph) {
          if (li.first_child()) append_text(li, "\n");  // lines of a tight item stay apart
          inline_content(li, c, false);
        } else {
          nested(li, c);
        }
      }
      if (item.checked) {  // a task: a mark, not a form control (nothing here is active)
        pugi::xml_node first = li.first_child();
        pugi::xml_node at = first && std::strcmp(first.name(), "p") == 0 ? first : li;
        pugi::xml_node task_mark = at.prepend_child("span");
        task_mark.append_attribute("class") = "task-mark";
        task_mark.append_child(pugi::node_pcdata).set_value(*item.checked ? "\u2611 " : "\u2610 ");
      }
    }
  }

  // The first row is the header; columns keep the alignment the source gave them.
  void table(pugi::xml_node parent, const model::Block& block) {
    pugi::xml_node table = element(parent, "table");
    pugi::xml_node section;
    for (std::size_t r = 0; r < block.children.size(); ++r) {
      if (r <= 1) section = element(table, r == 0 ? "thead" : "tbody");
      pugi::xml_node tr = element(section, "tr");
      const auto& cells = block.children[r].children;
      for (std::size_t k = 0; k < cells.size(); ++k) {
        const char align = k < block.align.size() ? block.align[k] : ' ';
        inline_content(element(tr, r == 0 ? "th" : "td", align_class(align)), cells[k], false);
      }
    }
  }

  // A note: its number links back to the first reference; a note of several blocks holds
  // them, the number starting the first.
  void footnote(pugi::xml_node parent, const model::Block& block) {
    const bool blocks = !block.children.empty();
    pugi::xml_node note = element(parent, blocks ? "div" : "p", "footnote");
    note.append_attribute("id") = block.id.c_str();
    mark(note, block);
    if (blocks) {
      for (const auto& c : block.children) nested(note, c);
    } else {
      inline_content(note, block, true);
    }
    pugi::xml_node first = mark_after(note);
    pugi::xml_node at = first && std::strcmp(first.name(), "p") == 0 ? first : note;
    const std::string number = std::to_string(block.start);
    pugi::xml_node back =
        at == note ? note.insert_child_after("a", note.first_child()) : at.prepend_child("a");
    back.append_attribute("class") = "footnote-number";
    back.append_attribute("href") = href_(source_.id, reference_anchor(number)).c_str();
    back.append_attribute("role") = "doc-backlink";
    back.append_child(pugi::node_pcdata).set_value(number.c_str());
    back.parent().insert_child_after(pugi::node_pcdata, back).set_value(" ");
  }

  // The node after a block's paragraph mark.
  static pugi::xml_node mark_after(pugi::xml_node e) { return e.first_child().next_sibling(); }

  // An image as a figure, its alt text the caption; without the image, the alt text alone.
  void figure(pugi::xml_node parent, const model::Block& block, bool top) {
    const std::string url = image_href_ ? image_href_(source_, block.src) : std::string();
    pugi::xml_node e =
        url.empty() ? element(parent, "p", "missing-image") : element(parent, "figure", "image");
    if (top) {
      e.append_attribute("id") = block.id.c_str();
      mark(e, block);
    }
    if (url.empty()) {
      e.append_child(pugi::node_pcdata).set_value(("[" + block.text + "]").c_str());
      return;
    }
    pugi::xml_node img = element(e, "img");
    img.append_attribute("src") = url.c_str();
    img.append_attribute("alt") = block.text.c_str();
    if (!block.text.empty()) text_element(e, "figcaption", block.text);
  }

  // The paragraph mark: a link to the block's own anchor, showing its number.
  void mark(pugi::xml_node e, const model::Block& block) {
    pugi::xml_node a = element(e, "a", "pilcrow");
    a.append_attribute("href") = href_(source_.id, block.id).c_str();
    a.append_attribute("title") = paragraph_label(block.id).c_str();
    a.append_child(pugi::node_pcdata).set_value(paragraph_number(block.id).c_str());
  }

  // The anchor of a note's first reference.
  std::string reference_anchor(const std::string& number) const {
    return source_.id + "-fnref" + number;
  }

  // Text with its spans; a top-level block's names link to their index entries.
  void inline_content(pugi::xml_node parent, const model::Block& block, bool top) {
    std::vector<model::Span> mentions;
    if (top && view_) {
      if (const auto it = view_->mentions_in.find(block.id); it != view_->mentions_in.end()) {
        for (const auto& [mention, entity] : it->second) {
          mentions.push_back({model::SpanKind::Link, mention->start, mention->end,
                              href_(kPartIndex, index_anchor(*entity))});
        }
      }
    }
    if (block.spans.empty() && mentions.empty()) {
      append_text(parent, block.text);
      return;
    }
    const InlineText inline_text(block, &mentions);
    spans(parent, inline_text, inline_text.spans(), 0, inline_text.length());
  }

  // Text with its spans as nested elements (em, strong, code, a, del, sup).
  void spans(pugi::xml_node parent, const InlineText& inline_text,
             const std::vector<const model::Span*>& spans, int from, int to) {
    inline_text.walk(
        spans, from, to, [&](const std::string& text) { append_text(parent, text); },
        [&](const model::Span& span, const std::vector<const model::Span*>& inner) {
          if (span.kind == model::SpanKind::FootnoteRef) {
            footnote_reference(parent, span.href);
            return;
          }
          // A name dossier linked to its index entry is live; a link the source wrote only
          // where its address may be.
          const bool live = span.kind == model::SpanKind::Link &&
                            (inline_text.is_extra(span) || is_live_href(span.href, links_));
          pugi::xml_node e = parent.append_child(tag_for(span, live));
          if (live) {
            e.append_attribute("href") = span.href.c_str();
            if (span.href.find("#E-") != std::string::npos) e.append_attribute("class") = "entity";
          }
          this->spans(e, inline_text, inner, span.start, span.end);
        });
  }

  // A raised note number linking to the note; the note's first reference is its anchor.
  void footnote_reference(pugi::xml_node parent, const std::string& number) {
    pugi::xml_node sup = element(parent, "sup", "footnote-ref");
    const auto note = notes_.find(number);
    if (note == notes_.end()) {  // the note was lost to flattening: the number alone
      append_text(sup, number);
      return;
    }
    pugi::xml_node a = element(sup, "a");
    a.append_attribute("href") = href_(source_.id, note->second).c_str();
    if (referenced_.insert(number).second) {
      a.append_attribute("id") = reference_anchor(number).c_str();
    }
    a.append_attribute("role") = "doc-noteref";
    a.append_child(pugi::node_pcdata).set_value(number.c_str());
  }

  const model::Source& source_;
  const HrefFor& href_;
  const BriefingView* view_;
  const ImageHref& image_href_;
  SourceLinks links_;
  std::map<std::string, std::string> notes_;  // a note's number → its block id
  std::set<std::string> referenced_;          // notes whose first reference is written
};

void append_end_note(pugi::xml_node parent, const model::Source& source, const Words& words) {
  const EndNote note = end_note_for(source);
  if (note.empty()) return;
  pugi::xml_node aside = element(parent, "aside", "end-note");
  text_element(aside, "h3", words["repairs"]);
  pugi::xml_node ul = element(aside, "ul");
  for (const auto& [kind, n] : note.counts) {
    text_element(ul, "li", kind + ": " + std::to_string(n));
  }
  for (const model::Fix* fix : note.listed) text_element(ul, "li", describe_fix(*fix), "fix");
  for (const auto& r : *note.removals) {
    text_element(ul, "li",
                 words["removed"] + " (" + r.rule + ", " + words["line"] + " " +
                     std::to_string(r.first_line) + "): " + r.text,
                 "removal");
  }
}

}  // namespace

void append_source_list(pugi::xml_node list, const model::Briefing& briefing, const Words& words,
                        const HrefFor& href) {
  for (const auto& s : briefing.sources) {
    pugi::xml_node li = element(list, "li");
    pugi::xml_node a = element(li, "a");
    a.append_attribute("href") = href(s.id, s.id).c_str();
    a.append_child(pugi::node_pcdata).set_value((s.id + ". " + model::display_title(s)).c_str());
    if (s.status == model::SourceStatus::Failed) {
      text_element(li, "span", " (" + words["failed"] + ")", "failed");
    } else if (s.meta.outlet) {
      text_element(li, "span", " \u2014 " + *s.meta.outlet, "outlet");
    }
  }
}

void append_source_chapter(pugi::xml_node parent, const model::Source& source, const Words& words,
                           const HrefFor& href, const BriefingView* view,
                           const ImageHref& image_href, SourceLinks links) {
  pugi::xml_node section = element(parent, "section", "source");
  section.append_attribute("id") = source.id.c_str();
  if (source.meta.language) {
    section.append_attribute("lang") = source.meta.language->c_str();
    section.append_attribute("xml:lang") = source.meta.language->c_str();
  }
  pugi::xml_node header = element(section, "header");
  text_element(header, "p",
               source.id + (source.meta.category ? " \u00B7 " + *source.meta.category : ""),
               "source-label");
  text_element(header, "h2", model::display_title(source));
  if (source.status == model::SourceStatus::Failed) {
    text_element(section, "p", words["source_failed"], "failed");
    return;
  }
  if (source.meta.subtitle) text_element(header, "p", *source.meta.subtitle, "standfirst");
  append_metadata(header, source, words, links);
  ChapterWriter writer(source, href, view, image_href, links);
  for (const auto& block : source.blocks) writer.block(section, block);
  append_end_note(section, source, words);
}

}  // namespace dossier::emit
