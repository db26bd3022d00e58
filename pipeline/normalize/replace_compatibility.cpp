// Compatibility characters: Latin ligatures (ﬁ ﬂ …) and full-width ASCII become plain
// letters; no-break spaces become spaces unless they bind a number to what it counts.
#include "model/utf8.h"
#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {

const char* ligature(char32_t c) {
  switch (c) {
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
      return "st";
    case 0xFB06:
      return "st";
    default:
      return nullptr;
  }
}

bool is_no_break_space(char32_t c) {
  return c == 0xA0 || c == 0x202F || c == 0x2007;
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}

struct Edit {
  std::size_t begin, end;
  std::string replacement;
  model::FixKind kind;
};

}  // namespace

void replace_compatibility(LineText& line, std::vector<model::Fix>& fixes) {
  const std::string& t = line.text();
  std::vector<Edit> edits;
  char32_t prev = 0;
  std::vector<std::pair<char32_t, std::size_t>> cps;
  model::utf8::for_each(t, [&](char32_t c, std::size_t at) { cps.emplace_back(c, at); });
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const auto [c, at] = cps[k];
    const std::size_t end = k + 1 < cps.size() ? cps[k + 1].second : t.size();
    const char32_t next = k + 1 < cps.size() ? cps[k + 1].first : 0;
    if (const char* lig = ligature(c)) {
      edits.push_back({at, end, lig, model::FixKind::Ligature});
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      edits.push_back({at, end, std::string(1, static_cast<char>(c - 0xFF01 + 0x21)),
                       model::FixKind::Ligature});
    } else if (c == 0x3000) {
      edits.push_back({at, end, " ", model::FixKind::Ligature});
    } else if (is_no_break_space(c) && !is_digit(prev) && !is_digit(next)) {
      // "10 km", "€ 5", "§ 3" keep theirs; elsewhere it is a space pasted from the web.
      edits.push_back({at, end, " ", model::FixKind::Whitespace});
    }
    prev = c;
  }
  std::vector<model::Fix> recorded;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    line.replace(it->begin, it->end, it->replacement, it->kind, recorded);
  }
  fixes.insert(fixes.end(), recorded.rbegin(), recorded.rend());
}

}  // namespace dossier::normalize
