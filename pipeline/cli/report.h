// Printing diagnostics and choosing the exit code: the one place that maps problems to exits.
#pragma once

#include <cstddef>

#include "cli/commands.h"
#include "model/diagnostics.h"

namespace dossier::cli {

// Prints every diagnostic to stderr (text or JSON lines), then "N errors, M warnings in K
// sources" when there was any. Returns 1 when there was an error (or, with `strict`, any
// diagnostic), else 0.
int finish(const model::Diagnostics& diag, std::size_t sources, const CommonOptions& common,
           bool strict = false);

// Flushes standard output and reports an error when it could not be written (a full disk, a
// closed pipe): a command whose output was lost must not exit 0.
void check_standard_output(model::Diagnostics& diag);

}  // namespace dossier::cli
