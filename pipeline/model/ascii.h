// ASCII character classes for byte-level scans. <cctype>'s functions go through the C
// locale on every call (a tenth of the damaged-text normalizer's time went to tolower and
// isalpha) and would judge bytes ≥ 0x80 by whatever locale the process had; these never do.
#pragma once

namespace dossier::model::ascii {

constexpr bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_alpha(char c) {
  return is_upper(c) || is_lower(c);
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}
constexpr char to_lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace dossier::model::ascii
