// Per-source results kept between builds in one process (dossier watch): a source whose
// bytes, place in the job and given metadata have not changed is not read, repaired,
// structured and annotated again; its result and diagnostics are reused. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cli/job.h"
#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::cli {

class SourceCache {
 public:
  struct Entry {
    model::Source source;
    std::vector<model::Diagnostic> diagnostics;
  };

  // The key of the source at `index`: its position, paths, given metadata and a hash of its
  // bytes. Nothing when the file cannot be read (it is then processed, to report why).
  static std::optional<std::string> key_for(const SourceSpec& spec, std::size_t index);

  std::optional<Entry> find(const std::string& key) const;
  void store(const std::string& key, Entry entry);
  // Forgets everything: the rules that shape every source (boilerplate, gazetteer) changed.
  void clear();

  std::size_t hits() const { return hits_; }
  std::size_t misses() const { return misses_; }
  void reset_counts() { hits_ = misses_ = 0; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  mutable std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace dossier::cli
