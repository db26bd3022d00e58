#include "cli/pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <thread>

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
  auto read = ingest::read_source(std::move(source), settings.ingest, diag);
  if (!read) {
    diag.report(read.error());
    model::Source failed;
    failed.path = spec.display_path;
    failed.given = spec.given;
    failed.status = model::SourceStatus::Failed;
    return failed;
  }
  model::Source normalized = normalize::normalize(std::move(read.value()), settings.normalize);
  return structure::structure(std::move(normalized), settings.structure, diag);
}

std::vector<model::Source> process_sources(const std::vector<SourceSpec>& specs,
                                           const PipelineSettings& settings,
                                           model::Diagnostics& diag) {
  const std::size_t n = specs.size();
  std::vector<model::Source> sources(n);
  std::vector<model::Diagnostics> local(n);
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      sources[i] =
          annotate::annotate(prepare_source(specs[i], settings, local[i]), i, settings.annotate);
    }
  };
  unsigned threads = settings.threads ? settings.threads : std::thread::hardware_concurrency();
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
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
