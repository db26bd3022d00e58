// Compressed pages out of memory until libharu saves the document: a long briefing's pages
// (100 MB of zlib data for 10,000 articles) wait in an unlinked temporary file instead of the
// heap, and are read back, page by page, as the document is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace dossier::emit::pdf {

// Where a page's compressed operators are: a string in memory (which must outlive the save),
// or a stretch of a spill file. A string converts to one, so callers holding strings pass them.
struct ContentSource {
  ContentSource(const std::string& in_memory) : bytes(&in_memory) {}  // NOLINT(implicit)
  ContentSource(int file, std::uint64_t offset, std::uint64_t length)
      : fd(file), at(offset), size(length) {}

  std::uint64_t length() const { return bytes ? bytes->size() : size; }

  const std::string* bytes = nullptr;
  int fd = -1;
  std::uint64_t at = 0, size = 0;
};

// An anonymous file in the temporary folder (TMPDIR, else /tmp), gone when closed: nothing is
// left behind, whatever happens to the process (where the file system cannot make unnamed
// files, a named one is removed the moment it is made). Appends are buffered; read what was
// appended (through ContentSource) only after flush().
class SpillFile {
 public:
  SpillFile();
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // False when no file could be made; appending then always fails.
  bool ok() const { return fd_ >= 0; }
  // `bytes` appended; where they are, or nothing when the file could not take them.
  std::optional<ContentSource> append(const std::string& bytes);
  // Writes what is buffered; false when the file could not take it.
  bool flush();
  // Bytes in the file itself (appended ones still in the buffer are not).
  std::uint64_t written() const { return written_; }
  int descriptor() const { return fd_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;     // bytes appended, buffered ones included
  std::uint64_t written_ = 0;  // bytes in the file
  std::string buffer_;
};

// Reads `length` bytes at `offset` of `fd` into `out`; false on a short read or an error.
bool read_spilled(int fd, std::uint64_t offset, char* out, std::uint64_t length);

}  // namespace dossier::emit::pdf
