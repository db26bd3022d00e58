#include "cli/yaml_reader.h"

namespace dossier::cli {

namespace fs = std::filesystem;
using model::DiagCode;

void YamlReporter::error(const YAML::Mark& at, DiagCode code, const std::string& message) {
  diag.error(code, path, at.line + 1, at.column + 1, message);
  failed = true;
}
void YamlReporter::error(const YAML::Node& at, DiagCode code, const std::string& message) {
  error(at.Mark(), code, message);
}
void YamlReporter::warning(const YAML::Node& at, DiagCode code, const std::string& message) {
  diag.warning(code, path, at.Mark().line + 1, at.Mark().column + 1, message);
}

// Parses YAML text; syntax errors become positioned diagnostics.
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& path,
                                     model::Diagnostics& diag) {
  try {
    return YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diag.error(DiagCode::JobSyntax, path, e.mark.line + 1, e.mark.column + 1,
               "malformed YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    diag.error(DiagCode::JobSyntax, path, e.mark.line + 1, e.mark.column + 1,
               std::string("malformed YAML: ") + e.what());
  }
  return std::nullopt;
}

std::optional<std::string> scalar(const YAML::Node& node, const std::string& key,
                                  YamlReporter& report) {
  if (!node.IsScalar()) {
    report.error(node, DiagCode::JobWrongType, "'" + key + "' must be a single value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::vector<std::string> string_list(const YAML::Node& node, const std::string& key,
                                     YamlReporter& report) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (auto v = scalar(item, key, report)) out.push_back(*v);
    }
  } else {
    report.error(node, DiagCode::JobWrongType, "'" + key + "' must be a list of values");
  }
  return out;
}

}  // namespace dossier::cli
