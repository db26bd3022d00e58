#include "normalize/line_triggers.h"

#include <array>
#include <cstdint>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dossier::normalize {

namespace {

// What each byte is, for the ASCII part of the scan, which then needs no branch per byte.
enum : std::uint16_t {
  kSpace = 1,
  kTight = 2,   // , . ; : ! ?
  kPeriod = 4,  // .
  kUpper = 8,
  kInvisible = 16,  // a control but tab
  kTab = 32,
  kAmpersand = 64,
  kQuote = 128,  // "
  kHigh = 256,   // ≥ 0x80: judged one by one
};

constexpr std::array<std::uint16_t, 256> kClasses = [] {
  std::array<std::uint16_t, 256> c{};
  for (int b = 0; b < 256; ++b) {
    std::uint16_t k = 0;
    if (b >= 0x80) {
      k = kHigh;
    } else if (b == '\t') {
      k = kTab;
    } else if (b < 0x20 || b == 0x7F) {
      k = kInvisible;
    } else if (b == ' ') {
      k = kSpace;
    } else if (b == '.') {
      k = kTight | kPeriod;
    } else if (b == ',' || b == ';' || b == ':' || b == '!' || b == '?') {
      k = kTight;
    } else if (b >= 'A' && b <= 'Z') {
      k = kUpper;
    } else if (b == '&') {
      k = kAmpersand;
    } else if (b == '"') {
      k = kQuote;
    }
    c[static_cast<std::size_t>(b)] = k;
  }
  return c;
}();

// A non-ASCII character's lead byte at s[i]: what it could be part of.
void judge_lead(std::string_view s, std::size_t i, LineTriggers& t) {
  const auto b = static_cast<unsigned char>(s[i]);
  const auto b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  const auto b2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
  if (b == 0xC2) {
    if (b1 < 0xA0) t.c1 = true;
    if (b1 == 0xAD) t.invisible = true;
    if (b1 == 0xA0) t.compatibility = true;
    t.latin1_letters = true;  // Â-led sequences are mojibake images too
  } else if (b == 0xC3 || (b >= 0xC4 && b <= 0xC9) || b == 0xCB) {
    t.latin1_letters = true;
  } else if (b == 0xCC || (b == 0xCD && b1 < 0xB0)) {
    t.beyond_nfc_safe = true;  // combining diacritical marks
  } else if (b >= 0xCD && b <= 0xD3) {
    t.other_script = true;
    t.latin1_letters = true;
    t.beyond_nfc_safe = true;
  } else if (b == 0xE2) {
    if (b1 == 0x80) {
      if (b2 == 0x98 || b2 == 0x99 || b2 == 0x9C || b2 == 0x9D) t.quotes = true;
      if (b2 == 0x8B || b2 == 0x8C || b2 == 0x8E || b2 == 0x8F || b2 == 0xAA) t.invisible = true;
      if (b2 == 0xAF || b2 == 0x87) t.compatibility = true;
      if (b2 == 0xA8 || b2 == 0xA9) t.invisible = true;
    } else if (b1 == 0x81) {
      if (b2 == 0xA0) t.invisible = true;
    } else {
      t.beyond_nfc_safe = true;
      t.latin1_letters = true;  // box drawing and signs of CP437/MacRoman images
    }
  } else if (b == 0xEF) {
    if (b1 == 0xBB && b2 == 0xBF) t.invisible = true;
    if (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) t.invisible = true;
    if (b1 == 0xAC || b1 == 0xBC || b1 == 0xBD) t.compatibility = true;
    t.beyond_nfc_safe = true;
  } else if (b == 0xE3 && b1 == 0x80 && b2 == 0x80) {
    t.compatibility = true;  // ideographic space
    t.beyond_nfc_safe = true;
  } else {
    t.beyond_nfc_safe = true;
    t.latin1_letters = true;
  }
}

// Flags from the classes seen and the pairs found, once the bytes are scanned.
void settle(std::uint32_t seen, std::uint32_t pairs, LineTriggers& t) {
  t.spacing = t.spacing || (seen & kTab) || (pairs & kSpace);
  t.punctuation = (pairs & (kTight | kUpper)) != 0;
  t.invisible = t.invisible || (seen & kInvisible);
  t.ampersand = (seen & kAmpersand) != 0;
  t.quotes = t.quotes || (seen & kQuote);
}

#if defined(__SSE2__)
// Sixteen bytes at once: a bit mask per class (SSE2 is part of x86-64). Pairs shift one mask
// onto the next byte's, carrying the last byte of the block into the next block. Non-ASCII
// lead bytes are judged one by one. Returns where the scalar scan takes over.
std::size_t scan_blocks(std::string_view s, std::uint32_t& seen, std::uint32_t& pairs,
                        std::uint32_t& prev, LineTriggers& t) {
  const auto eq = [](__m128i v, char c) {
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
  };
  std::uint32_t carry_space = (prev & kSpace) ? 1 : 0, carry_period = (prev & kPeriod) ? 1 : 0;
  std::size_t i = 0;
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    const auto high = static_cast<std::uint32_t>(_mm_movemask_epi8(v));
    // Signed compares: bytes ≥ 0x80 are negative, so "< 0x20" needs them taken out.
    const auto below_space =
        static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)))) &
        ~high;
    const std::uint32_t tab = eq(v, '\t');
    const std::uint32_t space = eq(v, ' ');
    const std::uint32_t period = eq(v, '.');
    const std::uint32_t tight =
        period | eq(v, ',') | eq(v, ';') | eq(v, ':') | eq(v, '!') | eq(v, '?');
    const auto upper = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)))));
    if (below_space & ~tab) seen |= kInvisible;
    if (eq(v, 0x7F)) seen |= kInvisible;
    if (tab) seen |= kTab;
    if (eq(v, '&')) seen |= kAmpersand;
    if (eq(v, '"')) seen |= kQuote;
    const std::uint32_t after_space = (space << 1) | carry_space;
    const std::uint32_t after_period = (period << 1) | carry_period;
    if (after_space & space) pairs |= kSpace;
    if (after_space & tight) pairs |= kTight;
    if (after_period & upper) pairs |= kUpper;
    carry_space = (space >> 15) & 1;
    carry_period = (period >> 15) & 1;
    if (high) {
      t.non_ascii = true;
      for (std::uint32_t m = high; m != 0; m &= m - 1) {
        const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(m));
        if ((static_cast<unsigned char>(s[at]) & 0xC0) != 0x80) judge_lead(s, at, t);
      }
    }
  }
  prev = (carry_space ? kSpace : 0) | (carry_period ? kPeriod : 0);
  return i;
}
#endif

// From `i` on, one byte at a time; `prev` is the class of the byte before `i`.
LineTriggers scan_from(std::string_view s, std::size_t i, std::uint32_t seen, std::uint32_t pairs,
                       std::uint32_t prev, LineTriggers t) {
  for (; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::uint32_t k = kClasses[b];
    if (!(k & kHigh)) {
      seen |= k;
      pairs |= k & (kSpace | kTight) & (0u - (prev & kSpace));
      pairs |= k & kUpper & (0u - ((prev & kPeriod) >> 2));
      prev = k;
      continue;
    }
    prev = 0;
    t.non_ascii = true;
    if ((b & 0xC0) != 0x80) judge_lead(s, i, t);  // continuation bytes go with their lead
  }
  settle(seen, pairs, t);
  return t;
}

LineTriggers edges(std::string_view s) {
  LineTriggers t;
  t.spacing = !s.empty() && (s.front() == ' ' || s.back() == ' ');
  return t;
}

}  // namespace

LineTriggers scan_line(std::string_view s) {
  LineTriggers t = edges(s);
  std::uint32_t seen = 0;   // every class met
  std::uint32_t pairs = 0;  // kSpace: two spaces; kTight: a space before; kUpper: "." before
  std::uint32_t prev = 0;   // the previous byte's class
  std::size_t i = 0;
#if defined(__SSE2__)
  i = scan_blocks(s, seen, pairs, prev, t);
#endif
  return scan_from(s, i, seen, pairs, prev, t);
}

LineTriggers scan_line_bytewise(std::string_view s) {
  return scan_from(s, 0, 0, 0, 0, edges(s));
}

}  // namespace dossier::normalize
