// Quote artifacts from copying: a doubled or mismatched opening quote (‘“, “‘, ““, "“)
// becomes one “; a closing quote standing alone at the start of a line goes; with
// --ascii-punctuation, typographic quotes become straight ones.
#include <string_view>

#include "model/ascii.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {

// The characters a doubled opening quote is made of: ‘ “ and ".
std::size_t opening_quote_length(const std::string& t, std::size_t at) {
  if (t.compare(at, 3, "\u2018") == 0 || t.compare(at, 3, "\u201C") == 0) return 3;
  if (t[at] == '"') return 1;
  return 0;
}

// The next '"' or U+2018/U+201C lead byte (E2) at or after `from`.
std::size_t next_quote_candidate(const std::string& t, std::size_t from) {
  for (std::size_t i = from; i < t.size(); ++i) {
    if (t[i] == '"' || t[i] == '\xE2') return i;
  }
  return std::string::npos;
}

// Whether `t` holds one of the two artifacts repair_quotes fixes: a “ beside another opening
// quote, or a line opening with ” or ’ and a blank. Most lines with quotes hold neither.
bool may_need_repair(std::string_view t) {
  constexpr std::string_view kOpenDouble = "\u201C", kOpenSingle = "\u2018";
  for (std::size_t at = t.find(kOpenDouble); at != std::string_view::npos;
       at = t.find(kOpenDouble, at + 3)) {
    const std::string_view before = t.substr(0, at), after = t.substr(at + 3);
    if (before.ends_with('"') || before.ends_with(kOpenDouble) || before.ends_with(kOpenSingle) ||
        after.starts_with('"') || after.starts_with(kOpenDouble) ||
        after.starts_with(kOpenSingle)) {
      return true;
    }
  }
  const std::size_t first = t.find_first_not_of(" \t");
  if (first == std::string_view::npos) return false;
  const std::string_view rest = t.substr(first);
  return (rest.starts_with("\u201D") || rest.starts_with("\u2019")) && rest.size() > 3 &&
         (rest[3] == ' ' || rest[3] == '\t');
}

bool starts_word(const std::string& t, std::size_t at) {
  if (at >= t.size()) return false;
  return model::ascii::is_alnum(t[at]) || static_cast<unsigned char>(t[at]) >= 0x80;
}

}  // namespace

void repair_quotes(LineText& line, std::vector<model::Fix>& fixes) {
  if (!may_need_repair(line.text())) return;
  std::vector<model::Fix> recorded;
  // A run of two or more opening quotes with a “ among them, at the start of a word:
  // "‘“He", "““He", "\"“He" → "“He". Found left to right, replaced right to left.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  const std::string& text = line.text();
  for (std::size_t at = next_quote_candidate(text, 0); at < text.size();) {
    const bool boundary = at == 0 || text[at - 1] == ' ' || text[at - 1] == '(';
    std::size_t end = at, count = 0;
    bool curly_double = false;
    while (end < text.size()) {
      const std::size_t n = opening_quote_length(text, end);
      if (n == 0) break;
      curly_double = curly_double || text.compare(end, 3, "\u201C") == 0;
      end += n, ++count;
    }
    if (count >= 2 && curly_double && boundary && starts_word(text, end))
      runs.emplace_back(at, end);
    at = next_quote_candidate(text, end > at ? end : at + 1);
  }
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    line.replace(it->first, it->second, "\u201C", model::FixKind::Quotes, recorded);
  }
  // A closing quote left over from the previous paragraph: "” The next…" (indented or not).
  const std::string& t = line.text();
  const std::size_t first = t.find_first_not_of(" \t");
  if (first != std::string::npos &&
      (t.compare(first, 3, "\u201D") == 0 || t.compare(first, 3, "\u2019") == 0)) {
    const std::size_t blanks_end = t.find_first_not_of(" \t", first + 3);
    if (blanks_end != first + 3 && blanks_end != std::string::npos) {
      line.replace(first, blanks_end, "", model::FixKind::Quotes, recorded);
    }
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

void straighten_quotes(LineText& line, std::vector<model::Fix>& fixes) {
  if (line.text().find('\xE2') == std::string::npos) return;
  std::vector<model::Fix> recorded;
  const std::pair<std::string_view, const char*> kMap[] = {
      {"\u2018", "'"},  {"\u2019", "'"},  {"\u201A", "'"},  {"\u201B", "'"},
      {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u201F", "\""}};
  for (std::size_t at = line.text().size(); at-- > 0;) {
    for (const auto& [curly, straight] : kMap) {
      if (line.text().compare(at, curly.size(), curly) == 0) {
        line.replace(at, at + curly.size(), straight, model::FixKind::Quotes, recorded);
        break;
      }
    }
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
