// Unicode letter classes with ASCII answered inline. ICU's u_isalpha and its kin are calls
// into the library, made for every character of every line by normalize, structure and
// annotate (a tenth of annotating went to them), and most text is ASCII.
#pragma once

#include <unicode/uchar.h>

#include "model/ascii.h"

namespace dossier::model::letters {

inline bool is_ascii(char32_t c) {
  return c < 0x80;
}
inline bool is_alpha(char32_t c) {
  return is_ascii(c) ? ascii::is_alpha(static_cast<char>(c)) : u_isalpha(static_cast<UChar32>(c));
}
inline bool is_upper(char32_t c) {
  return is_ascii(c) ? ascii::is_upper(static_cast<char>(c)) : u_isupper(static_cast<UChar32>(c));
}
inline bool is_lower(char32_t c) {
  return is_ascii(c) ? ascii::is_lower(static_cast<char>(c)) : u_islower(static_cast<UChar32>(c));
}
// Upper or title case ("ǅ"): how a capitalized word starts.
inline bool is_capital(char32_t c) {
  if (is_ascii(c)) return ascii::is_upper(static_cast<char>(c));
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}
// A decimal digit of any script.
inline bool is_digit(char32_t c) {
  return is_ascii(c) ? ascii::is_digit(static_cast<char>(c)) : u_isdigit(static_cast<UChar32>(c));
}
// Unicode's White_Space: in ASCII, tab to carriage return and the space.
inline bool is_white_space(char32_t c) {
  if (is_ascii(c)) return c == U' ' || (c >= U'\t' && c <= U'\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

}  // namespace dossier::model::letters
