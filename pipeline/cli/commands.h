// The subcommands. Each returns the process exit code (DESIGN.md §3): 0 ok, 1 input or
// content errors, 2 usage errors, 3 internal errors.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace dossier::emit {
class PieceCache;
}

namespace dossier::cli {

enum ExitCode { kOk = 0, kInputError = 1, kUsageError = 2, kInternalError = 3 };

struct CommonOptions {
  bool json_diagnostics = false;
};

struct BuildOptions {
  std::string job;                   // job file; empty → config/briefing.yaml or --sources
  std::vector<std::string> sources;  // ad-hoc job
  std::string output = "output";
  std::string formats;  // comma-separated; empty → the job's outputs
  bool strict = false;
  bool quiet = false;
  bool verbose = false;
  unsigned jobs = 0;
  std::size_t max_source_size = std::size_t{256} << 20;
  bool ascii_punctuation = false;
  bool no_cache = false;                // build: no OUTPUT/.dossier-cache
  bool verify_ledger = false;           // check the nothing-lost ledger of every source
  std::vector<std::string> set_values;  // --set KEY=VALUE for a report's data
  std::string emit_sources;             // run the per-source stages only, writing each result here
  std::string from_sources;             // skip them, reading each result from here
  std::string shard;  // with emit_sources: "K/N", the K-th of N shares of the sources
};

struct NormalizeCommandOptions {
  std::vector<std::string> files;  // "-" or empty: standard input
  bool explain = false;
  std::string format = "text";  // text, md, json
  bool ascii_punctuation = false;
};

int run_build(const BuildOptions& options, const CommonOptions& common);
int run_watch(const BuildOptions& options, const CommonOptions& common);

// What a build read, for dossier watch to watch.
struct BuildInputs {
  std::vector<std::filesystem::path> job_files;  // the job, boilerplate and entity files
  std::vector<std::filesystem::path> sources;
  std::vector<std::filesystem::path> template_folders;
};
class SourceCache;
// The caches a build reuses and fills, kept in memory by dossier watch between its builds.
// Without them a build keeps its own in OUTPUT/.dossier-cache (unless --no-cache).
struct BuildCaches {
  SourceCache* sources = nullptr;
  emit::PieceCache* pieces = nullptr;
};
// One build; with caches, unchanged sources and chapters are reused and new ones kept; with
// `inputs`, the files it read are listed there.
int build_once(const BuildOptions& options, const CommonOptions& common, BuildCaches caches,
               BuildInputs* inputs);
int run_normalize(const NormalizeCommandOptions& options, const CommonOptions& common);
int run_inspect(const std::vector<std::string>& files, const CommonOptions& common);
// A new job in `folder`: a briefing of example articles, or with `report`, a templated report
// (Markdown sources, a data file).
int run_init(const std::string& folder, bool report = false);

}  // namespace dossier::cli
