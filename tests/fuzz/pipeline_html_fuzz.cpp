// Fuzz target over the whole pipeline to HTML: the input as a plain-text and a Markdown
// source (its first line also the briefing's title) → ingest, normalize, structure, annotate,
// crossref → the HTML page. The page must be well-formed XML (polyglot HTML5), and text from
// the input must never become active content: no script element, no on… attribute, no
// javascript: URL. Both sources' ledgers balance.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>

#include "annotate/annotate.h"
#include "crossref/crossref.h"
#include "emit/emit.h"
#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

using namespace dossier;

namespace {

std::shared_ptr<const annotate::Gazetteer> gazetteer() {
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

model::Source analysed(const std::string& text, bool markdown, std::size_t index) {
  model::Diagnostics diag;
  model::Source source;
  source.path = markdown ? "fuzz.md" : "fuzz.txt";
  source.text = text;
  source.format = markdown ? model::SourceFormat::Markdown : model::SourceFormat::PlainText;
  source = normalize::normalize(std::move(source), {});
  source = structure::structure(std::move(source), {}, diag);
  fuzz::check_ledger(source);
  annotate::AnnotateOptions options;
  options.gazetteer = gazetteer();
  return annotate::annotate(std::move(source), index, options);
}

std::string lower_without_space(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) > ' ') out += static_cast<char>(std::tolower(c));
  }
  return out;
}

void check_inactive(const pugi::xml_node& node) {
  for (const pugi::xml_node& n : node.children()) {
    if (n.type() != pugi::node_element) continue;
    const std::string name = lower_without_space(n.name());
    fuzz::check(name != "script" && name != "iframe" && name != "object" && name != "embed",
                "no active element", name);
    for (const pugi::xml_attribute& a : n.attributes()) {
      const std::string attr = lower_without_space(a.name());
      fuzz::check(!attr.starts_with("on"), "no event attribute", attr);
      fuzz::check(!lower_without_space(a.value()).starts_with("javascript:"), "no javascript: URL",
                  a.value());
    }
    check_inactive(n);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  auto decoded = ingest::decode_bytes(bytes, "fuzz", diag);
  if (!decoded) return 0;
  const std::string& text = decoded.value().text;
  std::vector<model::Source> sources = {analysed(text, false, 0), analysed(text, true, 1)};
  crossref::BriefingInfo info;
  info.title = text.substr(0, std::min(text.find('\n'), std::size_t{200}));
  if (info.title.empty()) info.title = "Fuzz";
  info.date = "2025-05-15";
  const model::Briefing briefing = crossref::cross_reference(info, std::move(sources));
  std::ostringstream html;
  const auto written = emit::write_html(briefing, fuzz::emit_options(), html);
  fuzz::check(written.ok(), "the HTML page is written");
  pugi::xml_document doc;
  const std::string page = html.str();
  const auto parsed =
      doc.load_buffer(page.data(), page.size(), pugi::parse_default | pugi::parse_doctype);
  fuzz::check(static_cast<bool>(parsed), "the page is well-formed XML", parsed.description());
  check_inactive(doc);
  return 0;
}
