// Quote artifacts from copying: a doubled or mismatched opening quote (‘“, “‘, ““, "“)
// becomes one “; a closing quote standing alone at the start of a line goes; with
// --ascii-punctuation, typographic quotes become straight ones.
#include <string_view>

#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {
constexpr std::string_view kDoubledOpenings[] = {"\u2018\u201C", "\u201C\u2018", "\u201C\u201C",
                                                 "\"\u201C", "\u201C\""};
}  // namespace

void repair_quotes(LineText& line, std::vector<model::Fix>& fixes) {
  std::vector<model::Fix> recorded;
  // Right to left, so offsets found earlier stay valid.
  for (std::size_t at = line.text().size(); at-- > 0;) {
    for (std::string_view doubled : kDoubledOpenings) {
      const std::string& t = line.text();
      if (t.compare(at, doubled.size(), doubled) != 0) continue;
      const std::size_t after = at + doubled.size();
      const bool opens = after < t.size() && t[after] != ' ';
      const bool starts = at == 0 || t[at - 1] == ' ' || t[at - 1] == '(';
      if (opens && starts) line.replace(at, after, "\u201C", model::FixKind::Quotes, recorded);
    }
  }
  // A closing quote left over from the previous paragraph: "” The next…".
  const std::string& t = line.text();
  for (std::string_view stray : {"\u201D ", "\u2019 "}) {
    if (t.starts_with(stray)) {
      line.replace(0, stray.size(), "", model::FixKind::Quotes, recorded);
      break;
    }
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

void straighten_quotes(LineText& line, std::vector<model::Fix>& fixes) {
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
