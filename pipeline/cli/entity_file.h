// Gazetteer files (config/entities.yaml and a job's `entities:` files) → annotate::Gazetteer.
#pragma once

#include <filesystem>

#include "annotate/gazetteer.h"
#include "model/diagnostics.h"

namespace dossier::cli {

// Adds the file's entries to `gazetteer`; problems go to `diag` with their positions.
void load_entities(const std::filesystem::path& file, annotate::Gazetteer& gazetteer,
                   model::Diagnostics& diag);

}  // namespace dossier::cli
