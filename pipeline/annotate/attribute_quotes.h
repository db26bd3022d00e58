// Quote speakers (annotate-internal): sets each quotation's `speaker_name` to the name that
// identifies its speaker, and marks that name as a person's when nothing else typed it.
#pragma once

#include <vector>

#include "annotate/block_text.h"
#include "annotate/find_names.h"
#include "annotate/find_quotes.h"

namespace dossier::annotate {

void attribute_quotes(const std::vector<BlockText>& blocks, std::vector<FoundName>& names,
                      std::vector<FoundQuote>& quotes);

}  // namespace dossier::annotate
