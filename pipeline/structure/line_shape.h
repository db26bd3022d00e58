// What a single line looks like: the word and letter-case facts the structure rules use.
// Internal to structure.
#pragma once

#include <string>
#include <string_view>

namespace dossier::structure {

struct LineShape {
  int words = 0;
  int letters = 0;
  int upper = 0;             // uppercase letters
  int lower = 0;             // lowercase letters
  int capitalized_long = 0;  // words of 4+ letters starting with a capital
  int long_words = 0;        // words of 4+ letters
  int digits = 0;
  bool starts_upper = false;
  char32_t last = 0;        // last code point, closing quotes skipped
  bool quoted_end = false;  // the line ends with a closing quote
};

LineShape shape_of(std::string_view line);

// "WE ARE ASSESSING", "MEETING IN LONDON": no lowercase letters, a few words.
bool is_all_caps_heading(const LineShape& s);
// "The Context: A War of Attrition": short, capitalized words, no sentence end.
bool is_title_case_heading(const LineShape& s);
// "Analysis: what the talks can achieve": a one- or two-word capitalised label, a colon and a
// short phrase that does not end a sentence.
bool is_label_heading(std::string_view line, const LineShape& s);
// A short line that does not end a sentence: a headline candidate.
bool is_headline(const LineShape& s);
// A section label above a headline: one to three words, no punctuation at the end.
bool is_section_label(const LineShape& s);
// "By Jane Doe" → "Jane Doe"; empty when the line is not a byline.
std::string byline_name(std::string_view line);
// "Umut Can Fırtına": two to four capitalized words and nothing else.
bool is_bare_name(std::string_view line, const LineShape& s);
// "Photo: AA", "Photograph: …", "Image: …".
bool is_photo_credit(std::string_view line);

}  // namespace dossier::structure
