// A minimal, reproducible ZIP writer over libdeflate: entries in the order added, fixed timestamps
// (computed in UTC, whatever TZ says), no extra fields. Enough for EPUB's OCF container. Each
// entry goes to the stream as it is added (only its directory record is kept), so a book of
// ten thousand chapters is never held whole.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::emit {

class ZipWriter {
 public:
  // `timestamp`: seconds since the epoch, written as every entry's DOS date and time.
  ZipWriter(long long timestamp, std::ostream& out);

  struct Entry {
    std::string name;
    std::string payload;  // stored or raw-deflated bytes
    std::uint32_t crc = 0;
    std::uint32_t size = 0;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
  };
  // An entry compressed now, to add later: entries can be made on several threads.
  static Entry deflated_entry(const std::string& name, std::string_view data);
  static Entry stored_entry(const std::string& name, std::string_view data);

  void add_stored(const std::string& name, std::string_view data);
  void add_deflated(const std::string& name, std::string_view data);
  // Writes the entry's header and bytes.
  void add(const Entry& entry);

  // An entry's data taken as it comes and deflated: whole, as deflated_entry does, while it
  // is at most `hold` bytes; past that, compressed as it comes (zlib, the same format), so
  // a long entry is never held: ten thousand articles' figures are 56 MB of XHTML.
  class StreamedEntry {
   public:
    explicit StreamedEntry(std::size_t hold);
    ~StreamedEntry();
    StreamedEntry(const StreamedEntry&) = delete;
    StreamedEntry& operator=(const StreamedEntry&) = delete;

    void append(std::string_view data);
    Entry finish(const std::string& name);

   private:
    void compress(std::string_view data, int flush);

    std::size_t hold_;
    std::string held_;
    std::unique_ptr<z_stream> stream_;  // once past `hold`
    std::string payload_;               // compressed bytes: the first used_ of it
    std::size_t used_ = 0;
    std::uint32_t crc_ = 0;
    std::uint64_t size_ = 0;
  };

  // Writes the central directory, which ends the archive; false when the stream failed.
  bool finish();

 private:
  static Entry make_entry(const std::string& name, std::string_view data, bool deflate);
  void put_common_fields(std::string& out, const Entry& e) const;

  std::ostream& out_;
  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
  std::string central_;  // the directory records of the entries written so far
  std::uint32_t offset_ = 0;
  std::uint16_t count_ = 0;
};

}  // namespace dossier::emit
