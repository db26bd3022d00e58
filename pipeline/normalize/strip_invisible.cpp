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

void strip_invisible(LineText& line, std::vector<model::Fix>& fixes) {
  // Walk backwards so earlier offsets stay valid after each removal.
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  model::utf8::for_each(line.text(), [&](char32_t cp, std::size_t at) {
    if (!is_invisible(cp)) return;
    const std::size_t len = model::utf8::encode(cp).size();
    if (!runs.empty() && runs.back().first + runs.back().second == at) {
      runs.back().second += len;
    } else {
      runs.emplace_back(at, len);
    }
  });
  std::vector<model::Fix> found;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    line.replace(it->first, it->first + it->second, "", model::FixKind::ControlChar, found);
  }
  fixes.insert(fixes.end(), found.rbegin(), found.rend());
}

}  // namespace dossier::normalize
