// A tiny ZIP reader for tests: lists entries from the central directory and inflates them.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace dossier::fixtures {

struct ZipEntry {
  std::string name;
  std::uint16_t method = 0;
  std::uint16_t extra_length = 0;  // of the local header
  std::uint32_t local_offset = 0;
  std::string data;  // inflated
};

inline std::uint32_t read_le(const std::string& z, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(z.at(at + static_cast<std::size_t>(i)));
  return v;
}

inline std::vector<ZipEntry> read_zip(const std::string& z) {
  const std::size_t eocd = z.rfind(std::string("PK\x05\x06", 4));
  if (eocd == std::string::npos) throw std::runtime_error("no end of central directory");
  const std::uint32_t count = read_le(z, eocd + 10, 2);
  std::size_t at = read_le(z, eocd + 16, 4);
  std::vector<ZipEntry> entries;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (read_le(z, at, 4) != 0x02014b50) throw std::runtime_error("bad central header");
    ZipEntry e;
    e.method = static_cast<std::uint16_t>(read_le(z, at + 10, 2));
    const std::uint32_t csize = read_le(z, at + 20, 4), usize = read_le(z, at + 24, 4);
    const std::uint32_t name_len = read_le(z, at + 28, 2), extra = read_le(z, at + 30, 2),
                        comment = read_le(z, at + 32, 2);
    e.local_offset = read_le(z, at + 42, 4);
    e.name = z.substr(at + 46, name_len);
    at += 46 + name_len + extra + comment;
    const std::uint32_t local_name = read_le(z, e.local_offset + 26, 2);
    e.extra_length = static_cast<std::uint16_t>(read_le(z, e.local_offset + 28, 2));
    const std::string payload = z.substr(e.local_offset + 30 + local_name + e.extra_length, csize);
    if (e.method == 0) {
      e.data = payload;
    } else {
      e.data.resize(usize);
      z_stream s{};
      inflateInit2(&s, -15);
      s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(payload.data()));
      s.avail_in = static_cast<uInt>(payload.size());
      s.next_out = reinterpret_cast<Bytef*>(e.data.data());
      s.avail_out = usize;
      const int rc = inflate(&s, Z_FINISH);
      inflateEnd(&s);
      if (rc != Z_STREAM_END) throw std::runtime_error("inflate failed for " + e.name);
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace dossier::fixtures
