// Fuzz target over the PDF layout and the Markdown writer: the input as a Markdown source →
// the pipeline → the briefing laid out in pages (with a fake font, so no libharu) and written
// as Markdown. Every run, rule, image and link stays on its page, every link reaches an anchor
// or is a web address, and the Markdown written reads back with cmark-gfm.
#include <cmark-gfm.h>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "annotate/annotate.h"
#include "crossref/crossref.h"
#include "emit/emit.h"
#include "emit/pdf/layout.h"
#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "model/utf8.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

using namespace dossier;
using emit::pdf::Face;

namespace {

// Every code point is half the size wide; mono a little wider, as in DejaVu.
const emit::pdf::Measure kFake = [](Face face, double size, std::string_view text) {
  return static_cast<double>(model::utf8::length(text)) * size * (face == Face::Mono ? 0.6 : 0.5);
};

void check_on_page(double x, double y, const emit::pdf::Geometry& g, const char* what) {
  fuzz::check(x >= -0.01 && x <= g.width + 0.01 && y >= -0.01 && y <= g.height + 0.01, what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  auto input = fuzz::markdown_source(bytes, diag);
  if (!input) return 0;
  model::Source source = std::move(*input);
  source = structure::structure(normalize::normalize(std::move(source), {}), {}, diag);
  fuzz::check_ledger(source);
  source = annotate::annotate(std::move(source), 0, {});
  crossref::BriefingInfo info;
  info.title = "Fuzz";
  info.date = "2025-05-15";
  std::vector<model::Source> sources;
  sources.push_back(std::move(source));
  const model::Briefing briefing = crossref::cross_reference(info, std::move(sources));

  const auto doc = emit::pdf::lay_out(briefing, fuzz::emit_options(), kFake);
  const auto g = emit::pdf::geometry_for(fuzz::emit_options().pdf);
  for (const auto& page : doc.pages) {
    for (const auto& run : page.runs) {
      check_on_page(run.x, run.y, g, "a run starts on its page");
      check_on_page(run.x + kFake(run.face, run.size, page.text_of(run)), run.y, g,
                    "a run ends on its page");
    }
    for (const auto& rule : page.rules) {
      check_on_page(rule.x0, rule.y0, g, "a rule starts on its page");
      check_on_page(rule.x1, rule.y1, g, "a rule ends on its page");
    }
    for (const auto& image : page.images) {
      check_on_page(image.x, image.y, g, "an image sits on its page");
      check_on_page(image.x + image.width, image.y + image.height, g, "an image fits its page");
    }
    for (const auto& link : page.links) {
      const std::string_view target = page.target_of(link);
      fuzz::check(target.starts_with(emit::pdf::kWebLinkPrefix) || doc.anchors.contains(target),
                  "a link reaches an anchor", target);
    }
  }
  for (const auto& [id, anchor] : doc.anchors) {
    fuzz::check(anchor.page >= 0 && anchor.page < static_cast<int>(doc.pages.size()),
                "an anchor is on a page", id);
  }

  std::ostringstream markdown;
  fuzz::check(emit::write_markdown(briefing, fuzz::emit_options(), markdown).ok(),
              "the Markdown is written");
  const std::string md = markdown.str();
  cmark_node* read_back = cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT);
  fuzz::check(read_back != nullptr, "the Markdown reads back");
  cmark_node_free(read_back);
  return 0;
}
