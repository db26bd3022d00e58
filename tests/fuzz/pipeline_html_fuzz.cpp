// Fuzz target over the whole pipeline to HTML: the input as a plain-text and a Markdown
// source (its first line also the briefing's title) → ingest, normalize, structure, annotate,
// crossref → the HTML page. The page must be well-formed XML (polyglot HTML5), and text from
// the input must never become active content: no script element, no on… attribute, no
// javascript: URL. Both sources' ledgers balance.
#include <cstddef>
#include <cstdint>
#include <pugixml.hpp>
#include <sstream>
#include <string_view>

#include "emit/emit.h"
#include "fuzz_check.h"
#include "pipeline_briefing.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto briefing =
      fuzz::pipeline_briefing(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!briefing) return 0;
  std::ostringstream html;
  const auto written = emit::write_html(*briefing, fuzz::emit_options(), html);
  fuzz::check(written.ok(), "the HTML page is written");
  pugi::xml_document doc;
  const std::string page = html.str();
  const auto parsed =
      doc.load_buffer(page.data(), page.size(), pugi::parse_default | pugi::parse_doctype);
  fuzz::check(static_cast<bool>(parsed), "the page is well-formed XML", parsed.description());
  fuzz::check_inactive(doc);
  return 0;
}
