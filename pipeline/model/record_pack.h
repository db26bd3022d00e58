// A cache file of records found by a 64-bit hash, as the build caches keep them in
// OUTPUT/.dossier-cache: each build reads the pack the last one left and writes a new one as it
// goes (each record it reused or made, once), which replaces the old one when the build ends.
// So a pack holds one build's records and never grows without bound, and a build stopped
// half-way leaves the old pack as it was. Records are opaque bytes here; the caller checks that
// a record is the one it asked for (a hash can collide, a file can be damaged). Thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace dossier::model {

// The running program's size and modification time, for a cache's fingerprint: a dossier
// rebuilt at the same version (a developer's) must not reuse results an older build made.
std::string program_identity();

class RecordPack {
 public:
  // Opens `folder`/`name` if there is one; nothing is written until a record is kept.
  RecordPack(std::filesystem::path folder, std::string name);
  ~RecordPack();  // an unfinished new pack is deleted
  RecordPack(const RecordPack&) = delete;
  RecordPack& operator=(const RecordPack&) = delete;

  // The old pack's record under `hash` (the last one kept under it), if it can be read.
  std::optional<std::string> find(std::uint64_t hash) const;
  // Appends a record to the new pack (opened on first use). A pack that cannot be written
  // only makes the next build slower: the failure is remembered and the new pack dropped.
  void keep(std::uint64_t hash, std::string_view record) { keep(hash, record, {}); }
  // A record in two parts, written one after the other (no copy to join them).
  void keep(std::uint64_t hash, std::string_view head, std::string_view tail);
  // Puts the new pack in place of the old one; with no record kept, removes the old one.
  // Also deletes new packs that stopped builds left behind.
  void commit();

  const std::filesystem::path& folder() const { return folder_; }

 private:
  struct Place {
    std::uint64_t offset = 0, size = 0;
  };
  std::filesystem::path path() const { return folder_ / name_; }
  void read_index();

  std::filesystem::path folder_;
  std::string name_;
  int old_pack_ = -1;  // a file descriptor, read with pread from several threads
  std::unordered_map<std::uint64_t, Place> index_;
  std::mutex mutex_;  // guards the new pack
  std::FILE* new_pack_ = nullptr;
  std::filesystem::path new_pack_path_;
  bool new_pack_failed_ = false;
};

}  // namespace dossier::model
