// Hard-wrap detection. A line was wrapped by a tool (PDF copy, e-mail, fixed-width export)
// when the next line's first word would have fitted on it had the paragraph continued: the
// wrap width is read from the text itself (the 90th percentile of line lengths).
#include <unicode/uchar.h>

#include <algorithm>

#include <unordered_set>

#include "model/ascii.h"
#include "model/utf8.h"
#include "normalize/dictionary.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace utf8 = model::utf8;
namespace ascii = model::ascii;

namespace {

constexpr std::size_t kNarrowestWrap = 40;      // narrower "wraps" are verse, lists or data
constexpr std::size_t kShortestStrayLine = 40;  // a stray break comes in a line of prose
constexpr std::size_t kWidestWrap = 200;        // wider lines are paragraphs typed on one line

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

// Hard wraps cluster just under the wrap width; text typed with one paragraph per line (and
// perhaps no blank lines at all) has lines of every length. A file is hard-wrapped when most
// lines that run on into another line are near the width.
bool looks_hard_wrapped(const std::vector<LineText>& lines, std::size_t width) {
  std::size_t running_on = 0, near_width = 0;
  for (std::size_t k = 0; k + 1 < lines.size(); ++k) {
    if (lines[k].text().empty() || lines[k + 1].text().empty()) continue;
    ++running_on;
    near_width += utf8::length(lines[k].text()) * 10 >= width * 7;
  }
  return running_on > 0 && near_width * 2 >= running_on;
}

// "Related article: …", "Photo: AA", "Read more: …": one to three capitalised words and a
// colon open a line of their own.
bool starts_with_label(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 30) return false;
  if (!ascii::is_upper(s[0])) return false;
  int words = 1;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = s[i];
    if (c == ' ')
      ++words;
    else if (!ascii::is_alpha(c) && c != '-')
      return false;
  }
  return words <= 3;
}

bool ends_sentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
  if (s.ends_with("\u201D") || s.ends_with("\u2019"))
    s.remove_suffix(3);
  else if (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')'))
    s.remove_suffix(1);
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// How a file marks paragraphs: by blank lines, or (when it has almost none) only by where
// the lines end.
struct Layout {
  std::size_t width = 0;   // the wrap width (90th percentile of line lengths)
  std::size_t widest = 0;  // the longest line: the width a wrapper filled up to
  bool tight = false;      // paragraphs follow each other without blank lines
};

bool ends_with_word_hyphen(const std::string& line) {
  return line.size() >= 2 && line.back() == '-' && line[line.size() - 2] != ' ' &&
         line[line.size() - 2] != '-';
}

bool is_wrapped(const std::string& line, const std::string& next, const Layout& layout) {
  if (starts_list_item(next)) return false;
  // In wrapped text a word broken by a hyphen at the line end always continues.
  if (ends_with_word_hyphen(line) && !next.empty() && ascii::is_alpha(next[0])) {
    return true;
  }
  const bool sentence_end = ends_sentence(line);
  if (sentence_end && starts_with_label(next)) return false;
  const std::size_t len = utf8::length(line);
  const std::size_t needed = len + 1 + first_word_length(next);
  // Without blank lines, a line that ends where the next word would still have fitted was
  // not wrapped: it ends a paragraph or is a heading.
  if (layout.tight && needed <= layout.width) return false;
  return needed * 5 > layout.width * 4;
}

std::string lower_ascii_word(std::string_view w) {
  std::string out;
  for (char c : w) out += ascii::to_lower(c);
  return out;
}

// The letters at the end of `line` before its hyphen, and at the start of `next`.
std::string_view fragment_before_hyphen(const std::string& line) {
  std::size_t start = line.size() - 1;
  while (start > 0 && ascii::is_alpha(line[start - 1])) --start;
  return std::string_view(line).substr(start, line.size() - 1 - start);
}
std::string_view fragment_after(const std::string& next) {
  std::size_t end = 0;
  while (end < next.size() && ascii::is_alpha(next[end])) ++end;
  return std::string_view(next).substr(0, end);
}

// Words of the source as written, for "seen elsewhere" decisions (built on first need).
class SourceWords {
 public:
  explicit SourceWords(const std::vector<LineText>& lines) : lines_(lines) {}
  bool seen(const std::string& word) {
    build();
    return words_.count(word) > 0;
  }

 private:
  void build() {
    if (built_) return;
    built_ = true;
    for (const auto& line : lines_) {
      const std::string& t = line.text();
      for (std::size_t i = 0; i < t.size();) {
        if (!ascii::is_alpha(t[i])) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < t.size() && (ascii::is_alpha(t[j]) || t[j] == '-')) ++j;
        words_.insert(lower_ascii_word(std::string_view(t).substr(i, j - i)));
        i = j;
      }
    }
  }
  const std::vector<LineText>& lines_;
  std::unordered_set<std::string> words_;
  bool built_ = false;
};

// "negoti-" + "ations" is one word split by the wrap; "full-" + "scale" and "Russia-" +
// "Ukraine" are compounds. The joined word must be known (dictionary, or written whole
// elsewhere in the source) and not written hyphenated elsewhere.
bool is_soft_hyphen_break(const std::string& line, const std::string& next, SourceWords& words) {
  const std::string_view left = fragment_before_hyphen(line);
  const std::string_view right = fragment_after(next);
  if (left.empty() || right.empty() || ascii::is_upper(right[0])) return false;
  const std::string joined = lower_ascii_word(std::string(left) + std::string(right));
  const std::string hyphenated = lower_ascii_word(std::string(left) + "-" + std::string(right));
  if (words.seen(hyphenated)) return false;
  return words.seen(joined) || dictionary_knows(joined);
}

}  // namespace

// Every word of four letters or more capitalized: "Why Port Capacity, Not Diplomacy, May
// Decide".
bool looks_title_case(std::string_view line) {
  int words = 0, capitals = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ' ') continue;
    if (i - start >= 4) {
      ++words;
      capitals += ascii::is_upper(line[start]) != 0;
    }
    start = i + 1;
  }
  return words > 0 && capitals == words;
}

// In text that is not hard-wrapped as a whole, a single stray break still shows: the line
// ends mid-sentence and the next one carries on in lower case.
bool is_stray_break(const std::string& line, const std::string& next) {
  if (next.empty() || starts_list_item(next) || ends_sentence(line)) return false;
  // Short lines are verse or lists; a headline broken in two is structure's to join.
  if (utf8::length(line) < kShortestStrayLine || looks_title_case(line)) return false;
  const char last = line.back();
  if (last == ':' || last == ';') return false;
  const auto first = utf8::decode(next, 0);
  return first.valid && u_islower(static_cast<UChar32>(first.cp));
}

std::vector<LineText> reflow(std::vector<LineText> lines, std::vector<model::Fix>& fixes) {
  const std::size_t width = wrap_width(lines);
  const bool hard_wrapped =
      width >= kNarrowestWrap && width <= kWidestWrap && looks_hard_wrapped(lines, width);
  SourceWords words(lines);
  Layout layout;
  layout.width = width;
  std::size_t blank = 0, filled = 0;
  for (const auto& l : lines) {
    if (l.text().empty()) {
      ++blank;
    } else {
      ++filled;
      layout.widest = std::max(layout.widest, utf8::length(l.text()));
    }
  }
  // A blank line or two under the headline does not make a file one of blank-line paragraphs.
  layout.tight = blank <= 2 || blank * 10 < filled;
  std::vector<LineText> out;
  out.reserve(lines.size());
  std::string last_physical;  // the last input line of out.back(): what a wrap is judged on
  for (auto& line : lines) {
    if (!out.empty() && !out.back().text().empty() && !line.text().empty() &&
        out.back().last_line() + 1 == line.line() &&
        (hard_wrapped ? is_wrapped(last_physical, line.text(), layout)
                      : is_stray_break(last_physical, line.text()))) {
      LineText& joined = out.back();
      // A hyphen at a wrap stays (de-hyphenation decides whether it was a soft one), and
      // punctuation carried onto the next line rejoins its word.
      const char first = line.text().front();
      const bool tight = first == ',' || first == '.' || first == ';' || first == ':' ||
                         first == '!' || first == '?';
      const bool hyphen = ends_with_word_hyphen(joined.text());
      if (hyphen && is_soft_hyphen_break(joined.text(), line.text(), words)) {
        const std::size_t at = joined.text().size() - 1;
        fixes.push_back({model::FixKind::Dehyphenate, joined.position_at(at), "-\n", ""});
        std::vector<model::Fix> unrecorded;  // the Fix above covers the hyphen and the break
        joined.replace(at, at + 1, "", model::FixKind::Dehyphenate, unrecorded);
        last_physical = line.text();
        joined.join("", line);
        continue;
      }
      const std::string glue = hyphen || tight ? "" : " ";
      fixes.push_back(
          {model::FixKind::Reflow, joined.position_at(joined.text().size()), "\n", glue});
      last_physical = line.text();
      joined.join(glue, line);
      continue;
    }
    last_physical = line.text();
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace dossier::normalize
