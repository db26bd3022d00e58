// Figures in one source's blocks (annotate-internal): percentages, counts, sums of money and
// durations, each with the words that say what it measures and a normalized measure key that
// crossref compares across sources. Numbers inside dates are not figures.
#pragma once

#include <vector>

#include "annotate/block_text.h"
#include "annotate/gazetteer.h"
#include "model/model.h"

namespace dossier::annotate {

std::vector<model::Figure> find_figures(const std::vector<BlockText>& blocks,
                                        const std::vector<model::DateMention>& dates,
                                        const Gazetteer& gazetteer);

}  // namespace dossier::annotate
