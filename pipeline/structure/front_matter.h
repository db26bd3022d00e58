// YAML front matter at the top of a source ("---" … "---"): metadata for that source. Keys
// are those of a job file's source entry; unknown keys and wrong types are positioned
// warnings. Internal to structure.
#pragma once

#include <cstddef>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::structure {

// Reads front matter from the first lines into `source.meta`; returns how many lines it took
// (0 when there is none).
std::size_t read_front_matter(const std::vector<model::Line>& lines, model::Source& source,
                              model::Diagnostics& diag);

}  // namespace dossier::structure
