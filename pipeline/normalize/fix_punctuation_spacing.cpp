// Spacing around punctuation in running text: no space before , . ; : ! ? (but "…" and
// " ..." stay, as do times and decimals), and a missing space after a sentence's full stop
// when a capitalised word follows ("end.The" → "end. The", but not "U.S." or "e.g.").
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {
bool is_lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_tight_punctuation(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}
}  // namespace

// Positions worth a closer look: punctuation after a space, or a full stop before a capital.
std::vector<std::size_t> candidates(const std::string& t) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i < t.size(); ++i) {
    if (!is_tight_punctuation(t[i])) continue;
    if (t[i - 1] == ' ' || (t[i] == '.' && i + 1 < t.size() && is_upper_ascii(t[i + 1]))) {
      out.push_back(i);
    }
  }
  return out;
}

void fix_punctuation_spacing(LineText& line, std::vector<model::Fix>& fixes) {
  const std::vector<std::size_t> positions = candidates(line.text());
  if (positions.empty()) return;
  std::vector<model::Fix> recorded;
  for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
    const std::size_t i = *it;
    const std::string& t = line.text();
    const char c = t[i];
    // "word ," → "word,": the punctuation must end something (space, end or a quote next).
    if (is_tight_punctuation(c) && t[i - 1] == ' ' && i >= 2 && t[i - 2] != ' ') {
      const char next = i + 1 < t.size() ? t[i + 1] : ' ';
      const bool ellipsis = c == '.' && next == '.';
      const bool ends = next == ' ' || next == '"' || next == ')' || next == '\'' ||
                        (static_cast<unsigned char>(next) >= 0x80);
      const bool number_follows = next >= '0' && next <= '9';  // " .5", " :30"
      if (!ellipsis && ends && !number_follows) {
        line.replace(i - 1, i, "", model::FixKind::Whitespace, recorded);
        continue;
      }
      // "said .The": the space belongs after the full stop.
      const char next2 = i + 2 < t.size() ? t[i + 2] : ' ';
      if (c == '.' && is_lower_ascii(t[i - 2]) && is_upper_ascii(next) && is_lower_ascii(next2)) {
        line.replace(i - 1, i + 1, ". ", model::FixKind::Whitespace, recorded);
        continue;
      }
    }
    // "end.The" → "end. The": at least two lowercase letters before, and a word after.
    if (c == '.' && i >= 2 && i + 2 < t.size() && is_lower_ascii(t[i - 1]) &&
        is_lower_ascii(t[i - 2]) && is_upper_ascii(t[i + 1]) && is_lower_ascii(t[i + 2])) {
      std::size_t w = i;
      while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '/' && t[w - 1] != '@') --w;
      const bool in_address = t.compare(w, 4, "http") == 0 || t.compare(w, 4, "www.") == 0 ||
                              t.find('.', w) < i;  // "example.org.Next" is a name, not prose
      if (!in_address) line.replace(i + 1, i + 1, " ", model::FixKind::Whitespace, recorded);
    }
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
