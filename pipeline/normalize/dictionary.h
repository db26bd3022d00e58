// Is this a word? Hunspell's English dictionary (Debian's hunspell-en-us), loaded once per
// thread on first use, for de-hyphenation. Without the dictionary every answer is "unknown",
// and de-hyphenation falls back to words seen elsewhere in the source. Internal to normalize.
#pragma once

#include <string_view>

namespace dossier::normalize {

// True when the English dictionary knows `word`; false when it does not or is not installed.
bool dictionary_knows(std::string_view word);

}  // namespace dossier::normalize
