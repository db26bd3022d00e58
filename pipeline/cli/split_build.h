// Split builds: the per-source stages for one share of a job's sources, each source's result
// written to a file of its own (build --emit-sources DIR --shard K/N), and the joining step
// that reads every result back, checked against the job, before cross-referencing
// (build --from-sources DIR). Files are named source-NNNNNN.dsrc by job position.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/job.h"
#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::cli {

struct Shard {
  std::size_t k = 1, n = 1;  // the k-th of n shares, 1-based
  bool includes(std::size_t index) const { return index % n == k - 1; }
};

// "K/N" with 1 <= K <= N; empty text is the whole job (1/1).
std::optional<Shard> parse_shard(const std::string& text);

// Writes the results of the shard's sources (already through the per-source stages) with the
// diagnostics each reported; returns how many were written (failures go to `diag`).
std::size_t write_source_results(const std::filesystem::path& folder, const Job& job,
                                 const std::vector<model::Source>& sources, const Shard& shard,
                                 const std::string& fingerprint, model::Diagnostics& diag);

// Every source's result, its diagnostics replayed into `diag`; nothing when one is missing,
// damaged, or was made from other input (each named in `diag`).
std::optional<std::vector<model::Source>> read_source_results(const std::filesystem::path& folder,
                                                              const Job& job,
                                                              const std::string& fingerprint,
                                                              model::Diagnostics& diag);

}  // namespace dossier::cli
