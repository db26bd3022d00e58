#include "structure/front_matter.h"

#include <yaml-cpp/yaml.h>

namespace dossier::structure {

namespace {

void warn(model::Diagnostics& diag, const model::Source& s, int first_line, const YAML::Mark& at,
          const std::string& message) {
  diag.warning(model::DiagCode::JobUnknownKey, s.path, first_line + at.line, at.column + 1,
               message);
}

}  // namespace

std::size_t read_front_matter(const std::vector<model::Line>& lines, model::Source& source,
                              model::Diagnostics& diag) {
  if (lines.empty() || lines[0].text != "---") return 0;
  std::size_t close = 1;
  while (close < lines.size() && lines[close].text != "---" && lines[close].text != "...") ++close;
  if (close == lines.size()) return 0;
  std::string yaml;
  for (std::size_t k = 1; k < close; ++k) yaml += lines[k].text + "\n";
  const int first_line = lines[1 < close ? 1 : 0].origin.line;
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    diag.warning(model::DiagCode::JobSyntax, source.path, first_line + e.mark.line,
                 e.mark.column + 1, "front matter is not valid YAML and was ignored: " + e.msg);
    return close + 1;
  }
  if (!root.IsMap()) return close + 1;
  model::SourceMeta& m = source.meta;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    if (key == "authors" || key == "author") {
      m.authors.clear();
      if (value.IsScalar()) m.authors.push_back(value.Scalar());
      if (value.IsSequence()) {
        for (const auto& a : value) {
          if (a.IsScalar()) m.authors.push_back(a.Scalar());
        }
      }
      continue;
    }
    if (!value.IsScalar()) {
      warn(diag, source, first_line, value.Mark(),
           "front matter '" + key + "' must be a single value");
      continue;
    }
    if (auto* field = model::text_field(m, key)) {
      *field = value.Scalar();
    } else {
      warn(diag, source, first_line, kv.first.Mark(),
           "unknown front matter key '" + key + "' ignored");
    }
  }
  return close + 1;
}

}  // namespace dossier::structure
