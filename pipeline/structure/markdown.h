// Markdown sources: cmark-gfm (with the GFM extensions) parses the text; its blocks map one to
// one onto the model's (heading, paragraph, block quote, list and item, code, table, thematic
// break, footnote). A first level-1 heading is the title. Raw HTML is never passed on: it is
// removed and recorded. Internal to structure.
#pragma once

#include <cstddef>

#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::structure {

// Reads source.lines from `first` on as Markdown into blocks, title and removals. Nesting
// deeper than dossier keeps is flattened to plain text, with a warning.
void read_markdown(model::Source& source, std::size_t first, model::Diagnostics& diag);

}  // namespace dossier::structure
