#include "cli/job.h"

#include "cli/yaml_reader.h"

#include <glob.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace dossier::cli {

namespace fs = std::filesystem;
using model::DiagCode;

namespace {

const std::set<std::string> kSourceExtensions = {".txt", ".text", ".md", ".markdown"};

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[static_cast<std::size_t>(i)] < '0' || s[static_cast<std::size_t>(i)] > '9') return false;
  }
  const int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::optional<std::string> date_value(const YAML::Node& node, const std::string& key,
                                      YamlReporter& report) {
  auto v = scalar(node, key, report);
  if (v && !is_iso_date(*v)) {
    report.error(node, DiagCode::JobWrongType, "'" + key + "' must be a date as YYYY-MM-DD");
    return std::nullopt;
  }
  return v;
}

bool has_glob_characters(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

bool is_source_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return kSourceExtensions.count(ext) > 0;
}

std::string display_path(const fs::path& file, const fs::path& folder) {
  if (folder.empty()) return file.lexically_normal().string();
  const fs::path rel = file.lexically_normal().lexically_relative(folder.lexically_normal());
  return rel.empty() ? file.string() : rel.string();
}

// More files and folders below one source folder than any collection has.
constexpr std::size_t kMaxFolderEntries = 200000;

// Expands one source entry (file, directory or glob) into files, in a stable order.
// Returns false when nothing usable was found (the reason is reported).
bool expand_source(const std::string& written, const fs::path& folder, const SourceSpec& meta,
                   const std::function<void(const std::string&)>& not_found,
                   std::vector<SourceSpec>& out) {
  const fs::path target = folder.empty() ? fs::path(written) : folder / written;
  const auto add = [&](const fs::path& file) {
    SourceSpec spec = meta;
    spec.path = file;
    spec.display_path = folder.empty() && !has_glob_characters(written) && fs::path(written) == file
                            ? written
                            : display_path(file, folder);
    out.push_back(std::move(spec));
  };
  if (has_glob_characters(written)) {
    glob_t g{};
    const int rc = ::glob(target.c_str(), 0, nullptr, &g);
    std::vector<fs::path> files;
    for (std::size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) files.emplace_back(g.gl_pathv[i]);
    globfree(&g);
    std::error_code ec;
    std::erase_if(files, [&](const fs::path& p) { return !fs::is_regular_file(p, ec); });
    if (files.empty()) {
      not_found("no files match '" + written + "'");
      return false;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add(f);
    return true;
  }
  std::error_code ec;
  const fs::file_status status = fs::status(target, ec);
  if (ec == std::errc::too_many_symbolic_link_levels) {
    not_found("source is a loop of symbolic links: " + written);
    return false;
  }
  if (ec || !fs::exists(status)) {
    not_found("source not found: " + written);
    return false;
  }
  if (fs::is_directory(status)) {
    std::vector<fs::path> files;
    // Recursion follows no directory symlinks, so a symlink loop cannot trap the walk; and it
    // stops at kMaxFolderEntries, so a slip such as "/" fails quickly instead of reading the
    // whole disk.
    std::size_t entries = 0;
    for (fs::recursive_directory_iterator
             it(target, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
      if (++entries > kMaxFolderEntries) {
        not_found("folder holds more than " + std::to_string(kMaxFolderEntries) +
                  " entries; name the folders with the sources, or a glob: " + written);
        return false;
      }
      if (it->is_regular_file(ec) && is_source_file(it->path())) files.push_back(it->path());
    }
    if (files.empty()) {
      not_found("directory holds no .txt or .md sources: " + written);
      return false;
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add(f);
    return true;
  }
  add(target);
  return true;
}

void read_source_meta(const YAML::Node& entry, SourceSpec& spec, YamlReporter& report) {
  for (const auto& kv : entry) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    model::SourceMeta& m = spec.given;
    if (key == "path") continue;
    if (key == "authors" || key == "author") {
      m.authors = string_list(value, key, report);
    } else if (auto* field = model::text_field(m, key)) {
      *field = key == "date" ? date_value(value, key, report) : scalar(value, key, report);
    } else {
      report.warning(kv.first, DiagCode::JobUnknownKey, "unknown source key '" + key + "' ignored");
    }
  }
}

void read_sources(const YAML::Node& list, Job& job, YamlReporter& report) {
  if (!list.IsSequence()) {
    report.error(list, DiagCode::JobWrongType, "'sources' must be a list of paths or entries");
    return;
  }
  for (const auto& entry : list) {
    SourceSpec meta;
    std::string written;
    // A Mark, not a Node: assigning one yaml-cpp Node to another overwrites the first's content.
    YAML::Mark at = entry.Mark();
    if (entry.IsScalar()) {
      written = entry.Scalar();
    } else if (entry.IsMap()) {
      const YAML::Node path = entry["path"];
      if (!path || !path.IsScalar()) {
        report.error(entry, DiagCode::JobMissingKey, "a source entry needs a 'path'");
        continue;
      }
      written = path.Scalar();
      at = path.Mark();
      read_source_meta(entry, meta, report);
    } else {
      report.error(entry, DiagCode::JobWrongType,
                   "a source must be a path or an entry with 'path'");
      continue;
    }
    expand_source(
        written, job.folder, meta,
        [&](const std::string& why) { report.error(at, DiagCode::MissingSource, why); },
        job.sources);
  }
}

// Page and type settings from a map: the job's `pdf:` key or templates/pdf.yaml. `keys`
// collects the keys given.
void read_pdf_settings(const YAML::Node& node, emit::PdfOptions& pdf, std::set<std::string>& keys,
                       YamlReporter& report) {
  if (!node.IsMap()) {
    report.error(node, DiagCode::JobWrongType,
                 "'pdf' must be a map (paper, font, font_size, margins)");
    return;
  }
  const auto number = [&](const YAML::Node& value, const std::string& key, double low,
                          double high) -> std::optional<double> {
    double v = 0;
    if (!YAML::convert<double>::decode(value, v) || v < low || v > high) {
      report.error(value, DiagCode::JobWrongType,
                   "'" + key + "' must be a number from " + std::to_string(int(low)) + " to " +
                       std::to_string(int(high)));
      return std::nullopt;
    }
    return v;
  };
  for (const auto& kv : node) {
    const std::string key = kv.first.Scalar();
    if (key == "paper") {
      auto v = scalar(kv.second, key, report);
      if (v && *v != "A4" && *v != "Letter") {
        report.error(kv.second, DiagCode::JobWrongType, "'paper' must be A4 or Letter");
      } else if (v) {
        pdf.paper = *v;
        keys.insert(key);
      }
    } else if (key == "font") {
      if (auto v = scalar(kv.second, key, report)) {
        pdf.font = *v;
        keys.insert(key);
      }
    } else if (key == "font_size") {
      if (auto v = number(kv.second, key, 4, 72)) {
        pdf.font_size = *v;
        keys.insert(key);
      }
    } else if (key == "margins") {
      if (!kv.second.IsMap()) {
        report.error(kv.second, DiagCode::JobWrongType,
                     "'margins' must be a map (top, bottom, left, right)");
        continue;
      }
      for (const auto& m : kv.second) {
        const std::string side = m.first.Scalar();
        double* field = side == "top"      ? &pdf.margin_top
                        : side == "bottom" ? &pdf.margin_bottom
                        : side == "left"   ? &pdf.margin_left
                        : side == "right"  ? &pdf.margin_right
                                           : nullptr;
        if (!field) {
          report.warning(m.first, DiagCode::JobUnknownKey, "unknown margin '" + side + "' ignored");
        } else if (auto v = number(m.second, side, 18, 216)) {
          *field = *v;
          keys.insert("margins." + side);
        }
      }
    } else {
      report.warning(kv.first, DiagCode::JobUnknownKey, "unknown pdf key '" + key + "' ignored");
    }
  }
}

}  // namespace

std::optional<Job> load_job(const fs::path& file, model::Diagnostics& diag) {
  const auto text = read_text(file);
  if (!text) {
    diag.error(DiagCode::Unreadable, file.string(), 0, 0, "cannot read job file");
    return std::nullopt;
  }
  return load_job_text(*text, file, diag);
}

std::optional<Job> load_job_text(const std::string& text, const fs::path& file,
                                 model::Diagnostics& diag) {
  const std::string path = file.string();
  const auto root = parse_yaml(text, path, diag);
  if (!root) return std::nullopt;
  YamlReporter report{path, diag};
  if (!root->IsMap()) {
    diag.error(DiagCode::JobWrongType, path, 1, 1,
               "a job file must be a map of keys (title, sources, …)");
    return std::nullopt;
  }
  Job job;
  job.file = file;
  job.folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
  bool has_sources = false;
  for (const auto& kv : *root) {
    const std::string key = kv.first.Scalar();
    const YAML::Node& value = kv.second;
    if (key == "title") {
      job.title = scalar(value, key, report);
    } else if (key == "subtitle") {
      job.subtitle = scalar(value, key, report);
    } else if (key == "author") {
      job.author = scalar(value, key, report);
    } else if (key == "date") {
      job.date = date_value(value, key, report);
    } else if (key == "language") {
      if (auto v = scalar(value, key, report)) job.language = *v;
    } else if (key == "sources") {
      has_sources = true;
      read_sources(value, job, report);
    } else if (key == "outputs") {
      job.outputs = string_list(value, key, report);
      for (const auto& name : job.outputs) {
        if (!emit::find_format(name)) {
          report.error(value, DiagCode::JobWrongType,
                       "unknown output format '" + name + "' (known: html, epub, pdf, md, json)");
        }
      }
    } else if (key == "templates") {
      if (auto v = scalar(value, key, report)) job.templates = job.folder / *v;
    } else if (key == "boilerplate") {
      if (auto v = scalar(value, key, report)) job.boilerplate = job.folder / *v;
    } else if (key == "pdf") {
      read_pdf_settings(value, job.pdf, job.pdf_keys, report);
    } else if (key == "entities") {
      for (const auto& file : string_list(value, key, report))
        job.entities.push_back(job.folder / file);
    } else if (key == "data") {
      for (const auto& file : string_list(value, key, report))
        job.data_files.push_back(job.folder / file);
    } else {
      report.warning(kv.first, DiagCode::JobUnknownKey, "unknown key '" + key + "' ignored");
    }
  }
  if (!job.title) {
    diag.error(DiagCode::JobMissingKey, path, 1, 1, "the job needs a 'title'");
    return std::nullopt;
  }
  if (!has_sources) {
    diag.error(DiagCode::JobMissingKey, path, 1, 1, "the job needs 'sources'");
    return std::nullopt;
  }
  if (report.failed && job.sources.empty()) return std::nullopt;
  return job;
}

Job ad_hoc_job(const std::vector<std::string>& paths, model::Diagnostics& diag) {
  Job job;
  for (const auto& p : paths) {
    expand_source(
        p, {}, {},
        [&](const std::string& why) { diag.error(DiagCode::MissingSource, p, 0, 0, why); },
        job.sources);
  }
  return job;
}

std::vector<structure::BoilerplateRule> load_boilerplate(const fs::path& file,
                                                         model::Diagnostics& diag) {
  std::vector<structure::BoilerplateRule> rules;
  const std::string path = file.string();
  const auto text = read_text(file);
  if (!text) {
    diag.error(DiagCode::Unreadable, path, 0, 0, "cannot read boilerplate rules");
    return rules;
  }
  const auto root = parse_yaml(*text, path, diag);
  if (!root) return rules;
  YamlReporter report{path, diag};
  const YAML::Node list = (*root)["rules"];
  if (!list || !list.IsSequence()) {
    diag.error(DiagCode::JobWrongType, path, 1, 1, "boilerplate file needs a 'rules' list");
    return rules;
  }
  for (const auto& entry : list) {
    if (!entry.IsMap()) {
      report.error(entry, DiagCode::JobWrongType,
                   "a rule must be a map (name, exact|prefix|regex, why)");
      continue;
    }
    structure::BoilerplateRule rule;
    bool has_pattern = false;
    for (const auto& kv : entry) {
      const std::string key = kv.first.Scalar();
      if (key == "name") {
        rule.name = scalar(kv.second, key, report).value_or("");
      } else if (key == "why") {
        rule.why = scalar(kv.second, key, report).value_or("");
      } else if (key == "where") {
        const std::string where = scalar(kv.second, key, report).value_or("anywhere");
        if (where == "top") {
          rule.where = structure::Where::Top;
        } else if (where == "bottom") {
          rule.where = structure::Where::Bottom;
        } else if (where != "anywhere") {
          report.error(kv.second, DiagCode::JobWrongType,
                       "'where' must be anywhere, top or bottom");
        }
      } else if (key == "exact" || key == "prefix" || key == "regex") {
        rule.match = key == "exact"    ? structure::MatchKind::Exact
                     : key == "prefix" ? structure::MatchKind::Prefix
                                       : structure::MatchKind::Regex;
        rule.patterns = string_list(kv.second, key, report);
        has_pattern = true;
      } else {
        report.warning(kv.first, DiagCode::JobUnknownKey, "unknown rule key '" + key + "' ignored");
      }
    }
    if (rule.name.empty() || !has_pattern) {
      report.error(entry, DiagCode::JobMissingKey,
                   "a rule needs a 'name' and one of exact, prefix, regex");
      continue;
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

emit::PdfOptions load_pdf_settings(const std::string& yaml_text, const std::string& path,
                                   emit::PdfOptions defaults, model::Diagnostics& diag) {
  const auto root = parse_yaml(yaml_text, path, diag);
  if (!root || root->IsNull()) return defaults;
  YamlReporter report{path, diag};
  std::set<std::string> keys;
  read_pdf_settings(*root, defaults, keys, report);
  return defaults;
}

std::map<std::string, std::string> load_words(const std::string& yaml_text, const std::string& path,
                                              model::Diagnostics& diag) {
  std::map<std::string, std::string> words;
  const auto root = parse_yaml(yaml_text, path, diag);
  if (!root || !root->IsMap()) return words;
  for (const auto& kv : *root) {
    if (kv.second.IsScalar()) words[kv.first.Scalar()] = kv.second.Scalar();
  }
  return words;
}

}  // namespace dossier::cli
