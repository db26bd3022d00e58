// What the whole-pipeline fuzz targets share: the input as a plain-text and a Markdown source
// (its first line also the briefing's title) through ingest, normalize, structure, annotate
// and crossref, both ledgers checked; and the check that text from the input never became
// active content in an (X)HTML document.
#pragma once

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/annotate.h"
#include "crossref/crossref.h"
#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

namespace dossier::fuzz {

inline std::shared_ptr<const annotate::Gazetteer> pipeline_gazetteer() {
  static const auto g = [] {
    auto g = std::make_shared<annotate::Gazetteer>();
    g->add({"Ukraine", model::EntityType::Place, {}, {"Ukrainian"}});
    g->add({"Volodymyr Zelensky", model::EntityType::Person, {"Zelenskyy", "Zelensky"}, {}});
    g->add({"United Nations", model::EntityType::Organization, {"UN"}, {}});
    g->add_given_name("Olga");
    return g;
  }();
  return g;
}

inline model::Source analysed(const std::string& text, bool markdown, std::size_t index) {
  model::Diagnostics diag;
  model::Source source;
  source.path = markdown ? "fuzz.md" : "fuzz.txt";
  source.text = text;
  source.format = markdown ? model::SourceFormat::Markdown : model::SourceFormat::PlainText;
  source = normalize::normalize(std::move(source), {});
  source = structure::structure(std::move(source), {}, diag);
  fuzz::check_ledger(source);
  annotate::AnnotateOptions options;
  options.gazetteer = pipeline_gazetteer();
  return annotate::annotate(std::move(source), index, options);
}

// The briefing of the input as two sources; nothing when ingest refuses it (binary, empty).
inline std::optional<model::Briefing> pipeline_briefing(std::string_view bytes) {
  model::Diagnostics diag;
  auto decoded = ingest::decode_bytes(bytes, "fuzz", diag);
  if (!decoded) return std::nullopt;
  const std::string& text = decoded.value().text;
  std::vector<model::Source> sources = {analysed(text, false, 0), analysed(text, true, 1)};
  crossref::BriefingInfo info;
  info.title = text.substr(0, std::min(text.find('\n'), std::size_t{200}));
  if (info.title.empty()) info.title = "Fuzz";
  info.date = "2025-05-15";
  return crossref::cross_reference(info, std::move(sources));
}

inline std::string lower_without_space(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) > ' ') out += static_cast<char>(std::tolower(c));
  }
  return out;
}

// No script, frame or plug-in element, no on… attribute, no javascript: URL.
inline void check_inactive(const pugi::xml_node& node) {
  for (const pugi::xml_node& n : node.children()) {
    if (n.type() != pugi::node_element) continue;
    const std::string name = lower_without_space(n.name());
    check(name != "script" && name != "iframe" && name != "object" && name != "embed",
          "no active element", name);
    for (const pugi::xml_attribute& a : n.attributes()) {
      const std::string attr = lower_without_space(a.name());
      check(!attr.starts_with("on"), "no event attribute", attr);
      check(!lower_without_space(a.value()).starts_with("javascript:"), "no javascript: URL",
            a.value());
    }
    check_inactive(n);
  }
}

}  // namespace dossier::fuzz
