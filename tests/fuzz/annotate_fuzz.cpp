// Fuzz target over the whole analysis: ingest, normalize, structure, annotate and crossref
// (two sources, the input and its Markdown reading). Any text must annotate without crashing,
// and every annotation must point inside the text it annotates.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <string_view>

#include "annotate/annotate.h"
#include "crossref/crossref.h"
#include "ingest/ingest.h"
#include "model/utf8.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

namespace {

using namespace dossier;

void check(bool ok, const char* what) {
  if (ok) return;
  std::cerr << "fuzz check failed: " << what << "\n";
  std::abort();
}

std::shared_ptr<const annotate::Gazetteer> gazetteer() {
  static const auto g = [] {
    auto g = std::make_shared<annotate::Gazetteer>();
    g->add({"Russia", model::EntityType::Place, {"Russian Federation"}, {"Russian"}});
    g->add({"United States", model::EntityType::Place, {"US", "U.S."}, {"American"}});
    g->add({"Vladimir Putin", model::EntityType::Person, {"Putin"}, {}});
    g->add({"Lloyd's of London", model::EntityType::Organization, {"Lloyd's"}, {}});
    for (const char* name : {"Olga", "Helen", "Vladimir"}) g->add_given_name(name);
    return g;
  }();
  return g;
}

model::Source analysed(std::string_view bytes, bool markdown, std::size_t index) {
  model::Diagnostics diag;
  model::Source source;
  auto decoded = ingest::decode_bytes(bytes, "fuzz", diag);
  if (!decoded) return source;
  source.text = decoded.value().text;
  source.format = markdown ? model::SourceFormat::Markdown : model::SourceFormat::PlainText;
  source.given.date = "2025-04-22";
  source = normalize::normalize(std::move(source), {});
  source = structure::structure(std::move(source), {}, diag);
  annotate::AnnotateOptions options;
  options.gazetteer = gazetteer();
  return annotate::annotate(std::move(source), index, options);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<model::Source> sources = {analysed(bytes, false, 0), analysed(bytes, true, 1)};
  crossref::BriefingInfo info;
  info.title = "fuzz";
  info.date = "2025-04-22";
  const model::Briefing b = crossref::cross_reference(info, std::move(sources));

  std::map<std::string, std::size_t> length;  // block id → code points
  for (const auto& s : b.sources) {
    for (const auto& block : s.blocks) length[block.id] = model::utf8::length(block.text);
  }
  auto inside = [&](const std::string& block, int start, int end) {
    const auto it = length.find(block);
    return it != length.end() && 0 <= start && start <= end &&
           static_cast<std::size_t>(end) <= it->second;
  };
  std::set<std::string> ids;
  for (const auto& e : b.entities) {
    check(ids.insert(e.id).second, "entity ids are unique");
    check(!e.mentions.empty(), "an entity has mentions");
    for (const auto& m : e.mentions) check(inside(m.block, m.start, m.end), "mention in block");
  }
  for (const auto& q : b.quotes) {
    check(length.contains(q.block), "quote block exists");
    check(!q.speaker || ids.contains(*q.speaker), "quote speaker is an entity");
  }
  std::set<std::string> figures;
  for (const auto& f : b.figures) {
    figures.insert(f.id);
    check(inside(f.block, f.start, f.end), "figure in block");
  }
  for (const auto& d : b.dates) check(inside(d.block, d.start, d.end), "date in block");
  for (const auto& c : b.conflicts) {
    for (const auto& f : c.figures) check(figures.contains(f), "conflict figure exists");
  }
  for (const auto& s : b.sources) {
    for (const auto& block : s.blocks) {
      for (const auto& other : block.see_also) check(length.contains(other), "see-also exists");
    }
  }
  return 0;
}
