#include "structure/line_shape.h"

#include "model/letters.h"
#include "model/utf8.h"

namespace dossier::structure {

namespace letters = model::letters;

namespace {
bool ends_sentence(char32_t c) {
  return c == '.' || c == '!' || c == ',' || c == ';' || c == 0x2026;
}
bool is_closing_quote(char32_t c) {
  return c == '"' || c == 0x201D || c == 0x2019 || c == '\'';
}
}  // namespace

LineShape shape_of(std::string_view line) {
  LineShape s;
  bool in_word = false;
  int word_letters = 0;
  bool word_capital = false;
  const auto end_word = [&] {
    if (!in_word) return;
    ++s.words;
    if (word_letters >= 4) {
      ++s.long_words;
      s.capitalized_long += word_capital;
    }
    in_word = false;
  };
  model::utf8::for_each(line, [&](char32_t cp, std::size_t) {
    if (cp == ' ') {
      end_word();
      return;
    }
    if (!in_word) {
      in_word = true;
      word_letters = 0;
      word_capital = letters::is_capital(cp);
      if (s.words == 0) s.starts_upper = word_capital || !letters::is_alpha(cp);
    }
    if (letters::is_alpha(cp)) {
      ++s.letters, ++word_letters;
      s.upper += letters::is_upper(cp) ? 1 : 0;
      s.lower += letters::is_lower(cp) ? 1 : 0;
    }
    s.digits += letters::is_digit(cp) ? 1 : 0;
    s.quoted_end = is_closing_quote(cp);
    if (!s.quoted_end) s.last = cp;
  });
  end_word();
  return s;
}

bool is_all_caps_heading(const LineShape& s) {
  return s.letters >= 4 && s.lower == 0 && s.upper * 10 >= s.letters * 9 && s.words <= 12 &&
         !ends_sentence(s.last);
}

bool is_title_case_heading(const LineShape& s) {
  return s.words >= 2 && s.words <= 14 && s.starts_upper && !ends_sentence(s.last) &&
         !s.quoted_end && s.long_words > 0 && s.capitalized_long * 10 >= s.long_words * 8;
}

bool is_label_heading(std::string_view line, const LineShape& s) {
  const std::size_t colon = line.find(": ");
  if (colon == std::string_view::npos || s.words > 12 || s.words < 3 || ends_sentence(s.last) ||
      s.quoted_end || s.last == ':') {
    return false;
  }
  const LineShape label = shape_of(line.substr(0, colon));
  return label.words >= 1 && label.words <= 2 && label.starts_upper && label.digits == 0;
}

bool is_headline(const LineShape& s) {
  return s.words >= 2 && s.words <= 30 && s.letters > 0 && !ends_sentence(s.last) && s.last != ':';
}

bool is_section_label(const LineShape& s) {
  return s.words >= 1 && s.words <= 3 && s.letters > 0 && s.starts_upper &&
         !ends_sentence(s.last) && s.last != ':' && s.last != '?';
}

std::string byline_name(std::string_view line) {
  for (std::string_view prefix : {"By ", "BY ", "by "}) {
    if (!line.starts_with(prefix)) continue;
    std::string_view rest = line.substr(prefix.size());
    const LineShape s = shape_of(rest);
    if (s.words >= 1 && s.words <= 8 && s.starts_upper && s.digits == 0 && s.last != '.') {
      return std::string(rest);
    }
  }
  return {};
}

bool is_bare_name(std::string_view line, const LineShape& s) {
  if (s.words < 2 || s.words > 4 || s.digits > 0) return false;
  bool ok = true;
  bool word_start = true;
  model::utf8::for_each(line, [&](char32_t cp, std::size_t) {
    if (cp == ' ') {
      word_start = true;
      return;
    }
    if (word_start && !letters::is_capital(cp)) ok = false;
    if (!word_start && !letters::is_alpha(cp) && cp != '-' && cp != '\'' && cp != 0x2019 &&
        cp != '.') {
      ok = false;
    }
    word_start = false;
  });
  return ok;
}

bool is_photo_credit(std::string_view line) {
  for (std::string_view prefix : {"Photo:", "Photograph:", "Image:", "Photo credit:", "Picture:"}) {
    if (line.starts_with(prefix)) return true;
  }
  return false;
}

}  // namespace dossier::structure
