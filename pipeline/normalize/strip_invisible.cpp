#include "model/utf8.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {
// Characters that carry no text: controls other than tab, C1 controls, zero-width space,
// word joiner, soft hyphen and a BOM inside the text. ZWJ stays: it builds emoji sequences.
bool is_invisible(char32_t cp) {
  return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x00AD ||
         cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}
}  // namespace

// A zero-width non-joiner is spelling in Persian, Kurdish and Indic scripts (between two of
// their letters); anywhere else it is debris from copying.
bool is_stray_non_joiner(char32_t prev, char32_t cp, char32_t next) {
  if (cp != 0x200C) return false;
  const auto joins_script = [](char32_t c) { return c >= 0x0600 && c <= 0x0DFF; };
  return !(joins_script(prev) && joins_script(next));
}

void strip_invisible(LineText& line, std::vector<model::Fix>& fixes) {
  // Walk backwards so earlier offsets stay valid after each removal.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::vector<std::pair<char32_t, std::size_t>> cps;
  model::utf8::for_each(line.text(),
                        [&](char32_t cp, std::size_t at) { cps.emplace_back(cp, at); });
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const auto [cp, at] = cps[k];
    const char32_t prev = k > 0 ? cps[k - 1].first : 0;
    const char32_t next = k + 1 < cps.size() ? cps[k + 1].first : 0;
    if (!is_invisible(cp) && !is_stray_non_joiner(prev, cp, next)) continue;
    const std::size_t len = model::utf8::encode(cp).size();
    if (!runs.empty() && runs.back().first + runs.back().second == at) {
      runs.back().second += len;
    } else {
      runs.emplace_back(at, len);
    }
  }
  std::vector<model::Fix> found;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    line.replace(it->first, it->first + it->second, "", model::FixKind::ControlChar, found);
  }
  fixes.insert(fixes.end(), found.rbegin(), found.rend());
}

}  // namespace dossier::normalize
