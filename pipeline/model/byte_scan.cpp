#include "model/byte_scan.h"

#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dossier::model::bytes {

namespace {

bool is_binary_control(unsigned char c) {
  return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
}

#if defined(__SSE2__)
__m128i load(std::string_view s, std::size_t i) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
}

unsigned mask_of(__m128i v) {
  return static_cast<unsigned>(_mm_movemask_epi8(v));
}

// Counts the bytes `matches` marks (0xFF) in each block of s[i…], block by block: each match
// adds one to its byte's lane, and the lanes are summed before any can reach 256. Returns
// the count and leaves `i` at the first byte of the unfinished block.
template <typename Matches>
std::size_t count_blocks(std::string_view s, std::size_t& i, Matches matches) {
  const __m128i zero = _mm_setzero_si128();
  std::size_t total = 0;
  while (i + 16 <= s.size()) {
    __m128i lanes = zero;
    for (int k = 0; k < 255 && i + 16 <= s.size(); ++k, i += 16) {
      lanes = _mm_sub_epi8(lanes, matches(load(s, i)));
    }
    const __m128i sums = _mm_sad_epu8(lanes, zero);  // two 64-bit halves
    total += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
  return total;
}
#endif

}  // namespace

std::size_t first_non_ascii_bytewise(std::string_view s, std::size_t from) {
  for (std::size_t i = from; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return i;
  }
  return s.size();
}

std::size_t first_non_ascii(std::string_view s, std::size_t from) {
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    if (const unsigned high = mask_of(load(s, i))) {
      return i + static_cast<std::size_t>(__builtin_ctz(high));
    }
  }
#endif
  return first_non_ascii_bytewise(s, i);
}

std::size_t count_code_points_bytewise(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t i = 0, continuations = 0;
#if defined(__SSE2__)
  // A continuation byte is a signed byte below -64 (0x80–0xBF).
  const __m128i limit = _mm_set1_epi8(static_cast<char>(0xC0));
  continuations = count_blocks(s, i, [&](__m128i v) { return _mm_cmplt_epi8(v, limit); });
#endif
  return i - continuations + count_code_points_bytewise(s.substr(i));
}

std::size_t count_binary_controls_bytewise(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += is_binary_control(static_cast<unsigned char>(c));
  return n;
}

std::size_t count_binary_controls(std::string_view s) {
  std::size_t i = 0, n = 0;
#if defined(__SSE2__)
  // Below 0x20 as signed bytes but not negative (≥ 0x80), less the four allowed controls.
  const __m128i space = _mm_set1_epi8(0x20), zero = _mm_setzero_si128();
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                ff = _mm_set1_epi8('\f');
  n = count_blocks(s, i, [&](__m128i v) {
    const __m128i control = _mm_andnot_si128(_mm_cmplt_epi8(v, zero), _mm_cmplt_epi8(v, space));
    const __m128i allowed =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff)));
    return _mm_andnot_si128(allowed, control);
  });
#endif
  return n + count_binary_controls_bytewise(s.substr(i));
}

}  // namespace dossier::model::bytes
