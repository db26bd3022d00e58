#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/report.h"
#include "cli/settings.h"
#include "cli/source_cache.h"
#include "cli/split_build.h"
#include "emit/emit.h"
#include "emit/piece_cache.h"
#include "model/ledger.h"
#include "model/parallel.h"
#include "model/release_memory.h"

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

std::string human_size(std::uintmax_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%ju B", bytes);
  } else if (bytes < 1024 * 1024) {
    std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024 * 1024));
  }
  return buf;
}

std::vector<std::string> split_formats(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) out.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

// What a build reads: the job, its sources, and the files that shape every source or output.
BuildInputs inputs_of(const Job& job, const fs::path& data) {
  BuildInputs in;
  if (!job.file.empty()) in.job_files.push_back(job.file);
  if (job.boilerplate) in.job_files.push_back(*job.boilerplate);
  for (const auto& e : job.entities) in.job_files.push_back(e);
  for (const auto& d : job.data_files) in.job_files.push_back(d);
  for (const auto& s : job.sources) in.sources.push_back(s.path);
  if (job.templates) in.template_folders.push_back(*job.templates);
  in.template_folders.push_back(data / "templates");
  return in;
}

// The nothing-lost check of every source (in parallel); false when any source fails it.
bool verify_ledgers(const std::vector<model::Source>& sources, unsigned threads,
                    model::Diagnostics& diag) {
  std::vector<std::vector<model::LedgerGap>> gaps(sources.size());
  model::parallel_for(sources.size(), threads, [&](std::size_t i) {
    if (sources[i].status == model::SourceStatus::Ok) gaps[i] = model::check_ledger(sources[i]);
  });
  bool balanced = true;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    for (const auto& gap : gaps[i]) {
      balanced = false;
      diag.error(model::DiagCode::LedgerGap, sources[i].path, gap.first_line, 1,
                 "ledger: " + model::describe_gap(gap));
    }
  }
  return balanced;
}

}  // namespace

int run_build(const BuildOptions& options, const CommonOptions& common) {
  return build_once(options, common, {}, nullptr);
}

int build_once(const BuildOptions& options, const CommonOptions& common, BuildCaches caches,
               BuildInputs* inputs) {
  model::Diagnostics diag;
  StageTimes times;
  std::optional<ScopedStep> load_step(std::in_place, &times, "load job");
  const fs::path data = data_folder();
  std::optional<Job> job;
  if (!options.sources.empty()) {
    job = ad_hoc_job(options.sources, diag);
  } else {
    const fs::path file =
        options.job.empty() ? fs::path("config/briefing.yaml") : fs::path(options.job);
    job = load_job(file, diag);
  }
  if (!job) return finish(diag, 0, common);
  job->data_values = options.set_values;
  if (inputs) *inputs = inputs_of(*job, data);

  std::vector<std::string> formats = job->outputs;
  if (!options.formats.empty()) {
    formats = split_formats(options.formats);
    for (const auto& f : formats) {
      if (!emit::find_format(f)) {
        std::cerr << "dossier: error: unknown format '" << f
                  << "' (known: html, epub, pdf, md, json)\n";
        return kUsageError;
      }
    }
  }

  auto settings = pipeline_settings(*job, data, diag);
  settings.threads = options.jobs;
  settings.times = &times;
  const bool on_terminal = stderr_is_terminal();
  Progress progress(on_terminal && !options.quiet);
  settings.progress = &progress;
  settings.cache = caches.sources;
  settings.keep_input = options.verify_ledger || !options.emit_sources.empty();
  settings.ingest.max_source_size = options.max_source_size;
  settings.normalize.characters.ascii_punctuation = options.ascii_punctuation;
  const auto clock = resolve_clock(job->date, diag);
  if (!clock) return finish(diag, job->sources.size(), common);
  const std::string fingerprint =
      settings_fingerprint(*job, data, options.ascii_punctuation, options.max_source_size);
  std::optional<SourceCache> disk_cache;
  std::optional<emit::PieceCache> disk_pieces;
  if (!caches.sources && !options.no_cache) {
    const fs::path folder = fs::path(options.output) / ".dossier-cache";
    if (options.from_sources.empty()) {
      disk_cache.emplace(folder, fingerprint);
      settings.cache = &*disk_cache;
    }
    if (options.emit_sources.empty()) caches.pieces = &disk_pieces.emplace(folder);
  }
  load_step.reset();

  // A split build's first half: the per-source stages for this shard, one file a source.
  if (!options.emit_sources.empty()) {
    const auto shard = parse_shard(options.shard);
    if (!shard) {
      std::cerr << "dossier: error: --shard takes K/N with 1 <= K <= N, not '" << options.shard
                << "'\n";
      return kUsageError;
    }
    settings.include = [&](std::size_t i) { return shard->includes(i); };
    std::vector<model::Source> sources;
    {
      ScopedStep step(&times, "per-source stages");
      sources = process_sources(job->sources, settings, diag);
    }
    const std::size_t written =
        write_source_results(options.emit_sources, *job, sources, *shard, fingerprint, diag);
    progress.clear();
    if (!options.quiet) {
      std::cout << "wrote " << written << " source results to " << options.emit_sources << "\n";
    }
    return finish(diag, written, common);
  }

  model::Briefing briefing;
  if (!options.from_sources.empty()) {
    // A split build's second half: every source's result, checked against the job's sources.
    auto sources = read_source_results(options.from_sources, *job, fingerprint, diag);
    if (!sources) {
      std::cerr << "dossier: --from-sources: outputs not written\n";
      return finish(diag, job->sources.size(), common);
    }
    if (!settings.keep_input) {
      for (auto& source : *sources) std::string().swap(source.text);
    }
    briefing = cross_reference_sources(*job, settings, *clock, std::move(*sources), diag);
  } else {
    briefing = assemble_briefing(*job, settings, *clock, diag);
  }
  if (disk_cache) disk_cache->prune();
  if (options.verify_ledger) {
    ScopedStep step(&times, "verify ledger");
    if (!verify_ledgers(briefing.sources, options.jobs, diag)) {
      progress.clear();
      std::cerr << "dossier: --verify-ledger: outputs not written\n";
      return finish(diag, briefing.sources.size(), common, true);
    }
  }

  if (options.strict && (diag.error_count() > 0 || diag.warning_count() > 0)) {
    progress.clear();
    std::cerr << "dossier: --strict: outputs not written\n";
    return finish(diag, briefing.sources.size(), common, true);
  }
  // The decoded input is only checked against (--verify-ledger, above); no output shows it, so
  // it goes before the writers start: about the input's size, held to the end otherwise.
  for (auto& source : briefing.sources) std::string().swap(source.text);
  model::release_free_memory();  // the per-source stages' and cross-referencing's leftovers
  const std::size_t source_count = briefing.sources.size();
  emit::EmitOptions emit_options = make_emit_options(*job, data, *clock, diag);
  emit_options.threads = options.jobs;
  emit_options.data = settings.normalize.data;
  emit_options.pieces = caches.pieces;
  std::vector<emit::WrittenOutput> outputs;
  {
    std::string names;
    for (const auto& f : formats) names += (names.empty() ? "" : ", ") + f;
    progress.step("writing " + names);
    ScopedStep step(&times, "emit (all formats)");
    // Handed over: the writers free it as soon as none reads it any more.
    outputs = emit::write_outputs(std::move(briefing), formats, options.output, emit_options, diag);
  }
  if (disk_pieces) disk_pieces->prune();
  for (const auto& output : outputs) {
    times.add_step("  " + output.format, std::chrono::duration_cast<StageTimes::Clock::duration>(
                                             std::chrono::duration<double>(output.seconds)));
  }
  if (!options.quiet) {
    for (const auto& output : outputs) {
      if (!output.ok) continue;
      std::error_code ec;
      std::cout << "wrote " << output.path.string() << " ("
                << human_size(fs::file_size(output.path, ec)) << ")\n";
    }
  }
  progress.clear();
  // The stage summary: on a terminal unless --quiet; always with --verbose, sources too.
  if (options.verbose || (on_terminal && !options.quiet))
    std::cerr << times.summary(options.verbose);
  if (options.verbose && disk_cache) {
    std::cerr << "cache: " << disk_cache->hits() << " sources reused, " << disk_cache->misses()
              << " processed\n";
  }
  if (options.verbose && disk_pieces) {
    std::cerr << "cache: " << disk_pieces->hits() << " chapters reused, " << disk_pieces->misses()
              << " rendered\n";
    std::cerr << "cache: " << disk_pieces->hits(emit::PieceKind::Part)
              << " pieces of reference parts reused, " << disk_pieces->misses(emit::PieceKind::Part)
              << " rendered\n";
    if (const std::size_t streams = disk_pieces->hits(emit::PieceKind::ObjectStream) +
                                    disk_pieces->misses(emit::PieceKind::ObjectStream)) {
      std::cerr << "cache: " << disk_pieces->hits(emit::PieceKind::ObjectStream) << " of "
                << streams << " PDF object streams reused\n";
    }
  }
  return finish(diag, source_count, common);
}

}  // namespace dossier::cli
