#include <algorithm>
#include <cctype>
#include <cstring>

#include "emit/end_note.h"
#include "emit/html/xhtml.h"
#include "emit/html/xhtml_tree.h"
#include "emit/inline_spans.h"

namespace dossier::emit {

namespace {

using xhtml::element;
using xhtml::text_element;

// Only web, mail and in-document links become live; anything else (javascript:, data:,
// file:) stays text.
bool is_safe_href(const std::string& href) {
  std::string lower;
  for (char c : href) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t colon = lower.find(':');
  const std::size_t slash = lower.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return true;
  return lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("mailto:");
}

const char* tag_for(const model::Span& span) {
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
      return is_safe_href(span.href) ? "a" : "span";
  }
  return "span";
}

// Text with its spans as nested elements (em, strong, code, a, del).
void append_spans(pugi::xml_node parent, const InlineText& inline_text,
                  const std::vector<const model::Span*>& spans, int from, int to) {
  inline_text.walk(
      spans, from, to,
      [&](const std::string& text) {
        parent.append_child(pugi::node_pcdata).set_value(text.c_str());
      },
      [&](const model::Span& span, const std::vector<const model::Span*>& inner) {
        pugi::xml_node e = parent.append_child(tag_for(span));
        if (span.kind == model::SpanKind::Link && is_safe_href(span.href)) {
          e.append_attribute("href") = span.href.c_str();
          if (span.href.find("#E-") != std::string::npos) e.append_attribute("class") = "entity";
        }
        append_spans(e, inline_text, inner, span.start, span.end);
      });
}

// Names in the text link to their index entries.
struct MentionLinks {
  const BriefingView* view = nullptr;
  const HrefFor* href = nullptr;

  std::vector<model::Span> for_block(const model::Block& block) const {
    std::vector<model::Span> spans;
    if (!view) return spans;
    const auto it = view->mentions_in.find(block.id);
    if (it == view->mentions_in.end()) return spans;
    for (const auto& [mention, entity] : it->second) {
      spans.push_back({model::SpanKind::Link, mention->start, mention->end,
                       (*href)(kPartIndex, index_anchor(*entity))});
    }
    return spans;
  }
};

void append_inline(pugi::xml_node parent, const model::Block& block,
                   const MentionLinks& links = {}) {
  const std::vector<model::Span> mentions = links.for_block(block);
  if (block.spans.empty() && mentions.empty()) {
    parent.append_child(pugi::node_pcdata).set_value(block.text.c_str());
    return;
  }
  const InlineText inline_text(block, &mentions);
  append_spans(parent, inline_text, inline_text.spans(), 0, inline_text.length());
}

void append_meta_row(pugi::xml_node dl, const std::string& term, const std::string& value) {
  text_element(dl, "dt", term);
  text_element(dl, "dd", value);
}

void append_metadata(pugi::xml_node parent, const model::Source& source, const Words& words) {
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
    pugi::xml_node a = element(element(dl, "dd"), "a");
    a.append_attribute("href") = m.url->c_str();
    a.append_child(pugi::node_pcdata).set_value(m.url->c_str());
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

// The paragraph mark: a link to the block's own anchor, showing its number.
void append_mark(pugi::xml_node e, const model::Block& block, const std::string& source_id,
                 const HrefFor& href) {
  pugi::xml_node mark = element(e, "a", "pilcrow");
  mark.append_attribute("href") = href(source_id, block.id).c_str();
  mark.append_attribute("title") = paragraph_label(block.id).c_str();
  mark.append_child(pugi::node_pcdata).set_value(paragraph_number(block.id).c_str());
}

// A nested block (inside a quote or list item): no id or mark of its own.
void append_nested(pugi::xml_node parent, const model::Block& block) {
  switch (block.kind) {
    case model::BlockKind::Code:
      text_element(element(parent, "pre"), "code", block.text);
      break;
    case model::BlockKind::List: {
      pugi::xml_node list = element(parent, block.level == 1 ? "ol" : "ul");
      if (block.level == 1 && block.start != 1) {
        list.append_attribute("start") = std::to_string(block.start).c_str();
      }
      for (const auto& item : block.children) {
        pugi::xml_node li = element(list, "li");
        for (const auto& c : item.children) append_nested(li, c);
        if (item.checked) {  // a task: a mark, not a form control (nothing here is active)
          li.append_attribute("class") = *item.checked ? "task done" : "task";
          pugi::xml_node first = li.first_child();
          pugi::xml_node at = std::strcmp(first.name(), "p") == 0 ? first : li;
          pugi::xml_node mark = at.prepend_child("span");
          mark.append_attribute("class") = "task-mark";
          mark.append_child(pugi::node_pcdata).set_value(*item.checked ? "\u2611 " : "\u2610 ");
        }
      }
      break;
    }
    case model::BlockKind::Blockquote: {
      pugi::xml_node quote = element(parent, "blockquote");
      for (const auto& c : block.children) append_nested(quote, c);
      break;
    }
    default:
      append_inline(element(parent, "p"), block);
      break;
  }
}

void append_block(pugi::xml_node parent, const model::Block& block, const std::string& source_id,
                  const HrefFor& href, const MentionLinks& links) {
  const auto anchored = [&](pugi::xml_node e) {
    e.append_attribute("id") = block.id.c_str();
    append_mark(e, block, source_id, href);
    return e;
  };
  const auto with_text = [&](pugi::xml_node e) { append_inline(anchored(e), block, links); };
  switch (block.kind) {
    case model::BlockKind::Heading: {
      const std::string tag = "h" + std::to_string(std::min(6, block.level + 1));
      with_text(element(parent, tag.c_str()));
      break;
    }
    case model::BlockKind::Caption:
      with_text(element(parent, "p", "caption"));
      break;
    case model::BlockKind::Footnote:
      with_text(element(parent, "p", "footnote"));
      break;
    case model::BlockKind::Blockquote: {
      pugi::xml_node quote = anchored(element(parent, "blockquote"));
      if (block.children.empty()) text_element(quote, "p", block.text);
      for (const auto& c : block.children) append_nested(quote, c);
      break;
    }
    case model::BlockKind::List:
    case model::BlockKind::Code: {
      pugi::xml_node box = anchored(element(parent, "div", "block"));
      append_nested(box, block);
      break;
    }
    case model::BlockKind::Table: {
      pugi::xml_node table = element(anchored(element(parent, "div", "block")), "table");
      bool header = true;
      for (const auto& row : block.children) {
        pugi::xml_node tr = element(table, "tr");
        std::size_t start = 0;
        const std::string& cells = row.text;
        while (start <= cells.size()) {
          const std::size_t bar = std::min(cells.find(" | ", start), cells.size());
          text_element(tr, header ? "th" : "td", cells.substr(start, bar - start));
          start = bar + 3;
        }
        header = false;
      }
      break;
    }
    case model::BlockKind::ThematicBreak:
      element(anchored(element(parent, "div", "block")), "hr");  // <hr> is void: no mark inside
      break;
    default:
      with_text(element(parent, "p"));
      break;
  }
}

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

// An image block as a figure, its alt text the caption; without the image, the alt text alone.
void append_figure(pugi::xml_node parent, const model::Block& block, const std::string& source_id,
                   const HrefFor& href, const std::string& url) {
  if (url.empty()) {
    pugi::xml_node p = element(parent, "p", "missing-image");
    p.append_attribute("id") = block.id.c_str();
    append_mark(p, block, source_id, href);
    p.append_child(pugi::node_pcdata).set_value(("[" + block.text + "]").c_str());
    return;
  }
  pugi::xml_node figure = element(parent, "figure", "image");
  figure.append_attribute("id") = block.id.c_str();
  append_mark(figure, block, source_id, href);
  pugi::xml_node img = element(figure, "img");
  img.append_attribute("src") = url.c_str();
  img.append_attribute("alt") = block.text.c_str();
  if (!block.text.empty()) text_element(figure, "figcaption", block.text);
}

void append_source_chapter(pugi::xml_node parent, const model::Source& source, const Words& words,
                           const HrefFor& href, const BriefingView* view,
                           const ImageHref& image_href) {
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
  append_metadata(header, source, words);
  const MentionLinks links{view, &href};
  for (const auto& block : source.blocks) {
    if (block.kind == model::BlockKind::Image) {
      append_figure(section, block, source.id, href,
                    image_href ? image_href(source, block.src) : std::string());
    } else {
      append_block(section, block, source.id, href, links);
    }
  }
  append_end_note(section, source, words);
}

}  // namespace dossier::emit
