// Per-source results kept between builds: a source whose bytes, place in the job and given
// metadata have not changed, under the same rules (the fingerprint: dossier's version, the
// boilerplate and gazetteer files, the options that change repairs), is not read, repaired,
// structured and annotated again; its result and diagnostics are reused. In memory (dossier
// watch), or with a folder on disk, one file per source named by a hash of its key (build's
// cache in OUTPUT/.dossier-cache). Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cli/job.h"
#include "model/diagnostics.h"
#include "model/model.h"
#include "model/serialize.h"

namespace dossier::cli {

// What shapes every source besides its own bytes: dossier's version, the built-in and the
// job's boilerplate and gazetteer files, and the options that change repairs. Results made
// under another fingerprint are not used.
std::string settings_fingerprint(const Job& job, const std::filesystem::path& data,
                                 bool ascii_punctuation, std::size_t max_source_size);

class SourceCache {
 public:
  using Entry = model::SourceRecord;

  SourceCache() = default;  // in memory only
  SourceCache(std::filesystem::path folder, std::string fingerprint);

  // The key of the source at `index`: its position, paths, given metadata and a hash of its
  // bytes. Nothing when the file cannot be read (it is then processed, to report why).
  static std::optional<std::string> key_for(const SourceSpec& spec, std::size_t index);

  std::optional<Entry> find(const std::string& key) const;
  // Keeps the entry in memory, or with a folder writes it there (and only there).
  void store(const std::string& key, const Entry& entry);
  // Forgets everything: the rules that shape every source (boilerplate, gazetteer) changed.
  void clear();
  // Deletes the files on disk that this build neither read nor wrote, so the cache holds one
  // build's sources and never grows without bound.
  void prune();

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  void reset_counts() { hits_ = misses_ = 0; }

 private:
  std::filesystem::path file_for(const std::string& key) const;

  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::optional<std::filesystem::path> folder_;
  std::string fingerprint_;
  mutable std::set<std::filesystem::path> used_;
  mutable std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace dossier::cli
