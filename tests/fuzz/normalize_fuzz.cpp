// Fuzz target over ingest + normalize + structure (plain text and the Markdown reader): any
// bytes must decode, repair and structure without crashing, normalizing a normalized line
// again must change nothing, and the ledger balances.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "fuzz_check.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

namespace {

void check(bool ok, const char* what, std::string_view text) {
  if (ok) return;
  std::cerr << "fuzz check failed: " << what << " on \"" << text << "\"\n";
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dossier;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  auto decoded = ingest::decode_bytes(bytes, "fuzz", diag);
  if (!decoded) return 0;
  model::Source source;
  source.text = decoded.value().text;
  // The first byte's low bit picks the reader: plain text or Markdown.
  const bool markdown = size > 0 && (data[0] & 1);
  source.format = markdown ? model::SourceFormat::Markdown : model::SourceFormat::PlainText;
  source = normalize::normalize(std::move(source), {});
  // Normalizing a normalized line again changes nothing (one line: no reflow).
  for (const auto& line : source.lines) {
    if (markdown) break;  // Markdown keeps code verbatim: idempotence is checked on plain text
    model::Source again;
    again.text = line.text;
    again = normalize::normalize(std::move(again), {});
    const std::string& text = again.lines.empty() ? std::string() : again.lines[0].text;
    check(again.lines.size() <= 1 && text == line.text, "normalize is idempotent", line.text);
  }
  structure::StructureOptions options;
  options.boilerplate = {{"related", structure::MatchKind::Prefix, {"Related"}, ""},
                         {"share", structure::MatchKind::Regex, {"Share( this)?"}, ""}};
  source = structure::structure(std::move(source), options, diag);
  dossier::fuzz::check_ledger(source);
  return 0;
}
