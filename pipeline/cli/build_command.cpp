#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/report.h"
#include "cli/settings.h"
#include "cli/source_cache.h"
#include "emit/emit.h"
#include "model/serialize.h"

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
  for (const auto& s : job.sources) in.sources.push_back(s.path);
  if (job.templates) in.template_folders.push_back(*job.templates);
  in.template_folders.push_back(data / "templates");
  return in;
}

// What shapes every source besides its own bytes: dossier's version, the built-in and the
// job's boilerplate and gazetteer files, and the options that change repairs. A cached
// result made under another fingerprint is not used.
std::string settings_fingerprint(const Job& job, const fs::path& data, const BuildOptions& o) {
  std::string print = std::string(DOSSIER_VERSION) + '\x1f' +
                      (o.ascii_punctuation ? "ascii" : "typographic") + '\x1f' +
                      std::to_string(o.max_source_size) + '\x1f';
  std::vector<fs::path> files = {data / "config" / "boilerplate.yaml",
                                 data / "config" / "entities.yaml"};
  if (job.boilerplate) files.push_back(*job.boilerplate);
  files.insert(files.end(), job.entities.begin(), job.entities.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    print += f.filename().string() + ':' + std::to_string(std::hash<std::string>{}(bytes)) + '\x1f';
  }
  return print;
}

// "K/N" with 1 <= K <= N.
std::optional<std::pair<std::size_t, std::size_t>> parse_shard(const std::string& text) {
  std::size_t k = 0, n = 0;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> k >> slash >> n) || slash != '/' || k < 1 || k > n || !in.eof()) return std::nullopt;
  return std::pair{k, n};
}

// The diagnostics the per-source stages reported about one source (they name its path).
std::vector<model::Diagnostic> diagnostics_of(const model::Diagnostics& diag,
                                              const SourceSpec& spec) {
  std::vector<model::Diagnostic> out;
  for (auto& d : diag.all()) {
    if (d.path == spec.display_path) out.push_back(std::move(d));
  }
  return out;
}

fs::path source_file(const fs::path& folder, std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "source-%06zu.cbor", index + 1);
  return folder / name;
}

}  // namespace

int run_build(const BuildOptions& options, const CommonOptions& common) {
  return build_once(options, common, nullptr, nullptr);
}

int build_once(const BuildOptions& options, const CommonOptions& common, SourceCache* cache,
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
  settings.cache = cache;
  settings.ingest.max_source_size = options.max_source_size;
  settings.normalize.characters.ascii_punctuation = options.ascii_punctuation;
  const auto clock = resolve_clock(job->date, diag);
  if (!clock) return finish(diag, job->sources.size(), common);
  const std::string fingerprint = settings_fingerprint(*job, data, options);
  std::optional<SourceCache> disk_cache;
  if (!cache && !options.no_cache && options.from_sources.empty()) {
    disk_cache.emplace(fs::path(options.output) / ".dossier-cache", fingerprint);
    settings.cache = &*disk_cache;
  }
  load_step.reset();

  // A split build's first half: the per-source stages for this shard, one file a source.
  if (!options.emit_sources.empty()) {
    const auto shard =
        options.shard.empty()
            ? std::pair<std::size_t, std::size_t>{1, 1}
            : parse_shard(options.shard).value_or(std::pair<std::size_t, std::size_t>{0, 0});
    if (shard.first == 0) {
      std::cerr << "dossier: error: --shard takes K/N with 1 <= K <= N, not '" << options.shard
                << "'\n";
      return kUsageError;
    }
    settings.include = [&](std::size_t i) { return i % shard.second == shard.first - 1; };
    std::vector<model::Source> sources;
    {
      ScopedStep step(&times, "per-source stages");
      sources = process_sources(job->sources, settings, diag);
    }
    const fs::path folder = options.emit_sources;
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::size_t written = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
      if (!settings.include(i)) continue;
      const auto key = SourceCache::key_for(job->sources[i], i);
      const std::vector<model::Diagnostic> own = diagnostics_of(diag, job->sources[i]);
      auto result = emit::write_file_atomically(source_file(folder, i), [&](std::ostream& out) {
        out << model::write_source({sources[i], own},
                                   fingerprint + '\x1e' + key.value_or("unreadable"));
        return static_cast<bool>(out);
      });
      if (result) {
        ++written;
      } else {
        diag.report(result.error());
      }
    }
    progress.clear();
    if (!options.quiet)
      std::cout << "wrote " << written << " source results to " << folder.string() << "\n";
    return finish(diag, written, common);
  }

  model::Briefing briefing;
  if (!options.from_sources.empty()) {
    // A split build's second half: every source's result, checked against the job's sources.
    std::vector<model::Source> sources(job->sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const fs::path file = source_file(options.from_sources, i);
      const auto key = SourceCache::key_for(job->sources[i], i);
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      auto record = model::read_source(
          bytes, std::string_view(fingerprint + '\x1e' + key.value_or("unreadable")));
      if (!record) {
        diag.error(model::DiagCode::Unreadable, file.string(), 0, 0,
                   "missing, damaged or made from other input than " +
                       job->sources[i].display_path + " (run the per-source step again)");
        continue;
      }
      sources[i] = std::move(record->source);
      for (auto& d : record->diagnostics) diag.report(std::move(d));
    }
    if (diag.error_count() > 0) {
      std::cerr << "dossier: --from-sources: outputs not written\n";
      return finish(diag, sources.size(), common);
    }
    briefing = cross_reference_sources(*job, settings, *clock, std::move(sources));
  } else {
    briefing = assemble_briefing(*job, settings, *clock, diag);
  }
  if (disk_cache) disk_cache->prune();

  if (options.strict && (diag.error_count() > 0 || diag.warning_count() > 0)) {
    progress.clear();
    std::cerr << "dossier: --strict: outputs not written\n";
    return finish(diag, briefing.sources.size(), common, true);
  }
  emit::EmitOptions emit_options = make_emit_options(*job, data, *clock, diag);
  emit_options.threads = options.jobs;
  std::vector<emit::WrittenOutput> outputs;
  {
    std::string names;
    for (const auto& f : formats) names += (names.empty() ? "" : ", ") + f;
    progress.step("writing " + names);
    ScopedStep step(&times, "emit (all formats)");
    outputs = emit::write_outputs(briefing, formats, options.output, emit_options, diag);
  }
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
  return finish(diag, briefing.sources.size(), common);
}

}  // namespace dossier::cli
