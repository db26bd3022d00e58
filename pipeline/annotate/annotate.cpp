#include "annotate/annotate.h"

#include "annotate/attribute_quotes.h"
#include "annotate/block_text.h"
#include "annotate/find_dates.h"
#include "annotate/find_figures.h"
#include "annotate/find_names.h"
#include "annotate/find_quotes.h"

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

  static const Gazetteer kNoNames;
  const Gazetteer& gazetteer = options.gazetteer ? *options.gazetteer : kNoNames;
  const std::vector<BlockText> texts = make_block_texts(source.blocks);
  std::vector<FoundName> names = find_names(texts, gazetteer);
  std::vector<FoundQuote> quotes = find_quotes(texts);
  attribute_quotes(texts, names, quotes);

  source.names.clear();
  source.names.reserve(names.size());
  for (auto& n : names) source.names.push_back(std::move(n.mention));
  source.quotes.clear();
  for (auto& q : quotes) source.quotes.push_back(std::move(q.quote));
  source.dates = find_dates(texts, source.meta.date);
  source.figures = find_figures(texts, source.dates, gazetteer);
  return source;
}

}  // namespace dossier::annotate
