// A whole file's bytes, for cli/'s own files (jobs, rule files, cached results); nothing when
// it cannot be opened. Sources are read by ingest, never through this.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace dossier::cli {

std::optional<std::string> read_text(const std::filesystem::path& file);

}  // namespace dossier::cli
