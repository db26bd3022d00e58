// A report job's data: the `data:` files (YAML or JSON) merged in order, then `--set` values.
// Markdown sources expand Mustache over it, and the output templates see it as `data`.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/job.h"
#include "model/diagnostics.h"

namespace dossier::cli {

// Nothing when the job names no data and no --set value. A later file's top-level key
// replaces an earlier one's; --set KEY=VALUE (KEY may be dotted: build.number) comes last.
// YAML scalars stay text as written ("1.50" stays "1.50"), except true, false and null.
// Unreadable or malformed files, and a --set without '=', are errors in `diag`.
std::shared_ptr<const nlohmann::json> load_job_data(const Job& job, model::Diagnostics& diag);

}  // namespace dossier::cli
