// Keys under which spellings of one name compare equal: case, diacritics and the common
// variants of transliteration from Cyrillic fold away (Erdoğan = Erdogan, Zelenskyy =
// Zelensky = Zelenskiy). Used to match the gazetteer and to merge aliases.
#pragma once

#include <string>
#include <string_view>

namespace dossier::model {

// One word's key: lower case, Latin letters without marks (ı → i, ł → l, ß → ss), then
// transliteration endings unified (-skyy/-skiy/-ski → -sky, -iy/-yy → -y, ia → ya, ey → ei).
std::string word_key(std::u32string_view word);

// The keys of the words of a name, joined by single spaces; punctuation inside words (U.S.)
// and hyphens are dropped.
std::string name_key(std::u32string_view name);
std::string name_key(std::string_view utf8_name);

// The last word's key ("putin" for "Vladimir Putin").
std::string surname_key(std::string_view utf8_name);

// Words in a name as written ("Vladimir Putin" → 2).
int name_word_count(std::string_view utf8_name);

// A name key's word is a patronymic (Vladimirovich, Petrovna). Keys have y folded to i, so
// -ovich/-evich/-ovna/-evna/-ichna cover the romanizations.
bool is_patronymic(std::string_view key_word);

// A URL-safe id: "E-" then the name's folded words joined by hyphens.
std::string entity_slug(std::string_view utf8_name);

}  // namespace dossier::model
