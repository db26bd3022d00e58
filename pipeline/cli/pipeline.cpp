#include "cli/pipeline.h"

#include <unistd.h>

#include <atomic>
#include <optional>

#include "model/parallel.h"

namespace dossier::cli {

namespace fs = std::filesystem;

model::Source prepare_source(const SourceSpec& spec, const PipelineSettings& settings,
                             model::Diagnostics& diag) {
  model::Source source;
  source.path = spec.display_path;
  source.resolved_path = spec.path.string();
  source.given = spec.given;
  const std::string ext = spec.path.extension().string();
  source.format = (ext == ".md" || ext == ".markdown") ? model::SourceFormat::Markdown
                                                       : model::SourceFormat::PlainText;
  // Runs one stage, adding its time to the record when there is one.
  const auto timed = [&](SourceStage stage, auto&& run) {
    const auto start = StageTimes::Clock::now();
    auto result = run();
    if (settings.times) settings.times->add(stage, StageTimes::Clock::now() - start);
    return result;
  };
  auto read = timed(SourceStage::Ingest,
                    [&] { return ingest::read_source(std::move(source), settings.ingest, diag); });
  if (!read) {
    diag.report(read.error());
    model::Source failed;
    failed.path = spec.display_path;
    failed.given = spec.given;
    failed.status = model::SourceStatus::Failed;
    return failed;
  }
  model::Source normalized = timed(SourceStage::Normalize, [&] {
    return normalize::normalize(std::move(read.value()), settings.normalize, diag);
  });
  return timed(SourceStage::Structure, [&] {
    return structure::structure(std::move(normalized), settings.structure, diag);
  });
}

std::vector<model::Source> process_sources(const std::vector<SourceSpec>& specs,
                                           const PipelineSettings& settings,
                                           model::Diagnostics& diag) {
  const std::size_t n = specs.size();
  std::vector<model::Source> sources(n);
  std::vector<model::Diagnostics> local(n);
  std::atomic<std::size_t> done{0};
  model::parallel_for(n, settings.threads, [&](std::size_t i) {
    if (settings.include && !settings.include(i)) return;
    const auto start = StageTimes::Clock::now();
    const std::optional<std::string> key =
        settings.cache ? SourceCache::key_for(specs[i], i) : std::nullopt;
    if (auto hit = key ? settings.cache->find(*key) : std::nullopt) {
      sources[i] = std::move(hit->source);
      for (auto& d : hit->diagnostics) local[i].report(std::move(d));
    } else {
      model::Source prepared = prepare_source(specs[i], settings, local[i]);
      const auto annotate_start = StageTimes::Clock::now();
      model::SourceRecord record{annotate::annotate(std::move(prepared), i, settings.annotate), {}};
      if (settings.times) {
        settings.times->add(SourceStage::Annotate, StageTimes::Clock::now() - annotate_start);
      }
      if (key) {
        record.diagnostics = local[i].all();
        settings.cache->store(*key, record);
      }
      sources[i] = std::move(record.source);
      model::release_spare_capacity(sources[i]);
    }
    if (!settings.keep_input) std::string().swap(sources[i].text);
    if (settings.times) {
      settings.times->add_source(i, specs[i].display_path, StageTimes::Clock::now() - start);
    }
    if (settings.progress) {
      settings.progress->advance("sources", ++done, n, specs[i].display_path);
    }
  });
  for (const auto& d : local) {
    for (auto& item : d.all()) diag.report(std::move(item));
  }
  return sources;
}

fs::path data_folder() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / DOSSIER_INSTALL_DATA_SUFFIX;
    if (fs::is_directory(installed / "templates", ec)) return installed;
  }
  return DOSSIER_SOURCE_DATA_DIR;
}

}  // namespace dossier::cli
