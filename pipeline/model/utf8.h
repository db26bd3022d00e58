// Small UTF-8 helpers shared by the stages. Decoding never throws: a malformed sequence
// decodes as one invalid unit so callers can replace or report it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dossier::model::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp = 0;         // the code point, or kReplacement when !valid
  std::size_t length = 1;  // bytes consumed (at least 1)
  bool valid = false;
};

// Decodes the sequence starting at s[i], a byte of 0x80 or more.
Decoded decode_beyond_ascii(std::string_view s, std::size_t i);

// Decodes the sequence starting at s[i]; rejects overlongs, surrogates and values > U+10FFFF.
// Inline for ASCII, which most text mostly is: every stage decodes every character.
inline Decoded decode(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return {b0, 1, true};
  return decode_beyond_ascii(s, i);
}

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);

// Whole strings between UTF-8 and code points (invalid sequences become U+FFFD).
std::string encode(std::u32string_view text);
std::u32string decode_all(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t length(std::string_view s);

// True when every byte sequence in s is valid UTF-8.
bool is_valid(std::string_view s);

// Visits each code point with its byte offset.
template <typename F>
void for_each(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    Decoded d = decode(s, i);
    f(d.cp, i);
    i += d.length;
  }
}

}  // namespace dossier::model::utf8
