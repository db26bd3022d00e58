// briefing.json: the schema of DESIGN.md §5. Unknown values are null, never "" or a guess.
#include <nlohmann/json.hpp>

#include "emit/emit.h"

namespace dossier::emit {

using Json = nlohmann::ordered_json;

namespace {

Json optional(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json block_json(const model::Block& block) {
  Json j;
  j["id"] = block.id;
  j["kind"] = model::to_string(block.kind);
  j["level"] = block.kind == model::BlockKind::Heading ? Json(block.level) : Json(nullptr);
  j["text"] = block.text;
  if (!block.spans.empty()) {
    j["spans"] = Json::array();
    for (const auto& sp : block.spans) {
      Json span = {{"kind", model::to_string(sp.kind)}, {"start", sp.start}, {"end", sp.end}};
      if (sp.kind == model::SpanKind::Link) span["href"] = sp.href;
      if (sp.kind == model::SpanKind::FootnoteRef) span["note"] = std::stoi(sp.href);
      j["spans"].push_back(span);
    }
  }
  j["line"] = block.origin.line;
  j["children"] = Json::array();
  for (const auto& child : block.children) j["children"].push_back(block_json(child));
  j["see_also"] = block.see_also;
  if (block.kind == model::BlockKind::Image) j["src"] = block.src;  // the file as written
  if (block.kind == model::BlockKind::List && block.level == 1) j["start"] = block.start;
  if (block.kind == model::BlockKind::List) j["loose"] = block.loose;
  if (block.kind == model::BlockKind::Footnote) j["note"] = block.start;  // the number shown
  if (block.kind == model::BlockKind::Table) {  // per column: "left", "center", "right" or null
    j["align"] = Json::array();
    for (const char a : block.align) {
      j["align"].push_back(a == 'l'   ? Json("left")
                           : a == 'c' ? Json("center")
                           : a == 'r' ? Json("right")
                                      : Json(nullptr));
    }
  }
  if (block.checked) j["checked"] = *block.checked;  // a task list item
  return j;
}

Json source_json(const model::Source& source) {
  const model::SourceMeta& m = source.meta;
  Json j;
  j["id"] = source.id;
  j["path"] = source.path;
  j["title"] = optional(m.title);
  j["subtitle"] = optional(m.subtitle);
  j["outlet"] = optional(m.outlet);
  j["authors"] = m.authors;
  j["date"] = optional(m.date);
  j["url"] = optional(m.url);
  j["language"] = optional(m.language);
  j["translated_from"] = optional(m.translated_from);
  j["category"] = optional(m.category);
  j["original_title"] = optional(m.original_title);
  j["translation_note"] = optional(source.translation_note);
  j["status"] = model::to_string(source.status);
  j["blocks"] = Json::array();
  for (const auto& block : source.blocks) j["blocks"].push_back(block_json(block));
  j["fixes"] = Json::array();
  for (const auto& fix : source.fixes) {
    j["fixes"].push_back({{"kind", model::to_string(fix.kind)},
                          {"line", fix.at.line},
                          {"col", fix.at.col},
                          {"before", fix.before},
                          {"after", fix.after}});
  }
  j["removals"] = Json::array();
  for (const auto& r : source.removals) {
    j["removals"].push_back(
        {{"line", r.first_line}, {"last_line", r.last_line}, {"text", r.text}, {"rule", r.rule}});
  }
  return j;
}

Json mentions_json(const std::vector<model::Mention>& mentions) {
  Json list = Json::array();
  for (const auto& m : mentions) {
    list.push_back({{"block", m.block}, {"start", m.start}, {"end", m.end}});
  }
  return list;
}

}  // namespace

std::string briefing_json(const model::Briefing& b, const std::string& version) {
  Json j;
  j["dossier_version"] = version;
  j["title"] = b.title;
  j["subtitle"] = optional(b.subtitle);
  j["author"] = optional(b.author);
  j["date"] = b.date;
  j["language"] = b.language;
  j["sources"] = Json::array();
  for (const auto& s : b.sources) j["sources"].push_back(source_json(s));
  j["entities"] = Json::array();
  for (const auto& e : b.entities) {
    j["entities"].push_back({{"id", e.id},
                             {"name", e.name},
                             {"type", model::to_string(e.type)},
                             {"aliases", e.aliases},
                             {"roles", e.roles},
                             {"mentions", mentions_json(e.mentions)}});
  }
  j["quotes"] = Json::array();
  for (const auto& q : b.quotes) {
    j["quotes"].push_back({{"id", q.id},
                           {"block", q.block},
                           {"blocks", q.blocks},
                           {"text", q.text},
                           {"speaker", optional(q.speaker)}});
  }
  j["dates"] = Json::array();
  for (const auto& d : b.dates) {
    j["dates"].push_back({{"block", d.block},
                          {"text", d.text},
                          {"iso", optional(d.iso)},
                          {"precision", d.precision}});
  }
  j["figures"] = Json::array();
  for (const auto& f : b.figures) {
    j["figures"].push_back({{"id", f.id},
                            {"block", f.block},
                            {"text", f.text},
                            {"value", f.value},
                            {"unit", optional(f.unit)},
                            {"about", optional(f.about)}});
  }
  j["conflicts"] = Json::array();
  for (const auto& c : b.conflicts) {
    j["conflicts"].push_back({{"about", c.about}, {"figures", c.figures}, {"blocks", c.blocks}});
  }
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

model::Result<bool> write_json(const model::Briefing& briefing, const EmitOptions& options,
                               std::ostream& out) {
  out << briefing_json(briefing, options.version);
  return static_cast<bool>(out);
}

}  // namespace dossier::emit
