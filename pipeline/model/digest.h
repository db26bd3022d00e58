// 128-bit digests (XXH3) of what a cached result was made from: the key that finds an output's
// cached pieces. 128 bits, so a wrong piece found by a chance collision is out of the question
// for any cache this size (64 bits would leave one in about 10^19 lookups, too close for a
// result that is used without being checked against what it was made from).
#pragma once

// The state's layout, so a digester lives on the stack rather than in an allocation.
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace dossier::model {

struct Digest {
  std::uint64_t low = 0, high = 0;
  bool operator==(const Digest&) const = default;
};

struct DigestHash {
  std::size_t operator()(const Digest& d) const { return d.low; }
};

// Bytes in, a digest out; feeding the same bytes in any number of pieces gives the same digest.
class Digester {
 public:
  Digester() { XXH3_128bits_reset(&state_); }
  Digester(const Digester&) = delete;
  Digester& operator=(const Digester&) = delete;

  void add(std::string_view bytes) { XXH3_128bits_update(&state_, bytes.data(), bytes.size()); }
  // A number as its eight bytes; a string's length before it keeps ("ab","c") from ("a","bc").
  void add_number(std::uint64_t v) {
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i) bytes[i] = static_cast<unsigned char>(v >> (8 * i));
    XXH3_128bits_update(&state_, bytes, sizeof bytes);
  }
  void add_field(std::string_view bytes) {
    add_number(bytes.size());
    add(bytes);
  }
  void add(const Digest& d) {
    add_number(d.low);
    add_number(d.high);
  }
  Digest value() const {
    const XXH128_hash_t h = XXH3_128bits_digest(&state_);
    return {h.low64, h.high64};
  }

 private:
  XXH3_state_t state_;
};

}  // namespace dossier::model
