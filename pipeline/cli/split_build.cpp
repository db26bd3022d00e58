#include "cli/split_build.h"

#include <cstdio>
#include <sstream>

#include "cli/read_text.h"
#include "cli/source_cache.h"
#include "emit/emit.h"
#include "model/serialize.h"

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

fs::path result_file(const fs::path& folder, std::size_t index) {
  char name[32];
  std::snprintf(name, sizeof name, "source-%06zu.dsrc", index + 1);
  return folder / name;
}

// What the result of the source at `index` must have been made from.
std::string result_key(const Job& job, std::size_t index, const std::string& fingerprint) {
  return fingerprint + '\x1e' +
         SourceCache::key_for(job.sources[index], index).value_or("unreadable");
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

}  // namespace

std::optional<Shard> parse_shard(const std::string& text) {
  if (text.empty()) return Shard{};
  Shard shard;
  char slash = 0;
  std::istringstream in(text);
  if (!(in >> shard.k >> slash >> shard.n) || slash != '/' || shard.k < 1 || shard.k > shard.n ||
      !in.eof()) {
    return std::nullopt;
  }
  return shard;
}

std::size_t write_source_results(const fs::path& folder, const Job& job,
                                 const std::vector<model::Source>& sources, const Shard& shard,
                                 const std::string& fingerprint, model::Diagnostics& diag) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  std::size_t written = 0;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (!shard.includes(i)) continue;
    const model::SourceRecord record{sources[i], diagnostics_of(diag, job.sources[i])};
    auto result = emit::write_file_atomically(result_file(folder, i), [&](std::ostream& out) {
      out << model::write_source(record, result_key(job, i, fingerprint));
      return static_cast<bool>(out);
    });
    if (result) {
      ++written;
    } else {
      diag.report(result.error());
    }
  }
  return written;
}

std::optional<std::vector<model::Source>> read_source_results(const fs::path& folder,
                                                              const Job& job,
                                                              const std::string& fingerprint,
                                                              model::Diagnostics& diag) {
  std::vector<model::Source> sources(job.sources.size());
  bool complete = true;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const fs::path file = result_file(folder, i);
    const std::string bytes = read_text(file).value_or("");
    const std::string key = result_key(job, i, fingerprint);
    auto record = model::read_source(bytes, std::string_view(key));
    if (!record) {
      diag.error(model::DiagCode::Unreadable, file.string(), 0, 0,
                 "missing, damaged or made from other input than " + job.sources[i].display_path +
                     " (run the per-source step again)");
      complete = false;
      continue;
    }
    sources[i] = std::move(record->source);
    for (auto& d : record->diagnostics) diag.report(std::move(d));
  }
  if (!complete) return std::nullopt;
  return sources;
}

}  // namespace dossier::cli
