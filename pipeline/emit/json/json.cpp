// briefing.json: the schema of DESIGN.md §5. Unknown values are null, never "" or a guess.
#include <sstream>

#include "emit/emit.h"
#include "emit/json/json_writer.h"
#include "emit/piece_cache.h"

namespace dossier::emit {

namespace {

// One writer per record type; `list` writes a named array of any of them.
template <class T>
void list(JsonWriter& w, std::string_view name, const std::vector<T>& items);

void put(JsonWriter& w, const model::Span& sp) {
  w.begin_object();
  w.member("kind", model::to_string(sp.kind));
  w.member("start", sp.start);
  w.member("end", sp.end);
  if (sp.kind == model::SpanKind::Link) w.member("href", sp.href);
  if (sp.kind == model::SpanKind::FootnoteRef) w.member("note", std::stoi(sp.href));
  w.end_object();
}

// A table's alignment per column: "left", "center", "right" or null.
void put_align(JsonWriter& w, const std::string& align) {
  w.key("align");
  w.begin_array();
  for (const char a : align) {
    if (a == 'l' || a == 'c' || a == 'r') {
      w.value(a == 'l' ? "left" : a == 'c' ? "center" : "right");
    } else {
      w.null();
    }
  }
  w.end_array();
}

void put(JsonWriter& w, const model::Block& block) {
  using model::BlockKind;
  w.begin_object();
  w.member("id", block.id);
  w.member("kind", model::to_string(block.kind));
  w.key("level");
  if (block.kind == BlockKind::Heading) {
    w.value(block.level);
  } else {
    w.null();
  }
  w.member("text", block.text);
  if (!block.spans.empty()) list(w, "spans", block.spans);
  w.member("line", block.origin.line);
  list(w, "children", block.children);
  w.member("see_also", block.see_also);
  if (block.kind == BlockKind::Image) w.member("src", block.src);  // the file as written
  if (block.kind == BlockKind::List && block.level == 1) w.member("start", block.start);
  if (block.kind == BlockKind::List) w.member("loose", block.loose);
  if (block.kind == BlockKind::Footnote) w.member("note", block.start);  // the number shown
  if (block.kind == BlockKind::Table) put_align(w, block.align);
  if (block.checked) w.member("checked", *block.checked);  // a task list item
  w.end_object();
}

void put(JsonWriter& w, const model::Fix& fix) {
  w.begin_object();
  w.member("kind", model::to_string(fix.kind));
  w.member("line", fix.at.line);
  w.member("col", fix.at.col);
  w.member("before", fix.before);
  w.member("after", fix.after);
  w.end_object();
}

void put(JsonWriter& w, const model::Removal& r) {
  w.begin_object();
  w.member("line", r.first_line);
  w.member("last_line", r.last_line);
  w.member("text", r.text);
  w.member("rule", r.rule);
  w.end_object();
}

void put(JsonWriter& w, const model::Source& source) {
  const model::SourceMeta& m = source.meta;
  w.begin_object();
  w.member("id", source.id);
  w.member("path", source.path);
  w.member("title", m.title);
  w.member("subtitle", m.subtitle);
  w.member("outlet", m.outlet);
  w.member("authors", m.authors);
  w.member("date", m.date);
  w.member("url", m.url);
  w.member("language", m.language);
  w.member("translated_from", m.translated_from);
  w.member("category", m.category);
  w.member("original_title", m.original_title);
  w.member("translation_note", source.translation_note);
  w.member("status", model::to_string(source.status));
  list(w, "blocks", source.blocks);
  list(w, "fixes", source.fixes);
  list(w, "removals", source.removals);
  w.end_object();
}

void put(JsonWriter& w, const model::Mention& m) {
  w.begin_object();
  w.member("block", m.block);
  w.member("start", m.start);
  w.member("end", m.end);
  w.end_object();
}

void put(JsonWriter& w, const model::Entity& e) {
  w.begin_object();
  w.member("id", e.id);
  w.member("name", e.name);
  w.member("type", model::to_string(e.type));
  w.member("aliases", e.aliases);
  w.member("roles", e.roles);
  list(w, "mentions", e.mentions);
  w.end_object();
}

void put(JsonWriter& w, const model::Quote& q) {
  w.begin_object();
  w.member("id", q.id);
  w.member("block", q.block);
  w.member("blocks", q.blocks);
  w.member("text", q.text);
  w.member("speaker", q.speaker);
  w.end_object();
}

void put(JsonWriter& w, const model::DateMention& d) {
  w.begin_object();
  w.member("block", d.block);
  w.member("text", d.text);
  w.member("iso", d.iso);
  w.member("precision", d.precision);
  w.end_object();
}

void put(JsonWriter& w, const model::Figure& f) {
  w.begin_object();
  w.member("id", f.id);
  w.member("block", f.block);
  w.member("text", f.text);
  w.member("value", f.value);
  w.member("unit", f.unit);
  w.member("about", f.about);
  w.end_object();
}

void put(JsonWriter& w, const model::Conflict& c) {
  w.begin_object();
  w.member("about", c.about);
  w.member("figures", c.figures);
  w.member("blocks", c.blocks);
  w.end_object();
}

template <class T>
void list(JsonWriter& w, std::string_view name, const std::vector<T>& items) {
  w.key(name);
  w.begin_array();
  for (const auto& item : items) put(w, item);
  w.end_array();
}

// The sources, each copied from an earlier build's rendering when `options` has one kept under
// the same key (see piece_cache.h): their objects are two thirds of the document.
void list_sources(JsonWriter& w, const model::Briefing& b, const EmitOptions* options) {
  if (!options || !options->pieces) {
    list(w, "sources", b.sources);
    return;
  }
  w.key("sources");
  w.begin_array();
  for (std::size_t i = 0; i < b.sources.size(); ++i) {
    const model::Digest key = chapter_key(*options, b, i, nullptr, "json source");
    if (const auto piece = options->pieces->find(key)) {
      w.raw_value(*piece);
      continue;
    }
    std::ostringstream rendered;
    {
      JsonWriter one(rendered, 2);  // in the document's object, in its sources array
      put(one, b.sources[i]);
    }
    const std::string piece = std::move(rendered).str();
    options->pieces->store(key, piece);
    w.raw_value(piece);
  }
  w.end_array();
}

void write_document(const model::Briefing& b, const std::string& version,
                    const EmitOptions* options, std::ostream& out) {
  JsonWriter w(out);
  w.begin_object();
  w.member("dossier_version", version);
  w.member("title", b.title);
  w.member("subtitle", b.subtitle);
  w.member("author", b.author);
  w.member("date", b.date);
  w.member("language", b.language);
  list_sources(w, b, options);
  list(w, "entities", b.entities);
  list(w, "quotes", b.quotes);
  list(w, "dates", b.dates);
  list(w, "figures", b.figures);
  list(w, "conflicts", b.conflicts);
  w.end_object();
}

}  // namespace

void write_briefing_json(const model::Briefing& b, const std::string& version, std::ostream& out) {
  write_document(b, version, nullptr, out);
}

std::string briefing_json(const model::Briefing& b, const std::string& version) {
  std::ostringstream out;
  write_briefing_json(b, version, out);
  return std::move(out).str();
}

model::Result<bool> write_json(const model::Briefing& briefing, const EmitOptions& options,
                               std::ostream& out) {
  write_document(briefing, options.version, &options, out);
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
