#include "annotate/annotate.h"

namespace dossier::annotate {

namespace {
void assign_id(model::Block& block, const std::string& id) {
  block.id = id;
  for (auto& child : block.children) assign_id(child, id);
}
}  // namespace

model::Source annotate(model::Source source, std::size_t index, const AnnotateOptions& options) {
  source.id = "S" + std::to_string(index + 1);
  int paragraph = 0;
  for (auto& block : source.blocks)
    assign_id(block, source.id + "-p" + std::to_string(++paragraph));
  source.meta = model::merged_meta(source);
  if (!source.meta.language) source.meta.language = options.default_language;
  source.quotes = find_quotes(source.blocks);
  return source;
}

}  // namespace dossier::annotate
