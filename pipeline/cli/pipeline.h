// Runs the per-source stages (ingest → normalize → structure → annotate) for every source of a
// job, in parallel, and the cross-source stages after them. Output does not depend on the
// number of threads: results and diagnostics are gathered in job order.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "annotate/annotate.h"
#include "cli/job.h"
#include "cli/progress.h"
#include "cli/source_cache.h"
#include "cli/stage_times.h"
#include "crossref/crossref.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "structure/structure.h"

namespace dossier::cli {

struct PipelineSettings {
  ingest::IngestOptions ingest;
  normalize::NormalizeOptions normalize;
  structure::StructureOptions structure;
  annotate::AnnotateOptions annotate;
  unsigned threads = 0;          // 0: one per core
  StageTimes* times = nullptr;   // where to record timings, if anywhere
  Progress* progress = nullptr;  // where to show progress, if anywhere
  SourceCache* cache = nullptr;  // results to reuse and keep, if any
  // The sources to process (a shard of a split build); null: all. Others stay empty.
  std::function<bool(std::size_t index)> include;
  // Whether each source keeps its decoded input (Source::text) once its stages are done and its
  // result is cached. Only checking the ledger and writing source results read it later, and
  // it is about the input's size held through cross-referencing.
  bool keep_input = true;
};

// One source through ingest, normalize and structure (annotate needs its job position).
model::Source prepare_source(const SourceSpec& spec, const PipelineSettings& settings,
                             model::Diagnostics& diag);

std::vector<model::Source> process_sources(const std::vector<SourceSpec>& specs,
                                           const PipelineSettings& settings,
                                           model::Diagnostics& diag);

// Where the built-in templates and config live: beside an installed binary
// (PREFIX/share/dossier) or, for a build tree, the source tree.
std::filesystem::path data_folder();

}  // namespace dossier::cli
