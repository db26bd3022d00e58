#include "cli/job_data.h"

#include "cli/yaml_reader.h"

namespace dossier::cli {

namespace {

using Json = nlohmann::json;

// Bounds a data file's size once aliases are expanded (a YAML alias bomb) and its depth.
constexpr std::size_t kMaxValues = 1'000'000;
constexpr int kMaxDepth = 64;

Json scalar_value(const std::string& text, bool quoted) {
  if (!quoted) {
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    if (text.empty() || text == "null" || text == "Null" || text == "NULL" || text == "~") {
      return nullptr;
    }
  }
  return text;
}

class Converter {
 public:
  explicit Converter(YamlReporter& report) : report_(report) {}

  std::optional<Json> convert(const YAML::Node& node, int depth = 0) {
    if (++values_ > kMaxValues) {
      if (!too_big_)
        report_.error(node, model::DiagCode::JobWrongType,
                      "data holds more than a million values (an alias loop?)");
      too_big_ = true;
      return std::nullopt;
    }
    if (depth > kMaxDepth) {
      report_.error(node, model::DiagCode::JobWrongType, "data nested more than 64 levels deep");
      return std::nullopt;
    }
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        return scalar_value(node.Scalar(), node.Tag() == "!");
      case YAML::NodeType::Sequence: {
        Json list = Json::array();
        for (const auto& item : node) {
          auto v = convert(item, depth + 1);
          if (!v) return std::nullopt;
          list.push_back(std::move(*v));
        }
        return list;
      }
      case YAML::NodeType::Map: {
        Json map = Json::object();
        for (const auto& kv : node) {
          if (!kv.first.IsScalar()) {
            report_.error(kv.first, model::DiagCode::JobWrongType, "a data key must be text");
            return std::nullopt;
          }
          auto v = convert(kv.second, depth + 1);
          if (!v) return std::nullopt;
          map[kv.first.Scalar()] = std::move(*v);
        }
        return map;
      }
      default:
        return nullptr;
    }
  }

 private:
  YamlReporter& report_;
  std::size_t values_ = 0;
  bool too_big_ = false;
};

void set_value(Json& data, const std::string& assignment, model::Diagnostics& diag) {
  const std::size_t eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    diag.error(model::DiagCode::JobWrongType, "--set", 0, 0,
               "'" + assignment + "' is not KEY=VALUE");
    return;
  }
  const std::string key = assignment.substr(0, eq);
  Json* at = &data;
  for (std::size_t start = 0;;) {
    const std::size_t dot = key.find('.', start);
    const std::string part = key.substr(start, dot - start);
    if (part.empty() || !at->is_object()) {
      diag.error(model::DiagCode::JobWrongType, "--set", 0, 0,
                 "'" + key + "': cannot set a value inside '" + key.substr(0, start - 1) +
                     "', which is not a map");
      return;
    }
    at = &(*at)[part];
    if (dot == std::string::npos) break;
    if (at->is_null()) *at = Json::object();
    start = dot + 1;
  }
  *at = scalar_value(assignment.substr(eq + 1), false);
}

}  // namespace

std::shared_ptr<const nlohmann::json> load_job_data(const Job& job, model::Diagnostics& diag) {
  if (job.data_files.empty() && job.data_values.empty()) return nullptr;
  auto data = std::make_shared<Json>(Json::object());
  for (const auto& file : job.data_files) {
    const std::string path = file.string();
    const auto text = read_text(file);
    if (!text) {
      diag.error(model::DiagCode::Unreadable, path, 0, 0, "cannot read data file");
      continue;
    }
    const auto root = parse_yaml(*text, path, diag);
    if (!root) continue;
    YamlReporter report{path, diag};
    if (!root->IsMap()) {
      if (!root->IsNull())
        report.error(*root, model::DiagCode::JobWrongType,
                     "a data file must be a map of names to values");
      continue;
    }
    Converter converter(report);
    if (auto values = converter.convert(*root)) {
      for (auto& [key, value] : values->items()) (*data)[key] = std::move(value);
    }
  }
  for (const auto& assignment : job.data_values) set_value(*data, assignment, diag);
  return data;
}

}  // namespace dossier::cli
