#include "model/serialize.h"

#include <nlohmann/json.hpp>

namespace nlohmann {
template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& j, const std::optional<T>& v) {
    if (v) {
      j = *v;
    } else {
      j = nullptr;
    }
  }
  static void from_json(const json& j, std::optional<T>& v) {
    if (j.is_null()) {
      v.reset();
    } else {
      v = j.get<T>();
    }
  }
};
}  // namespace nlohmann

namespace dossier::model {

// Field lists, one per model record; enums travel as their numbers.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Position, line, col)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Fix, kind, at, before, after)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Removal, first_line, last_line, text, rule)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(MetadataLine, first_line, last_line, text, field)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Line, text, origin, last_line)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Span, kind, start, end, href)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Block, id, kind, level, text, spans, origin, last_line, children,
                                   see_also, src, start, checked, loose, align)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(SourceMeta, title, subtitle, outlet, authors, date, url,
                                   language, translated_from, category, original_title)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Quote, id, block, blocks, text, speaker, speaker_name)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Mention, block, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(NameMention, at, text, full, type, known, role, person_cue)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(DateMention, block, text, iso, precision, start, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Figure, id, block, text, value, unit, about, start, end, measure)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Source, id, path, resolved_path, format, status, meta, given,
                                   text, lines, blocks, fixes, removals, metadata_lines,
                                   translation_note, quotes, names, dates, figures)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Diagnostic, severity, code, path, line, col, message)

namespace {
// Bump when a model record changes shape: older files are then refused.
constexpr int kFormatVersion = 5;
}  // namespace

std::string write_source(const SourceRecord& record, std::string_view key) {
  nlohmann::json j;
  j["dossier_source_format"] = kFormatVersion;
  j["key"] = key;
  j["source"] = record.source;
  j["diagnostics"] = record.diagnostics;
  // CBOR rather than JSON text: strings keep their bytes as they are (a decode fix keeps the
  // invalid bytes it replaced, which JSON text cannot carry), and it is smaller and faster.
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_cbor(j);
  return std::string(bytes.begin(), bytes.end());
}

std::optional<SourceRecord> read_source(std::string_view text,
                                        std::optional<std::string_view> expected_key) {
  const auto j = nlohmann::json::from_cbor(text, /*strict=*/true, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    if (j.value("dossier_source_format", 0) != kFormatVersion) return std::nullopt;
    if (expected_key && j.value("key", std::string()) != *expected_key) return std::nullopt;
    return SourceRecord{j.at("source").get<Source>(),
                        j.at("diagnostics").get<std::vector<Diagnostic>>()};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace dossier::model
