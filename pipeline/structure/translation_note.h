// "Note: This text has been translated from the original Turkish version titled …, published
// in OUTLET on April 22, 2025." → translated_from (ISO 639-1), original title, original
// outlet and date. Internal to structure.
#pragma once

#include <optional>
#include <string>

namespace dossier::structure {

struct TranslationNote {
  std::optional<std::string> language;  // "tr"
  std::optional<std::string> original_title;
  std::optional<std::string> outlet;
  std::optional<std::string> date;  // YYYY-MM-DD
};

std::optional<TranslationNote> read_translation_note(const std::string& line);

// "April 22, 2025" / "22 April 2025" → "2025-04-22"; nothing when it is not such a date.
std::optional<std::string> iso_date_of(const std::string& text);

// "Jane Doe" from a standfirst ending "…, writes Jane Doe." (or nothing).
std::optional<std::string> writes_byline(const std::string& standfirst);

}  // namespace dossier::structure
