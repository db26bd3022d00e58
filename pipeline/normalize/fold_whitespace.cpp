#include "normalize/line_text.h"

namespace dossier::normalize {

void fold_whitespace(LineText& line, std::vector<model::Fix>& fixes) {
  // Find runs of spaces and tabs; edit from the end so offsets before stay valid.
  const std::string& t = line.text();
  const bool untouched =
      t.empty() || (t.front() != ' ' && t.back() != ' ' && t.find('\t') == std::string::npos &&
                    t.find("  ") == std::string::npos);
  if (untouched) return;
  struct Run {
    std::size_t begin, end;
    const char* replacement;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] != ' ' && t[i] != '\t') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
    const bool edge = i == 0 || j == t.size();
    if (edge) {
      runs.push_back({i, j, ""});
    } else if (j - i > 1 || t[i] == '\t') {
      runs.push_back({i, j, " "});
    }
    i = j;
  }
  std::vector<model::Fix> found;
  for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
    line.replace(it->begin, it->end, it->replacement, model::FixKind::Whitespace, found);
  }
  fixes.insert(fixes.end(), found.rbegin(), found.rend());
}

}  // namespace dossier::normalize
