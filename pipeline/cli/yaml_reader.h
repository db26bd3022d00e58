// YAML reading for cli/: positioned diagnostics from yaml-cpp nodes and exceptions. The only
// place besides job.cpp and the rule-file loaders that sees yaml-cpp.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/read_text.h"
#include "model/diagnostics.h"

namespace dossier::cli {

// Reports at a YAML node's position (yaml-cpp marks count from 0).
struct YamlReporter {
  std::string path;
  model::Diagnostics& diag;
  bool failed = false;

  void error(const YAML::Mark& at, model::DiagCode code, const std::string& message);
  void error(const YAML::Node& at, model::DiagCode code, const std::string& message);
  void warning(const YAML::Node& at, model::DiagCode code, const std::string& message);
};

// Parses YAML text; syntax errors become positioned diagnostics.
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& path,
                                     model::Diagnostics& diag);

// A scalar value, or an error at the node.
std::optional<std::string> scalar(const YAML::Node& node, const std::string& key,
                                  YamlReporter& report);

// One value or a list of values.
std::vector<std::string> string_list(const YAML::Node& node, const std::string& key,
                                     YamlReporter& report);

}  // namespace dossier::cli
