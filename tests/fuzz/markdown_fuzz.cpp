// Fuzz target for the Markdown reader of a report job: any text expands (Mustache over a fixed
// data set) and reads into blocks without crashing, spans lie inside their block's text and
// nest without crossing, and the ledger balances (the syntax the reader consumed is recorded
// as markup fixes, each expansion as a template fix).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "model/utf8.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

using namespace dossier;

namespace {

void check_spans(const model::Block& block) {
  const int length = static_cast<int>(model::utf8::length(block.text));
  for (std::size_t k = 0; k < block.spans.size(); ++k) {
    const model::Span& a = block.spans[k];
    const bool point = a.kind == model::SpanKind::FootnoteRef;  // a reference has no width
    fuzz::check(0 <= a.start && (point ? a.start == a.end : a.start < a.end) && a.end <= length,
                "a span lies in its block");
    for (std::size_t j = k + 1; j < block.spans.size(); ++j) {
      const model::Span& b = block.spans[j];
      const bool apart = a.end <= b.start || b.end <= a.start;
      const bool nested =
          (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
      fuzz::check(apart || nested, "spans nest without crossing");
    }
  }
  for (const auto& child : block.children) check_spans(child);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  auto input = fuzz::markdown_source(bytes, diag);
  if (!input) return 0;
  model::Source source = std::move(*input);
  static const auto report_data = std::make_shared<const nlohmann::json>(nlohmann::json::parse(
      R"({"title": "Report", "n": "42", "ok": true, "no": false, "none": null, "empty": [],
          "rows": [{"name": "a", "value": "1"}, {"name": "b|c", "value": "**2**"}],
          "tags": ["x", "y\nz"], "nested": {"deep": {"value": "v"}}})"));
  normalize::NormalizeOptions options;
  options.data = report_data;
  options.max_expansion = std::size_t{1}
                          << 20;  // nested sections can ask for 64 MiB: linear, but slow
  source = normalize::normalize(std::move(source), options, diag);
  source = structure::structure(std::move(source), {}, diag);
  for (const auto& b : source.blocks) check_spans(b);
  fuzz::check_ledger(source);
  return 0;
}
