// Dates in one source's blocks (annotate-internal): full and partial dates as ISO 8601 with
// their precision; weekdays and relative dates kept as written and resolved against the
// source's own date when it is known (iso null otherwise).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "annotate/block_text.h"
#include "model/model.h"

namespace dossier::annotate {

std::vector<model::DateMention> find_dates(const std::vector<BlockText>& blocks,
                                           const std::optional<std::string>& source_date);

}  // namespace dossier::annotate
