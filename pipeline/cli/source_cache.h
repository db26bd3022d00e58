// Per-source results kept between builds: a source whose bytes, place in the job and given
// metadata have not changed, under the same rules (the fingerprint: dossier's version, the
// boilerplate and gazetteer files, the options that change repairs), is not read, repaired,
// structured and annotated again; its result and diagnostics are reused. In memory (dossier
// watch), or with a folder on disk (build's cache in OUTPUT/.dossier-cache): one pack file,
// sources.pack, of every source's record found by a hash of its key (model/record_pack.h: a
// build appends the records it makes and ends with an index of those it used, so the next
// build sees one build's sources). One file rather than one per source: creating a thousand
// small files cost a first build of 1,000 articles about 0.4 s. Thread-safe.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/job.h"
#include "model/diagnostics.h"
#include "model/model.h"
#include "model/record_pack.h"
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
  // Opens `folder`'s pack, if there is one; nothing is written until a record is.
  SourceCache(std::filesystem::path folder, std::string fingerprint);
  ~SourceCache();  // without prune(), the pack stays as the last finished build left it
  SourceCache(const SourceCache&) = delete;
  SourceCache& operator=(const SourceCache&) = delete;

  // The key of the source at `index`: its position, paths, given metadata and a hash of its
  // bytes. Nothing when the file cannot be read (it is then processed, to report why).
  static std::optional<std::string> key_for(const SourceSpec& spec, std::size_t index);

  // With a folder, a record found is also one the next build sees.
  std::optional<Entry> find(const std::string& key);
  // Keeps the entry in memory, or with a folder appends it to the pack (and only there).
  void store(const std::string& key, const Entry& entry);
  // Forgets everything: the rules that shape every source (boilerplate, gazetteer) changed.
  void clear();
  // Ends the build: the records it read or wrote, and no others, are the ones the next build
  // sees. Also deletes the one-file-per-source results of older versions.
  void prune();

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  void reset_counts() { hits_ = misses_ = 0; }

 private:
  std::uint64_t hash_of(const std::string& key) const;

  std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // in memory only
  std::string fingerprint_;
  std::optional<model::RecordPack> pack_;  // with a folder
  std::atomic<std::size_t> hits_ = 0, misses_ = 0;
};

}  // namespace dossier::cli
