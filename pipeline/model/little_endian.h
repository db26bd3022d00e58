// Unsigned numbers as little-endian bytes, for dossier's own cache records (the build cache's
// packs, the pieces in them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::model {

// Appends the low `size` bytes of `v` (at most 8), least significant first.
inline void append_le(std::string& out, std::uint64_t v, std::size_t size = 8) {
  for (std::size_t i = 0; i < size; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

// The number in the first `size` bytes of `bytes` (at most 8; the caller checks there are).
inline std::uint64_t read_le(std::string_view bytes, std::size_t size = 8) {
  std::uint64_t v = 0;
  for (std::size_t i = size; i-- > 0;) v = v << 8 | static_cast<unsigned char>(bytes[i]);
  return v;
}

}  // namespace dossier::model
