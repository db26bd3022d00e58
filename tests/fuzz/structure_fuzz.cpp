// Fuzz target for structure on plain text: lines straight from the input (no repairs, so
// structure meets what normalize would have fixed) become metadata, blocks and removals, and
// the ledger balances: every character of every line is accounted for.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "model/utf8.h"
#include "structure/structure.h"

using namespace dossier;

namespace {

const structure::StructureOptions& rules() {
  static const structure::StructureOptions options = [] {
    structure::StructureOptions o;
    o.boilerplate = {
        {"related-article", structure::MatchKind::Prefix, {"Related article:", "Read more:"}, ""},
        {"app-store", structure::MatchKind::Exact, {"App Store", "Google Play"}, ""},
        {"comments", structure::MatchKind::Regex, {"\\d+ comments?"}, ""},
        {"share", structure::MatchKind::Exact, {"Share"}, "", structure::Where::Bottom},
    };
    return o;
  }();
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!model::utf8::is_valid(bytes)) return 0;  // structure reads decoded text only
  model::Source source;
  source.path = "fuzz.txt";
  source.text = std::string(bytes);
  int number = 1;
  for (std::string_view rest = bytes;; ++number) {
    const std::size_t end = rest.find('\n');
    source.lines.push_back({std::string(rest.substr(0, end)), {number, 1}, number});
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  model::Diagnostics diag;
  source = structure::structure(std::move(source), rules(), diag);
  fuzz::check(source.lines.empty(), "structure consumes the lines");
  for (const auto& b : source.blocks) {
    fuzz::check(b.origin.line >= 1 && b.origin.line <= b.last_line && b.last_line < number + 1,
                "a block lies inside the input");
  }
  fuzz::check_ledger(source);
  return 0;
}
