// The briefing's reference parts as XHTML trees: key people and organizations, quotes by
// speaker, the timeline, figures and conflicts, and the index. Every paragraph reference is a
// link to the paragraph's anchor; every entity links to its index entry, and the index links
// back to each paragraph that mentions it.
#include <algorithm>
#include <span>

#include "emit/html/xhtml.h"
#include "emit/html/xhtml_tree.h"
#include "emit/piece_cache.h"
#include "emit/slices.h"

namespace dossier::emit {

namespace {

using xhtml::element;
using xhtml::text;
using xhtml::text_element;

pugi::xml_node link(pugi::xml_node parent, const std::string& href, const std::string& label,
                    const char* css_class = nullptr) {
  pugi::xml_node a = element(parent, "a", css_class);
  a.append_attribute("href") = href.c_str();
  text(a, label);
  return a;
}

// "S2 ¶7", linked to the paragraph.
void ref_link(pugi::xml_node parent, const ParagraphRef& ref, const HrefFor& href) {
  link(parent, href(ref.source(), std::string(ref.block)), ref.label(), "ref");
}

pugi::xml_node part_section(pugi::xml_node parent, const char* id, const std::string& title) {
  pugi::xml_node section = element(parent, "section", "part");
  section.append_attribute("id") = id;
  text_element(section, "h2", title);
  return section;
}

// "S2 ¶7, S3 ¶1": links to paragraphs.
void append_paragraph_links(pugi::xml_node parent, std::span<const ParagraphRef> refs,
                            const HrefFor& href) {
  bool first = true;
  for (const auto& ref : refs) {
    if (!first) text(parent, ", ");
    first = false;
    ref_link(parent, ref, href);
  }
}

std::string type_word(const model::Entity& e, const Words& words) {
  return words[std::string("type_") + model::to_string(e.type)];
}

std::string roles_of(const model::Entity& e) {
  std::string out;
  for (const auto& r : e.roles) out += (out.empty() ? "" : "; ") + r;
  return out;
}

std::string count_line(std::size_t mentions, std::size_t paragraphs, const Words& words) {
  return std::to_string(mentions) + " " + words[mentions == 1 ? "mention" : "mentions"] + " " +
         words["in"] + " " + std::to_string(paragraphs) + " " +
         words[paragraphs == 1 ? "paragraph" : "paragraphs"];
}

}  // namespace

namespace {

// Each part in two steps (see PartSteps): the head, up to and including the element that
// holds the part's long list, and that list's entries.

pugi::xml_node key_entities_head(pugi::xml_node parent, const BriefingView& view,
                                 const Words& words, const HrefFor&) {
  pugi::xml_node section = part_section(parent, kPartPeople, words["key_people"]);
  if (view.key_entities.empty()) {
    text_element(section, "p", words["none_found"], "empty");
    return {};
  }
  return element(section, "dl", "entities");
}

// A key entity's entry: its name and type, then its roles, counts and paragraph links `refs`
// (all of them, or an EPUB's first piece).
void key_entity_entry(pugi::xml_node dl, const EntityEntry& entry,
                      std::span<const ParagraphRef> refs, const Words& words, const HrefFor& href) {
  const model::Entity& e = *entry.entity;
  pugi::xml_node dt = element(dl, "dt");
  link(dt, href(kPartIndex, index_anchor(e)), e.name, "entity");
  text(dt, " \u00B7 " + type_word(e, words));
  pugi::xml_node dd = element(dl, "dd");
  if (!e.roles.empty()) text_element(dd, "p", roles_of(e), "roles");
  text_element(dd, "p", count_line(e.mentions.size(), entry.paragraphs.size(), words), "count");
  append_paragraph_links(element(dd, "p", "refs"), refs, href);
}

void key_entities_entries(pugi::xml_node dl, const BriefingView& view, const Words& words,
                          const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    key_entity_entry(dl, *view.key_entities[i], view.key_entities[i]->paragraphs, words, href);
  }
}

std::size_t key_entities_count(const BriefingView& view) {
  return view.key_entities.size();
}

std::size_t key_entities_links(const BriefingView& view, std::size_t i) {
  return view.key_entities[i]->paragraphs.size();
}

// About how many bytes of XHTML an entry takes: its text and kRefBytes per paragraph link.
constexpr std::size_t kRefBytes = 64;

std::size_t key_entities_bytes(const BriefingView& view, std::size_t i) {
  const model::Entity& e = *view.key_entities[i]->entity;
  std::size_t bytes = 160 + e.name.size();
  for (const auto& r : e.roles) bytes += r.size() + 2;
  return bytes + kRefBytes * view.key_entities[i]->paragraphs.size();
}

pugi::xml_node quotes_head(pugi::xml_node parent, const BriefingView& view, const Words& words,
                           const HrefFor&) {
  pugi::xml_node section = part_section(parent, kPartQuotes, words["quotes_by_speaker"]);
  if (view.quotes.empty()) {
    text_element(section, "p", words["none_found"], "empty");
    return {};
  }
  return section;
}

// The heading over a speaker's quotations, linked to the speaker's index entry; `continued`
// when it heads the rest of them in a later file.
void speaker_heading(pugi::xml_node section, const SpeakerQuotes& group, const Words& words,
                     const HrefFor& href, bool continued) {
  pugi::xml_node h3 = element(section, "h3");
  if (group.speaker) {
    link(h3, href(kPartIndex, index_anchor(*group.speaker)), group.speaker->name, "entity");
  } else {
    text(h3, words["unattributed"]);
  }
  if (continued) text(h3, " (" + words["continued"] + ")");
}

// The speaker whose quotations quotation `i` is among (view.quote_starts).
std::size_t speaker_of(const BriefingView& view, std::size_t i) {
  const auto& starts = view.quote_starts;
  return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), i) -
                                  starts.begin()) -
         1;
}

// Quotations [first, last), speaker by speaker, each speaker's heading above their first.
void quotes_entries(pugi::xml_node section, const BriefingView& view, const Words& words,
                    const HrefFor& href, std::size_t first, std::size_t last) {
  std::size_t g = first < last ? speaker_of(view, first) : 0;
  for (std::size_t i = first; i < last; ++i) {
    while (i >= view.quote_starts[g + 1]) ++g;
    const auto& group = view.quotes[g];
    if (i == view.quote_starts[g]) speaker_heading(section, group, words, href, false);
    const model::Quote* q = group.quotes[i - view.quote_starts[g]];
    pugi::xml_node quote = element(section, "blockquote", "quote");
    quote.append_attribute("id") = q->id.c_str();
    text_element(quote, "p", "\u201C" + q->text + "\u201D");
    pugi::xml_node cite = element(quote, "p", "cite");
    std::vector<ParagraphRef> refs;
    for (const auto& block : q->blocks) refs.push_back(paragraph_ref(block));
    append_paragraph_links(cite, refs, href);
  }
}

// A later file of a long quotes part: its heading, and the speaker's again when the file
// starts among their quotations.
pugi::xml_node quotes_continued(pugi::xml_node parent, const BriefingView& view, const Words& words,
                                const HrefFor& href, std::size_t first) {
  pugi::xml_node section = quotes_head(parent, view, words, href);
  if (section && first < view.quote_starts.back()) {
    const std::size_t g = speaker_of(view, first);
    if (first != view.quote_starts[g]) speaker_heading(section, view.quotes[g], words, href, true);
  }
  return section;
}

std::size_t quotes_count(const BriefingView& view) {
  return view.quote_starts.empty() ? 0 : view.quote_starts.back();
}

std::size_t quotes_links(const BriefingView& view, std::size_t i) {
  const std::size_t g = speaker_of(view, i);
  const model::Quote* q = view.quotes[g].quotes[i - view.quote_starts[g]];
  return q->blocks.size() + (i == view.quote_starts[g] ? 1 : 0);  // and the speaker's
}

std::size_t quotes_bytes(const BriefingView& view, std::size_t i) {
  const std::size_t g = speaker_of(view, i);
  const model::Quote* q = view.quotes[g].quotes[i - view.quote_starts[g]];
  std::size_t bytes = 60 + q->text.size() + kRefBytes * q->blocks.size();
  if (i == view.quote_starts[g]) {
    bytes += 40;
    if (view.quotes[g].speaker) bytes += view.quotes[g].speaker->name.size() + kRefBytes;
  }
  return bytes;
}

pugi::xml_node timeline_head(pugi::xml_node parent, const BriefingView& view, const Words& words,
                             const HrefFor&) {
  pugi::xml_node section = part_section(parent, kPartTimeline, words["timeline"]);
  if (view.timeline.empty()) {
    text_element(section, "p", words["none_found"], "empty");
    return {};
  }
  return element(section, "ol", "timeline");
}

void timeline_entries(pugi::xml_node ol, const BriefingView& view, const Words&,
                      const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    const auto& entry = view.timeline[i];
    pugi::xml_node li = element(ol, "li");
    text_element(li, "span", *entry.date->iso, "when");
    text(li, " " + entry.date->text + " \u2014 ");
    ref_link(li, entry.at, href);
  }
}

std::size_t timeline_count(const BriefingView& view) {
  return view.timeline.size();
}

std::size_t one_link(const BriefingView&, std::size_t) {
  return 1;
}

std::size_t timeline_bytes(const BriefingView& view, std::size_t i) {
  return 60 + view.timeline[i].date->text.size() + kRefBytes;
}

// The figures' heading and table, to which the figures go; or that none were found.
pugi::xml_node figures_table(pugi::xml_node section, const BriefingView& view, const Words& words) {
  if (view.figures.empty()) {
    text_element(section, "p", words["none_found"], "empty");
    return {};
  }
  text_element(section, "h3", words["figures"]);
  pugi::xml_node table = element(section, "table", "figures");
  pugi::xml_node head = element(table, "tr");
  text_element(head, "th", words["figure"]);
  text_element(head, "th", words["measures"]);
  text_element(head, "th", words["where"]);
  return table;
}

// "About: 12 (S1 ¶2) versus 14 (S3 ¶5)".
void conflicts_entries(pugi::xml_node ul, const BriefingView& view, const Words& words,
                       const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    const ConflictEntry& c = view.conflicts[i];
    pugi::xml_node li = element(ul, "li");
    text_element(li, "strong", c.conflict->about);
    text(li, ": ");
    bool first_figure = true;
    for (const model::Figure* f : c.figures) {
      if (!first_figure) {
        text(li, words["versus"].empty() ? " / " : " " + words["versus"] + " ");
      }
      first_figure = false;
      text(li, f->text + " (");
      ref_link(li, paragraph_ref(f->block), href);
      text(li, ")");
    }
  }
}

// The conflicts come whole in the head (a briefing has few); the figures are the entries.
pugi::xml_node figures_head(pugi::xml_node parent, const BriefingView& view, const Words& words,
                            const HrefFor& href) {
  pugi::xml_node section = part_section(parent, kPartFigures, words["figures_and_conflicts"]);
  if (!view.conflicts.empty()) {
    text_element(section, "h3", words["conflicts"]);
    conflicts_entries(element(section, "ul", "conflicts"), view, words, href, 0,
                      view.conflicts.size());
  }
  return figures_table(section, view, words);
}

// A later file of a long figures part, or the figures after conflicts put apart: the
// figures' table, without the conflicts.
pugi::xml_node figures_continued(pugi::xml_node parent, const BriefingView& view,
                                 const Words& words, const HrefFor&) {
  return figures_table(part_section(parent, kPartFigures, words["figures_and_conflicts"]), view,
                       words);
}

void figures_entries(pugi::xml_node table, const BriefingView& view, const Words&,
                     const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    const model::Figure* f = view.figures[i];
    pugi::xml_node tr = element(table, "tr");
    tr.append_attribute("id") = f->id.c_str();
    text_element(tr, "td", f->text);
    text_element(tr, "td", f->about.value_or(""));
    ref_link(element(tr, "td"), paragraph_ref(f->block), href);
  }
}

std::size_t figures_count(const BriefingView& view) {
  return view.figures.size();
}

// The conflicts as a part of their own (an EPUB's, when they are too many for the figures'
// first file): their heading and list.
pugi::xml_node conflicts_head(pugi::xml_node parent, const BriefingView&, const Words& words,
                              const HrefFor&) {
  return element(part_section(parent, kPartConflicts, words["conflicts"]), "ul", "conflicts");
}

std::size_t conflicts_count(const BriefingView& view) {
  return view.conflicts.size();
}

std::size_t conflicts_links(const BriefingView& view, std::size_t i) {
  return view.conflicts[i].figures.size();
}

std::size_t conflicts_bytes(const BriefingView& view, std::size_t i) {
  const ConflictEntry& c = view.conflicts[i];
  std::size_t bytes = 40 + c.conflict->about.size();
  for (const model::Figure* f : c.figures) bytes += 16 + f->text.size() + kRefBytes;
  return bytes;
}

std::size_t figures_bytes(const BriefingView& view, std::size_t i) {
  const model::Figure* f = view.figures[i];
  return 80 + f->id.size() + f->text.size() + f->about.value_or("").size() + kRefBytes;
}

pugi::xml_node index_head(pugi::xml_node parent, const BriefingView& view, const Words& words,
                          const HrefFor&) {
  pugi::xml_node section = part_section(parent, kPartIndex, words["index"]);
  if (view.index.empty()) {
    text_element(section, "p", words["none_found"], "empty");
    return {};
  }
  return element(section, "dl", "index");
}

// An index entry: the name with its anchor and aliases, then its type and paragraph links
// `refs` (all of them, or an EPUB's first piece).
void index_entry(pugi::xml_node dl, const EntityEntry& entry, std::span<const ParagraphRef> refs,
                 const Words& words, const HrefFor& href) {
  const model::Entity& e = *entry.entity;
  pugi::xml_node dt = text_element(dl, "dt", e.name);
  dt.append_attribute("id") = index_anchor(e).c_str();
  if (!e.aliases.empty()) {
    std::string also;
    for (const auto& a : e.aliases) also += (also.empty() ? "" : ", ") + a;
    text_element(dt, "span", " (" + also + ")", "aliases");
  }
  pugi::xml_node dd = element(dl, "dd");
  text(dd, type_word(e, words) + ": ");
  append_paragraph_links(dd, refs, href);
}

void index_entries(pugi::xml_node dl, const BriefingView& view, const Words& words,
                   const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t i = first; i < last; ++i) {
    index_entry(dl, view.index[i], view.index[i].paragraphs, words, href);
  }
}

std::size_t index_count(const BriefingView& view) {
  return view.index.size();
}

std::size_t index_links(const BriefingView& view, std::size_t i) {
  return view.index[i].paragraphs.size();
}

std::size_t index_bytes(const BriefingView& view, std::size_t i) {
  const model::Entity& e = *view.index[i].entity;
  std::size_t bytes = 80 + e.name.size() + index_anchor(e).size();
  for (const auto& a : e.aliases) bytes += a.size() + 2;
  return bytes + kRefBytes * view.index[i].paragraphs.size();
}

// A part whose entries are written in pieces (BriefingView::index_pieces): where its pieces
// start, its entries, and how long a whole entry and a later piece's own markup are.
struct PiecedEntries {
  const std::vector<std::size_t>& (*starts)(const BriefingView& view);
  const EntityEntry& (*entry)(const BriefingView& view, std::size_t e);
  std::size_t (*whole_bytes)(const BriefingView& view, std::size_t e);
  std::size_t later_piece_bytes;
};

// Piece `p`: its entry, which piece of the entry it is, and the paragraph links it holds.
struct Piece {
  std::size_t entry = 0, number = 0;
  std::span<const ParagraphRef> refs;
};

template <const PiecedEntries& part>
Piece piece(const BriefingView& view, std::size_t p) {
  const auto& starts = part.starts(view);
  Piece out;
  out.entry =
      static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), p) - starts.begin()) -
      1;
  out.number = p - starts[out.entry];
  const std::vector<ParagraphRef>& all = part.entry(view, out.entry).paragraphs;
  const std::size_t from = std::min(all.size(), out.number * BriefingView::kPieceLinks);
  out.refs = std::span(all).subspan(from, std::min(BriefingView::kPieceLinks, all.size() - from));
  return out;
}

template <const PiecedEntries& part>
std::size_t pieces_count(const BriefingView& view) {
  const auto& starts = part.starts(view);
  return starts.empty() ? 0 : starts.back();
}

template <const PiecedEntries& part>
std::size_t pieces_links(const BriefingView& view, std::size_t p) {
  return piece<part>(view, p).refs.size();
}

template <const PiecedEntries& part>
std::size_t pieces_bytes(const BriefingView& view, std::size_t p) {
  const Piece it = piece<part>(view, p);
  if (it.number > 0) return part.later_piece_bytes + kRefBytes * it.refs.size();
  const std::size_t all = part.entry(view, it.entry).paragraphs.size();
  return part.whole_bytes(view, it.entry) - kRefBytes * (all - it.refs.size());
}

constexpr PiecedEntries kKeyEntityPieces{
    [](const BriefingView& view) -> const std::vector<std::size_t>& {
      return view.key_entity_pieces;
    },
    [](const BriefingView& view, std::size_t e) -> const EntityEntry& {
      return *view.key_entities[e];
    },
    key_entities_bytes, 40};

constexpr PiecedEntries kIndexPieces{
    [](const BriefingView& view) -> const std::vector<std::size_t>& { return view.index_pieces; },
    [](const BriefingView& view, std::size_t e) -> const EntityEntry& { return view.index[e]; },
    index_bytes, 16};

// A key entity's entry in pieces: the first is the entry with its first links; each next is
// a further <dd> of links, under the name again (continued) when it opens a file.
void key_entity_pieces_entries(pugi::xml_node dl, const BriefingView& view, const Words& words,
                               const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t p = first; p < last; ++p) {
    const Piece it = piece<kKeyEntityPieces>(view, p);
    if (it.number == 0) {
      key_entity_entry(dl, *view.key_entities[it.entry], it.refs, words, href);
    } else {
      append_paragraph_links(element(element(dl, "dd"), "p", "refs"), it.refs, href);
    }
  }
}

pugi::xml_node key_entity_pieces_continued(pugi::xml_node parent, const BriefingView& view,
                                           const Words& words, const HrefFor& href,
                                           std::size_t first) {
  pugi::xml_node dl = key_entities_head(parent, view, words, href);
  if (dl && first < pieces_count<kKeyEntityPieces>(view)) {
    const Piece it = piece<kKeyEntityPieces>(view, first);
    if (it.number > 0) {
      const model::Entity& e = *view.key_entities[it.entry]->entity;
      pugi::xml_node dt = element(dl, "dt");
      link(dt, href(kPartIndex, index_anchor(e)), e.name, "entity");
      text(dt, " (" + words["continued"] + ")");
    }
  }
  return dl;
}

// The index in pieces, as the key entities.
void index_pieces_entries(pugi::xml_node dl, const BriefingView& view, const Words& words,
                          const HrefFor& href, std::size_t first, std::size_t last) {
  for (std::size_t p = first; p < last; ++p) {
    const Piece it = piece<kIndexPieces>(view, p);
    if (it.number == 0) {
      index_entry(dl, view.index[it.entry], it.refs, words, href);
    } else {
      append_paragraph_links(element(dl, "dd"), it.refs, href);
    }
  }
}

pugi::xml_node index_pieces_continued(pugi::xml_node parent, const BriefingView& view,
                                      const Words& words, const HrefFor& href, std::size_t first) {
  pugi::xml_node dl = index_head(parent, view, words, href);
  if (dl && first < pieces_count<kIndexPieces>(view)) {
    const Piece it = piece<kIndexPieces>(view, first);
    if (it.number > 0) {
      text_element(dl, "dt", view.index[it.entry].entity->name + " (" + words["continued"] + ")");
    }
  }
  return dl;
}

constexpr const char* kEntriesMark = "dossier: the part's entries go here";

// A part's head serving as the head of its later files, whatever entry they start at.
template <pugi::xml_node (*Head)(pugi::xml_node, const BriefingView&, const Words&, const HrefFor&)>
pugi::xml_node later_file(pugi::xml_node parent, const BriefingView& view, const Words& words,
                          const HrefFor& href, std::size_t) {
  return Head(parent, view, words, href);
}

}  // namespace

const PartSteps kKeyEntitiesPart{key_entities_head,  key_entities_entries,
                                 key_entities_count, key_entities_links,
                                 key_entities_bytes, later_file<key_entities_head>};
const PartSteps kQuotesPart{quotes_head,  quotes_entries, quotes_count,
                            quotes_links, quotes_bytes,   quotes_continued};
const PartSteps kTimelinePart{timeline_head, timeline_entries, timeline_count,
                              one_link,      timeline_bytes,   later_file<timeline_head>};
const PartSteps kFiguresPart{figures_head, figures_entries, figures_count,
                             one_link,     figures_bytes,   later_file<figures_continued>};
const PartSteps kFiguresOnlyPart{figures_continued, figures_entries, figures_count,
                                 one_link,          figures_bytes,   later_file<figures_continued>};
const PartSteps kConflictsPart{conflicts_head,  conflicts_entries, conflicts_count,
                               conflicts_links, conflicts_bytes,   later_file<conflicts_head>};
const PartSteps kIndexPart{index_head,  index_entries, index_count,
                           index_links, index_bytes,   later_file<index_head>};
const PartSteps kKeyEntityPiecesPart{key_entities_head,
                                     key_entity_pieces_entries,
                                     pieces_count<kKeyEntityPieces>,
                                     pieces_links<kKeyEntityPieces>,
                                     pieces_bytes<kKeyEntityPieces>,
                                     key_entity_pieces_continued};
const PartSteps kIndexPiecesPart{index_head,
                                 index_pieces_entries,
                                 pieces_count<kIndexPieces>,
                                 pieces_links<kIndexPieces>,
                                 pieces_bytes<kIndexPieces>,
                                 index_pieces_continued};

void append_part(const PartSteps& part, pugi::xml_node parent, const BriefingView& view,
                 const Words& words, const HrefFor& href) {
  if (pugi::xml_node list = part.head(parent, view, words, href)) {
    part.entries(list, view, words, href, 0, part.count(view));
  }
}

std::vector<EntryRange> part_slices(const PartSteps& part, const BriefingView& view,
                                    EntryRange entries) {
  const std::size_t first = entries.first;
  const std::size_t last = std::min(entries.second, part.count(view));
  if (first >= last) return {};
  auto out = slices(last - first, kSliceEntries, kSliceLinks,
                    [&](std::size_t i) { return part.links(view, first + i); });
  for (auto& [from, to] : out) {
    from += first;
    to += first;
  }
  return out;
}

void write_part(const PartSteps& part, const BriefingView& view, const Words& words,
                const HrefFor& href, pugi::xml_writer& out, unsigned depth, EntryRange entries,
                const PartPieces* pieces) {
  // The head, with a mark where the entries go; the entries then come a slice at a time, each
  // slice's tree freed once written, in the mark's place and at the list's depth.
  std::string head;
  StringXmlWriter head_writer(head);
  unsigned list_depth = depth;
  {
    pugi::xml_document fragment;
    pugi::xml_node list = entries.first == 0
                              ? part.head(fragment, view, words, href)
                              : part.continued(fragment, view, words, href, entries.first);
    if (list) {
      list.append_child(pugi::node_comment).set_value(kEntriesMark);
      list_depth += children_depth(list);
    }
    save_polyglot_fragment(fragment, head_writer, depth);
  }
  const auto span = mark_span(head, kEntriesMark);
  if (!span) {  // nothing found: the head is the part
    out.write(head.data(), head.size());
    return;
  }
  const auto [from, to] = *span;
  out.write(head.data(), from);
  for (const auto& [first, last] : part_slices(part, view, entries)) {
    std::optional<model::Digest> key;
    if (pieces) {
      model::Digester d;
      d.add(pieces->key);
      d.add_number(first);
      d.add_number(last);
      d.add_number(list_depth);
      key = d.value();
      if (const auto piece = pieces->cache.find(*key, PieceKind::Part)) {
        out.write(piece->data(), piece->size());
        continue;
      }
    }
    pugi::xml_document fragment;
    part.entries(fragment, view, words, href, first, last);
    if (!key) {
      save_polyglot_fragment(fragment, out, list_depth);
      continue;
    }
    std::string text;
    StringXmlWriter text_writer(text);
    save_polyglot_fragment(fragment, text_writer, list_depth);
    pieces->cache.store(*key, text);
    out.write(text.data(), text.size());
  }
  out.write(head.data() + to, head.size() - to);
}

void append_part_links(pugi::xml_node list, const Words& words, const HrefFor& href,
                       bool before_sources) {
  const auto item = [&](const char* part, const char* word) {
    link(element(list, "li", "part"), href(part, part), words[word]);
  };
  if (before_sources) {
    item(kPartPeople, "key_people");
    item(kPartQuotes, "quotes_by_speaker");
    item(kPartTimeline, "timeline");
    item(kPartFigures, "figures_and_conflicts");
  } else {
    item(kPartIndex, "index");
  }
}

}  // namespace dossier::emit
