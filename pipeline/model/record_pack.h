// A cache file of records found by a 64-bit hash, as the build caches keep them in
// OUTPUT/.dossier-cache. A build sees the records the last finished build used or made, and no
// others. It does not copy the ones it reuses: it appends what it makes to the pack and ends
// with an index of the records it used, so a rebuild after one source changed writes that
// source's records and an index, not the whole pack again. The records the index leaves out
// are dead space until they outweigh half of the live ones; then the build writes a compacted
// pack and puts it in place. A build stopped half-way leaves the last finished build's index in
// force. One build appends at a time (an exclusive lock on the pack); another finding it taken
// reads the pack and keeps nothing. Records are opaque bytes here; the caller checks that a
// record is the one it asked for (a hash can collide, a file can be damaged). Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dossier::model {

// The running program's size and modification time, for a cache's fingerprint: a dossier
// rebuilt at the same version (a developer's) must not reuse results an older build made.
std::string program_identity();

class RecordPack {
 public:
  // Opens `folder`/`name` if there is one; nothing is written until a record is kept.
  RecordPack(std::filesystem::path folder, std::string name);
  // Without commit(), the pack is left as the last finished build left it.
  ~RecordPack();
  RecordPack(const RecordPack&) = delete;
  RecordPack& operator=(const RecordPack&) = delete;

  // The record under `hash` (the last one kept under it), if it can be read.
  std::optional<std::string> find(std::uint64_t hash) const;
  // The record find() returned under `hash` is used by this build: the next one sees it too.
  void reuse(std::uint64_t hash);
  // Adds a record for the next build. A pack that cannot be written only makes the next build
  // slower: the failure is remembered and nothing more is written.
  void keep(std::uint64_t hash, std::string_view record) { keep(hash, record, {}); }
  // A record in two parts, written one after the other (no copy to join them).
  void keep(std::uint64_t hash, std::string_view head, std::string_view tail);
  // Ends the build: the records reused and kept are the ones the next build sees. With none,
  // removes the pack. Also deletes new packs that stopped builds left behind.
  void commit();

  const std::filesystem::path& folder() const { return folder_; }

 private:
  struct Place {
    std::uint64_t offset = 0, size = 0;  // of the record's bytes, after its header
  };
  using Index = std::unordered_map<std::uint64_t, Place>;
  using Entries = std::vector<std::pair<std::uint64_t, Place>>;  // in the file's order

  static bool parse_index(std::string_view body, std::uint64_t at, Index& into);
  std::filesystem::path path() const { return folder_ / name_; }
  // Where this process writes a new pack before putting it in place: the prefix and its id.
  std::string temp_prefix() const { return name_ + ".tmp"; }
  std::filesystem::path temp_path() const;
  void open_existing();
  bool read_index_from_end(std::uint64_t size);
  void scan_records(std::uint64_t size);
  bool start_new_pack();
  void append(std::string_view bytes);
  bool flush();
  static Entries in_file_order(const Index& records);
  static bool write_index(int fd, std::uint64_t at, const Entries& entries);
  bool compacted(std::uint64_t live_bytes);
  void delete_stale_new_packs();

  std::filesystem::path folder_;
  std::string name_;
  int fd_ = -1;             // the pack, read with pread from several threads
  bool appending_ = false;  // fd_ is the old pack, locked by this build: records go at its end
  bool new_pack_ = false;   // fd_ is a new pack at new_pack_path_, put in place by commit()
  bool read_only_ = false;  // another build holds the lock: nothing is written
  bool failed_ = false;     // a write failed: nothing more is written
  std::filesystem::path new_pack_path_;
  std::uint64_t old_end_ = 0;  // where the last finished build's pack ends
  Index index_;                // the last finished build's records
  std::mutex mutex_;           // guards what follows
  Index live_;                 // this build's records
  std::string pending_;        // appended bytes not yet written
  std::uint64_t end_ = 0;      // where the next record goes (pending_ included)
};

}  // namespace dossier::model
