// briefing.json: the schema of DESIGN.md §5. Unknown values are null, never "" or a guess.
#include <sstream>

#include "emit/emit.h"
#include "emit/json/json_writer.h"

namespace dossier::emit {

namespace {

void write_block(JsonWriter& w, const model::Block& block) {
  w.begin_object();
  w.key("id");
  w.value(block.id);
  w.key("kind");
  w.value(model::to_string(block.kind));
  w.key("level");
  if (block.kind == model::BlockKind::Heading) {
    w.value(block.level);
  } else {
    w.null();
  }
  w.key("text");
  w.value(block.text);
  if (!block.spans.empty()) {
    w.key("spans");
    w.begin_array();
    for (const auto& sp : block.spans) {
      w.begin_object();
      w.key("kind");
      w.value(model::to_string(sp.kind));
      w.key("start");
      w.value(sp.start);
      w.key("end");
      w.value(sp.end);
      if (sp.kind == model::SpanKind::Link) {
        w.key("href");
        w.value(sp.href);
      }
      if (sp.kind == model::SpanKind::FootnoteRef) {
        w.key("note");
        w.value(std::stoi(sp.href));
      }
      w.end_object();
    }
    w.end_array();
  }
  w.key("line");
  w.value(block.origin.line);
  w.key("children");
  w.begin_array();
  for (const auto& child : block.children) write_block(w, child);
  w.end_array();
  w.key("see_also");
  w.value(block.see_also);
  if (block.kind == model::BlockKind::Image) {  // the file as written
    w.key("src");
    w.value(block.src);
  }
  if (block.kind == model::BlockKind::List && block.level == 1) {
    w.key("start");
    w.value(block.start);
  }
  if (block.kind == model::BlockKind::List) {
    w.key("loose");
    w.value(block.loose);
  }
  if (block.kind == model::BlockKind::Footnote) {  // the number shown
    w.key("note");
    w.value(block.start);
  }
  if (block.kind == model::BlockKind::Table) {  // per column: "left", "center", "right" or null
    w.key("align");
    w.begin_array();
    for (const char a : block.align) {
      if (a == 'l' || a == 'c' || a == 'r') {
        w.value(a == 'l' ? "left" : a == 'c' ? "center" : "right");
      } else {
        w.null();
      }
    }
    w.end_array();
  }
  if (block.checked) {  // a task list item
    w.key("checked");
    w.value(*block.checked);
  }
  w.end_object();
}

void write_source(JsonWriter& w, const model::Source& source) {
  const model::SourceMeta& m = source.meta;
  w.begin_object();
  w.key("id");
  w.value(source.id);
  w.key("path");
  w.value(source.path);
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"title", &m.title},
      {"subtitle", &m.subtitle},
      {"outlet", &m.outlet},
  };
  for (const auto& [name, field] : fields) {
    w.key(name);
    w.value(*field);
  }
  w.key("authors");
  w.value(m.authors);
  const std::pair<const char*, const std::optional<std::string>*> more[] = {
      {"date", &m.date},
      {"url", &m.url},
      {"language", &m.language},
      {"translated_from", &m.translated_from},
      {"category", &m.category},
      {"original_title", &m.original_title},
      {"translation_note", &source.translation_note},
  };
  for (const auto& [name, field] : more) {
    w.key(name);
    w.value(*field);
  }
  w.key("status");
  w.value(model::to_string(source.status));
  w.key("blocks");
  w.begin_array();
  for (const auto& block : source.blocks) write_block(w, block);
  w.end_array();
  w.key("fixes");
  w.begin_array();
  for (const auto& fix : source.fixes) {
    w.begin_object();
    w.key("kind");
    w.value(model::to_string(fix.kind));
    w.key("line");
    w.value(fix.at.line);
    w.key("col");
    w.value(fix.at.col);
    w.key("before");
    w.value(fix.before);
    w.key("after");
    w.value(fix.after);
    w.end_object();
  }
  w.end_array();
  w.key("removals");
  w.begin_array();
  for (const auto& r : source.removals) {
    w.begin_object();
    w.key("line");
    w.value(r.first_line);
    w.key("last_line");
    w.value(r.last_line);
    w.key("text");
    w.value(r.text);
    w.key("rule");
    w.value(r.rule);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_entity(JsonWriter& w, const model::Entity& e) {
  w.begin_object();
  w.key("id");
  w.value(e.id);
  w.key("name");
  w.value(e.name);
  w.key("type");
  w.value(model::to_string(e.type));
  w.key("aliases");
  w.value(e.aliases);
  w.key("roles");
  w.value(e.roles);
  w.key("mentions");
  w.begin_array();
  for (const auto& m : e.mentions) {
    w.begin_object();
    w.key("block");
    w.value(m.block);
    w.key("start");
    w.value(m.start);
    w.key("end");
    w.value(m.end);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_briefing_json(const model::Briefing& b, const std::string& version, std::ostream& out) {
  JsonWriter w(out);
  w.begin_object();
  w.key("dossier_version");
  w.value(version);
  w.key("title");
  w.value(b.title);
  w.key("subtitle");
  w.value(b.subtitle);
  w.key("author");
  w.value(b.author);
  w.key("date");
  w.value(b.date);
  w.key("language");
  w.value(b.language);
  w.key("sources");
  w.begin_array();
  for (const auto& s : b.sources) write_source(w, s);
  w.end_array();
  w.key("entities");
  w.begin_array();
  for (const auto& e : b.entities) write_entity(w, e);
  w.end_array();
  w.key("quotes");
  w.begin_array();
  for (const auto& q : b.quotes) {
    w.begin_object();
    w.key("id");
    w.value(q.id);
    w.key("block");
    w.value(q.block);
    w.key("blocks");
    w.value(q.blocks);
    w.key("text");
    w.value(q.text);
    w.key("speaker");
    w.value(q.speaker);
    w.end_object();
  }
  w.end_array();
  w.key("dates");
  w.begin_array();
  for (const auto& d : b.dates) {
    w.begin_object();
    w.key("block");
    w.value(d.block);
    w.key("text");
    w.value(d.text);
    w.key("iso");
    w.value(d.iso);
    w.key("precision");
    w.value(d.precision);
    w.end_object();
  }
  w.end_array();
  w.key("figures");
  w.begin_array();
  for (const auto& f : b.figures) {
    w.begin_object();
    w.key("id");
    w.value(f.id);
    w.key("block");
    w.value(f.block);
    w.key("text");
    w.value(f.text);
    w.key("value");
    w.value(f.value);
    w.key("unit");
    w.value(f.unit);
    w.key("about");
    w.value(f.about);
    w.end_object();
  }
  w.end_array();
  w.key("conflicts");
  w.begin_array();
  for (const auto& c : b.conflicts) {
    w.begin_object();
    w.key("about");
    w.value(c.about);
    w.key("figures");
    w.value(c.figures);
    w.key("blocks");
    w.value(c.blocks);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

std::string briefing_json(const model::Briefing& b, const std::string& version) {
  std::ostringstream out;
  write_briefing_json(b, version, out);
  return std::move(out).str();
}

model::Result<bool> write_json(const model::Briefing& briefing, const EmitOptions& options,
                               std::ostream& out) {
  write_briefing_json(briefing, options.version, out);
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
