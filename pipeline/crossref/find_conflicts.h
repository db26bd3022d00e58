// Figures that disagree between sources, and "see also" links (crossref-internal).
#pragma once

#include <vector>

#include "crossref/merge_entities.h"
#include "model/model.h"

namespace dossier::crossref {

// Figures with the same measure (or a measure and the one larger measure holding all its
// words) and values more than 5% apart, from two sources or more.
std::vector<model::Conflict> find_conflicts(const std::vector<model::Figure>& figures);

// For each paragraph, up to three paragraphs of other sources sharing its rarer entities or
// a measure, best first; on up to `threads` threads (0: one per core), with the same links
// whatever their number.
void link_see_also(std::vector<model::Source>& sources, const EntityTable& table,
                   unsigned threads = 0);

}  // namespace dossier::crossref
