// How much a piece of text looks like mojibake: a sum of suspicious character patterns
// (a lead-byte image followed by continuation-byte images, C1 controls, letters of rarely
// used blocks, scripts mixed inside a word). Repairs are accepted only when they lower it.
// Internal to normalize.
#pragma once

#include <string_view>

namespace dossier::normalize {

double badness(std::u32string_view text);

// Whether the text holds any byte-image pattern that only mojibake produces (odd letters
// alone are not enough to try a repair).
bool has_mojibake_pattern(std::u32string_view text);

// The badness that characters [begin, end) contribute, with their neighbours as context.
double badness_around(std::u32string_view text, std::size_t begin, std::size_t end);

}  // namespace dossier::normalize
