#include "cli/entity_file.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "cli/yaml_reader.h"

namespace dossier::cli {

namespace {

using model::DiagCode;
using model::EntityType;

constexpr std::array<std::pair<std::string_view, EntityType>, 5> kSections = {{
    {"countries", EntityType::Place},
    {"places", EntityType::Place},
    {"organizations", EntityType::Organization},
    {"people", EntityType::Person},
    {"events", EntityType::Event},
}};

void read_entry(const YAML::Node& node, EntityType type, annotate::Gazetteer& gazetteer,
                YamlReporter& report) {
  annotate::GazetteerEntry entry;
  entry.type = type;
  if (node.IsScalar()) {
    entry.name = node.Scalar();
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      if (key == "name") {
        entry.name = scalar(kv.second, key, report).value_or("");
      } else if (key == "aliases") {
        entry.aliases = string_list(kv.second, key, report);
      } else if (key == "demonyms") {
        entry.demonyms = string_list(kv.second, key, report);
      } else {
        report.warning(kv.first, DiagCode::JobUnknownKey,
                       "unknown entity key '" + key + "' ignored");
      }
    }
  } else {
    report.error(node, DiagCode::JobWrongType, "an entity must be a name or a map with 'name'");
    return;
  }
  if (entry.name.empty()) {
    report.error(node, DiagCode::JobMissingKey, "an entity needs a 'name'");
    return;
  }
  gazetteer.add(std::move(entry));
}

}  // namespace

void load_entities(const std::filesystem::path& file, annotate::Gazetteer& gazetteer,
                   model::Diagnostics& diag) {
  const std::string path = file.string();
  const auto text = read_text(file);
  if (!text) {
    diag.error(DiagCode::Unreadable, path, 0, 0, "cannot read entity file");
    return;
  }
  const auto root = parse_yaml(*text, path, diag);
  if (!root) return;
  YamlReporter report{path, diag};
  if (root->IsNull()) return;
  if (!root->IsMap()) {
    report.error(*root, DiagCode::JobWrongType,
                 "an entity file is a map of sections (countries, places, organizations, "
                 "people, events, given_names)");
    return;
  }
  for (const auto& kv : *root) {
    const std::string key = kv.first.Scalar();
    if (key == "given_names") {
      for (const auto& name : string_list(kv.second, key, report)) gazetteer.add_given_name(name);
      continue;
    }
    const auto* section = std::find_if(kSections.begin(), kSections.end(),
                                       [&](const auto& s) { return s.first == key; });
    if (section == kSections.end()) {
      report.warning(kv.first, DiagCode::JobUnknownKey, "unknown section '" + key + "' ignored");
      continue;
    }
    if (kv.second.IsNull()) continue;
    if (!kv.second.IsSequence()) {
      report.error(kv.second, DiagCode::JobWrongType, "'" + key + "' must be a list");
      continue;
    }
    for (const auto& item : kv.second) read_entry(item, section->second, gazetteer, report);
  }
}

}  // namespace dossier::cli
