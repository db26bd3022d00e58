#include "emit/pdf/parts.h"

#include "emit/slices.h"
#include "model/ascii.h"
#include "model/parallel.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

namespace {

using Piece = pdf::Piece;

void start_part(Flow& flow, const char* anchor, const std::string& title, double size) {
  flow.set_running_head("", title);
  flow.new_page();
  flow.anchor(anchor);
  flow.paragraph(title, Face::Heading, size * 1.6);
  flow.space(size);
}

// "S2 ¶7, S3 ¶1", each linked; with `anchors`, the page follows: "S2 ¶7 (p. 12)".
void append_refs(std::vector<Piece>& pieces, const std::vector<ParagraphRef>& refs,
                 const Anchors* anchors = nullptr, const std::string& page_word = "p.") {
  bool first = true;
  for (const auto& ref : refs) {
    if (!first) pieces.push_back({", ", "", Face::Body});
    first = false;
    std::string label = ref.label();
    if (anchors) {
      if (auto it = anchors->find(ref.block); it != anchors->end()) {
        label += " (" + page_word + "\u00A0" + std::to_string(it->second.page + 1) + ")";
      }
    }
    pieces.push_back({label, std::string(ref.block), Face::Body});
  }
}

std::string type_word(const model::Entity& e, const Words& words) {
  return words[std::string("type_") + model::to_string(e.type)];
}

}  // namespace

namespace {

// Web and mail addresses become live links in the PDF; anything else stays text.
bool is_web_address(const std::string& href) {
  std::string lower = href.substr(0, 8);
  for (char& c : lower) c = model::ascii::to_lower(c);
  return lower.starts_with("http://") || lower.starts_with("https://") ||
         lower.starts_with("mailto:");
}

// The face a Markdown span gives text set in `base`: code is mono; strong is bold, emphasis
// italic (bold wins where they nest: DejaVu's bold italic is not embedded).
Face span_face(model::SpanKind kind, Face current) {
  switch (kind) {
    case model::SpanKind::Code:
      return Face::Mono;
    case model::SpanKind::Strong:
      return current == Face::Mono ? current : Face::BodyBold;
    case model::SpanKind::Emphasis:
      return current == Face::Body ? Face::BodyItalic : current;
    default:
      return current;
  }
}

}  // namespace

std::string superscript(const std::string& number) {
  static constexpr const char* kDigits[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                            "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
  std::string out;
  for (const char c : number) {
    if (c >= '0' && c <= '9') out += kDigits[c - '0'];
  }
  return out;
}

std::vector<Piece> linked_text(const model::Block& block, const BriefingView* view, Face face,
                               const NoteAnchors* notes) {
  const decltype(view->mentions_in)::mapped_type* mentions = nullptr;
  if (view) {
    if (const auto it = view->mentions_in.find(block.id); it != view->mentions_in.end()) {
      mentions = &it->second;
    }
  }
  if (!mentions && block.spans.empty()) return {{block.text, "", face}};
  std::vector<std::size_t> byte_at;  // code point → byte offset
  model::utf8::for_each(block.text, [&](char32_t, std::size_t at) { byte_at.push_back(at); });
  byte_at.push_back(block.text.size());
  const int length = static_cast<int>(byte_at.size()) - 1;
  if (block.spans.empty()) {  // the common case, plain text: pieces straight from the mentions
    std::vector<Piece> pieces;
    int pos = 0;
    for (const auto& [mention, entity] : *mentions) {
      if (mention->start < pos || mention->end > length || mention->start >= mention->end) continue;
      const auto from = byte_at[static_cast<std::size_t>(pos)];
      const auto start = byte_at[static_cast<std::size_t>(mention->start)];
      const auto end = byte_at[static_cast<std::size_t>(mention->end)];
      if (start > from) pieces.push_back({block.text.substr(from, start - from), "", face});
      pieces.push_back({block.text.substr(start, end - start), index_anchor(*entity), face});
      pos = mention->end;
    }
    const auto from = byte_at[static_cast<std::size_t>(pos)];
    if (from < block.text.size()) pieces.push_back({block.text.substr(from), "", face});
    return pieces;
  }
  // Per code point: its face, whether it is struck through and its link (an index into
  // `targets`, 0 for none).
  std::vector<Face> faces(static_cast<std::size_t>(length), face);
  std::vector<char> struck(static_cast<std::size_t>(length), 0);
  std::vector<std::size_t> link(static_cast<std::size_t>(length), 0);
  std::vector<std::string> targets = {""};
  std::multimap<int, Piece> note_marks;  // footnote numbers, raised, before the code point
  const auto inside = [&](int start, int end) {
    return 0 <= start && start < end && end <= length;
  };
  if (mentions) {
    for (const auto& [mention, entity] : *mentions) {
      if (!inside(mention->start, mention->end)) continue;
      targets.push_back(index_anchor(*entity));
      std::fill(link.begin() + mention->start, link.begin() + mention->end, targets.size() - 1);
    }
  }
  // Outermost first, so that a nested span's face is set after its parent's.
  std::vector<const model::Span*> spans;
  for (const auto& span : block.spans) spans.push_back(&span);
  std::stable_sort(spans.begin(), spans.end(), [](const model::Span* a, const model::Span* b) {
    return a->start != b->start ? a->start < b->start : a->end > b->end;
  });
  for (const model::Span* sp : spans) {
    const model::Span& span = *sp;
    if (span.kind == model::SpanKind::FootnoteRef) {
      if (span.start < 0 || span.start > length) continue;
      std::string target;
      if (notes) {
        if (const auto it = notes->find(span.href); it != notes->end()) target = it->second;
      }
      note_marks.insert({span.start, {superscript(span.href), target, face}});
      continue;
    }
    if (!inside(span.start, span.end)) continue;
    if (span.kind == model::SpanKind::Link) {
      if (!is_web_address(span.href)) continue;
      targets.push_back(kWebLinkPrefix +
                        span.href);  // an address wins over an index link inside it
      std::fill(link.begin() + span.start, link.begin() + span.end, targets.size() - 1);
      continue;
    }
    if (span.kind == model::SpanKind::Strikethrough) {
      std::fill(struck.begin() + span.start, struck.begin() + span.end, 1);
      continue;
    }
    for (int k = span.start; k < span.end; ++k) {
      faces[static_cast<std::size_t>(k)] = span_face(span.kind, faces[static_cast<std::size_t>(k)]);
    }
  }
  std::vector<Piece> pieces;
  auto mark = note_marks.begin();
  const auto marks_at = [&](int k) {
    for (; mark != note_marks.end() && mark->first <= k; ++mark) pieces.push_back(mark->second);
  };
  for (int k = 0; k < length;) {
    marks_at(k);
    int j = k + 1;
    const auto at = static_cast<std::size_t>(k);
    const int next_mark = mark == note_marks.end() ? length : mark->first;
    while (j < length && j < next_mark && faces[static_cast<std::size_t>(j)] == faces[at] &&
           link[static_cast<std::size_t>(j)] == link[at] &&
           struck[static_cast<std::size_t>(j)] == struck[at]) {
      ++j;
    }
    const std::size_t from = byte_at[at], to = byte_at[static_cast<std::size_t>(j)];
    pieces.push_back(
        {block.text.substr(from, to - from), targets[link[at]], faces[at], struck[at] != 0});
    k = j;
  }
  marks_at(length);
  return pieces;
}

void lay_out_people(Flow& flow, const BriefingView& view, const Words& words, double size) {
  start_part(flow, "people", words["key_people"], size);
  if (view.key_entities.empty()) flow.paragraph(words["none_found"], Face::BodyItalic, size);
  for (const EntityEntry* key : view.key_entities) {
    const EntityEntry& entry = *key;
    const model::Entity& e = *entry.entity;
    flow.rich_paragraph({{e.name, index_anchor(e), Face::BodyBold},
                         {" \u00B7 " + type_word(e, words), "", Face::Body}},
                        size);
    std::string roles;
    for (const auto& r : e.roles) roles += (roles.empty() ? "" : "; ") + r;
    if (!roles.empty()) flow.paragraph(roles, Face::BodyItalic, size * 0.9, size);
    std::vector<Piece> refs = {{std::to_string(e.mentions.size()) + " " +
                                    words[e.mentions.size() == 1 ? "mention" : "mentions"] + ": ",
                                "", Face::Body}};
    append_refs(refs, entry.paragraphs);
    flow.rich_paragraph(refs, size * 0.9, size);
    flow.space(size * 0.5);
  }
}

void lay_out_quotes(Flow& flow, const BriefingView& view, const Words& words, double size) {
  start_part(flow, "quotes", words["quotes_by_speaker"], size);
  if (view.quotes.empty()) flow.paragraph(words["none_found"], Face::BodyItalic, size);
  for (const auto& group : view.quotes) {
    flow.space(size * 0.5);
    if (group.speaker) {
      flow.rich_paragraph({{group.speaker->name, index_anchor(*group.speaker), Face::Heading}},
                          size * 1.1);
    } else {
      flow.paragraph(words["unattributed"], Face::Heading, size * 1.1);
    }
    for (const model::Quote* q : group.quotes) {
      flow.paragraph("\u201C" + q->text + "\u201D", Face::BodyItalic, size, size * 1.5);
      std::vector<ParagraphRef> refs;
      for (const auto& b : q->blocks) refs.push_back(paragraph_ref(b));
      std::vector<Piece> pieces;
      append_refs(pieces, refs);
      flow.rich_paragraph(pieces, size * 0.85, size * 1.5);
      flow.space(size * 0.3);
    }
  }
}

void lay_out_timeline(Flow& flow, const BriefingView& view, const Words& words, double size) {
  start_part(flow, "timeline", words["timeline"], size);
  if (view.timeline.empty()) flow.paragraph(words["none_found"], Face::BodyItalic, size);
  for (const auto& t : view.timeline) {
    flow.rich_paragraph({{*t.date->iso, "", Face::BodyBold},
                         {"  " + t.date->text + " \u2014 ", "", Face::Body},
                         {t.at.label(), std::string(t.at.block), Face::Body}},
                        size);
  }
}

void lay_out_figures(Flow& flow, const BriefingView& view, const Words& words, double size) {
  start_part(flow, "figures", words["figures_and_conflicts"], size);
  if (!view.conflicts.empty()) {
    flow.paragraph(words["conflicts"], Face::Heading, size * 1.1);
    for (const auto& c : view.conflicts) {
      std::vector<Piece> pieces = {{c.conflict->about + ": ", "", Face::BodyBold}};
      bool first = true;
      for (const model::Figure* f : c.figures) {
        if (!first) pieces.push_back({" " + words["versus"] + " ", "", Face::Body});
        first = false;
        const ParagraphRef ref = paragraph_ref(f->block);
        pieces.push_back({f->text + " (", "", Face::Body});
        pieces.push_back({ref.label(), std::string(ref.block), Face::Body});
        pieces.push_back({")", "", Face::Body});
      }
      flow.rich_paragraph(pieces, size);
    }
    flow.space(size);
  }
  flow.paragraph(words["figures"], Face::Heading, size * 1.1);
  if (view.figures.empty()) flow.paragraph(words["none_found"], Face::BodyItalic, size);
  for (const model::Figure* f : view.figures) {
    const ParagraphRef ref = paragraph_ref(f->block);
    std::vector<Piece> pieces = {{f->text, "", Face::BodyBold}};
    if (f->about) pieces.push_back({" \u2014 " + *f->about, "", Face::Body});
    pieces.push_back({" (", "", Face::Body});
    pieces.push_back({ref.label(), std::string(ref.block), Face::Body});
    pieces.push_back({")", "", Face::Body});
    flow.rich_paragraph(pieces, size);
  }
}

void lay_out_index(Flow& flow, const BriefingView& view, const Words& words, double size,
                   const Anchors& anchors, unsigned threads) {
  start_part(flow, "index", words["index"], size);
  if (view.index.empty()) flow.paragraph(words["none_found"], Face::BodyItalic, size);
  // An entry's lines do not depend on where it lands, so they are set in parallel (most of
  // the work: a briefing's index lists every paragraph an entity is mentioned in) and then
  // placed in order, a window of entries at a time: the set lines of 10,000 articles' whole
  // index (800,000 references) took 75 MB.
  constexpr std::size_t kWindowEntries = 256;
  constexpr std::size_t kWindowRefs = 16384;
  const double entry_size = size * 0.9;
  const std::string page_word = words["page"];
  std::vector<std::vector<SetLine>> entries;
  const auto windows = slices(view.index.size(), kWindowEntries, kWindowRefs,
                              [&](std::size_t i) { return view.index[i].paragraphs.size(); });
  for (const auto& [first, last] : windows) {
    entries.assign(last - first, {});
    model::parallel_for(entries.size(), threads, [&, first = first](std::size_t k) {
      const model::Entity& e = *view.index[first + k].entity;
      std::vector<Piece> pieces = {{e.name, "", Face::BodyBold},
                                   {" \u00B7 " + type_word(e, words) + ": ", "", Face::Body}};
      append_refs(pieces, view.index[first + k].paragraphs, &anchors, page_word);
      entries[k] = set_lines(pieces, entry_size, flow.text_width(), false, flow.measure());
    });
    for (std::size_t k = 0; k < entries.size(); ++k) {
      flow.anchor(index_anchor(*view.index[first + k].entity));
      flow.place_lines(std::move(entries[k]), entry_size, 0);
    }
  }
}

}  // namespace dossier::emit::pdf
