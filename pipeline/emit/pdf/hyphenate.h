// Where an English word may take a hyphen at a line end: TeX-style patterns from Debian's
// hyphen-en-us through libhyphen, loaded once per thread. Without the patterns no word is
// hyphenated.
#pragma once

#include <string_view>
#include <vector>

namespace dossier::emit::pdf {

// Byte offsets inside `word` after which a hyphen may break it. Only lower-case ASCII words
// of six letters or more are hyphenated (names, numbers and foreign words are left whole),
// keeping two letters before a break and three after. The points stay valid until this
// thread's next call.
const std::vector<std::size_t>& hyphenation_points(std::string_view word);

// The file of patterns the points come from (whether or not it is there).
const char* hyphenation_patterns();

}  // namespace dossier::emit::pdf
