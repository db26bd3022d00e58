// Fuzz target for the Markdown writer's renderer: any string of choices makes a document of
// the node kinds the writer uses (tests/unit/emit/commonmark_twin.h), built both as the
// writer's tree and as cmark-gfm's, and the two renderings must be the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../unit/emit/commonmark_twin.h"
#include "fuzz_check.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view choices(reinterpret_cast<const char*>(data), size);
  fixtures::TwinTree tree;
  fixtures::random_document(tree, choices);
  const std::string mine = tree.mine();
  const std::string theirs = tree.theirs();
  fuzz::check(mine == theirs, "the writer renders its tree as cmark-gfm does",
              "cmark-gfm:\n" + theirs + "\nthe writer:\n" + mine);
  return 0;
}
