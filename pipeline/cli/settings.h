// Turns a loaded job into stage and emitter options: built-in data layered under the job's
// own files, the build clock from SOURCE_DATE_EPOCH.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "cli/job.h"
#include "cli/pipeline.h"
#include "emit/emit.h"

namespace dossier::cli {

struct BuildClock {
  std::string date;         // YYYY-MM-DD shown as the briefing's date
  long long timestamp = 0;  // seconds since the epoch, for EPUB and PDF metadata
};

// SOURCE_DATE_EPOCH, else the job's date, else now (DESIGN.md §8.11). Nothing when
// SOURCE_DATE_EPOCH is set but not a number (reported).
std::optional<BuildClock> resolve_clock(const std::optional<std::string>& job_date,
                                        model::Diagnostics& diag);

PipelineSettings pipeline_settings(const Job& job, const std::filesystem::path& data,
                                   model::Diagnostics& diag);

emit::EmitOptions make_emit_options(const Job& job, const std::filesystem::path& data,
                                    const BuildClock& clock, model::Diagnostics& diag);

// Runs every stage of `job` up to the Briefing.
model::Briefing assemble_briefing(const Job& job, const PipelineSettings& settings,
                                  const BuildClock& clock, model::Diagnostics& diag);

// The cross-source steps over sources already through the per-source stages.
model::Briefing cross_reference_sources(const Job& job, const PipelineSettings& settings,
                                        const BuildClock& clock, std::vector<model::Source> sources,
                                        model::Diagnostics& diag);

}  // namespace dossier::cli
