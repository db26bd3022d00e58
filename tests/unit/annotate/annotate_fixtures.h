// Sources from paragraphs, annotated and cross-referenced, for annotate and crossref tests.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "annotate/annotate.h"
#include "crossref/crossref.h"
#include "model/model.h"

namespace dossier::fixtures {

inline model::Source source_of(const std::vector<std::string>& paragraphs,
                               std::optional<std::string> date = std::nullopt) {
  model::Source s;
  for (const auto& text : paragraphs) {
    model::Block b;
    b.kind = text.starts_with("# ") ? model::BlockKind::Heading : model::BlockKind::Paragraph;
    b.text = text.starts_with("# ") ? text.substr(2) : text;
    s.blocks.push_back(b);
  }
  s.given.date = std::move(date);
  return s;
}

// A small gazetteer: enough to show what a known name changes, nothing the rules rely on.
inline std::shared_ptr<annotate::Gazetteer> small_gazetteer() {
  auto g = std::make_shared<annotate::Gazetteer>();
  g->add({"Russia", model::EntityType::Place, {"Russian Federation"}, {"Russian", "Russians"}});
  g->add({"Ukraine", model::EntityType::Place, {}, {"Ukrainian", "Ukrainians"}});
  g->add({"Kyiv", model::EntityType::Place, {"Kiev"}, {}});
  g->add({"United States", model::EntityType::Place, {"US", "U.S."}, {"American"}});
  g->add({"Kremlin", model::EntityType::Organization, {}, {}});
  g->add({"NATO", model::EntityType::Organization, {"Nato"}, {}});
  for (const char* name : {"Olga", "Tatiana", "Helen", "Daniel", "Boris", "Vladimir"}) {
    g->add_given_name(name);
  }
  return g;
}

inline model::Briefing briefing_of(const std::vector<model::Source>& sources,
                                   std::shared_ptr<annotate::Gazetteer> gazetteer = nullptr) {
  annotate::AnnotateOptions options;
  options.gazetteer = gazetteer ? gazetteer : small_gazetteer();
  std::vector<model::Source> annotated;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    annotated.push_back(annotate::annotate(sources[i], i, options));
  }
  crossref::BriefingInfo info;
  info.title = "Test";
  info.date = "2025-05-15";
  return crossref::cross_reference(info, std::move(annotated));
}

inline model::Briefing briefing_of(const model::Source& source) {
  return briefing_of(std::vector<model::Source>{source});
}

inline const model::Entity* entity_named(const model::Briefing& b, const std::string& name) {
  for (const auto& e : b.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

// The name of the speaker of the quotation starting with `start`, "" for none, "?" if absent.
inline std::string speaker_of(const model::Briefing& b, const std::string& start) {
  for (const auto& q : b.quotes) {
    if (!q.text.starts_with(start)) continue;
    if (!q.speaker) return "";
    for (const auto& e : b.entities) {
      if (e.id == *q.speaker) return e.name;
    }
    return "?dangling";
  }
  return "?no such quotation";
}

}  // namespace dossier::fixtures
