// Hard-wrap detection. A line was wrapped by a tool (PDF copy, e-mail, fixed-width export)
// when the next line's first word would have fitted on it had the paragraph continued: the
// wrap width is read from the text itself (the 90th percentile of line lengths).
#include <algorithm>

#include "model/utf8.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace utf8 = model::utf8;

namespace {

constexpr std::size_t kNarrowestWrap = 40;  // narrower "wraps" are verse, lists or data

std::size_t wrap_width(const std::vector<LineText>& lines) {
  std::vector<std::size_t> lengths;
  for (const auto& l : lines) {
    if (!l.text().empty()) lengths.push_back(utf8::length(l.text()));
  }
  if (lengths.size() < 2) return 0;
  const auto nth = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() * 9 / 10);
  std::nth_element(lengths.begin(), nth, lengths.end());
  return *nth;
}

std::size_t first_word_length(std::string_view s) {
  const std::size_t space = s.find(' ');
  return utf8::length(s.substr(0, space));
}

bool starts_list_item(std::string_view s) {
  if (s.starts_with("- ") || s.starts_with("* ") || s.starts_with("• ") || s.starts_with("+ ")) {
    return true;
  }
  std::size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  return digits > 0 && digits + 1 < s.size() && (s[digits] == '.' || s[digits] == ')') &&
         s[digits + 1] == ' ';
}

bool is_wrapped(const std::string& line, const std::string& next, std::size_t width) {
  if (starts_list_item(next)) return false;
  const std::size_t len = utf8::length(line);
  return (len + 1 + first_word_length(next)) * 5 > width * 4;
}

bool ends_with_word_hyphen(const std::string& line) {
  return line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != ' ' &&
         line[line.size() - 2] != '-';
}

}  // namespace

std::vector<LineText> reflow(std::vector<LineText> lines, std::vector<model::Fix>& fixes) {
  const std::size_t width = wrap_width(lines);
  if (width < kNarrowestWrap) return lines;
  std::vector<LineText> out;
  out.reserve(lines.size());
  for (auto& line : lines) {
    if (!out.empty() && !out.back().text().empty() && !line.text().empty() &&
        out.back().last_line() + 1 == line.line() &&
        is_wrapped(out.back().text(), line.text(), width)) {
      LineText& joined = out.back();
      // A hyphen at a wrap stays (de-hyphenation decides whether it was a soft one), and
      // punctuation carried onto the next line rejoins its word.
      const char first = line.text().front();
      const bool tight = first == ',' || first == '.' || first == ';' || first == ':' ||
                         first == '!' || first == '?';
      const std::string glue = ends_with_word_hyphen(joined.text()) || tight ? "" : " ";
      fixes.push_back(
          {model::FixKind::Reflow, joined.position_at(joined.text().size()), "\n", glue});
      joined.join(glue, line);
      continue;
    }
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace dossier::normalize
