// A minimal, reproducible ZIP writer over libdeflate: entries in the order added, fixed timestamps
// (computed in UTC, whatever TZ says), no extra fields. Enough for EPUB's OCF container.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dossier::emit {

class ZipWriter {
 public:
  // `timestamp`: seconds since the epoch, written as every entry's DOS date and time.
  explicit ZipWriter(long long timestamp);

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
  void add(Entry entry) { entries_.push_back(std::move(entry)); }

  // Writes the archive; false when the stream fails.
  bool write(std::ostream& out) const;

 private:
  static Entry make_entry(const std::string& name, std::string_view data, bool deflate);

  std::uint16_t dos_time_ = 0;
  std::uint16_t dos_date_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace dossier::emit
