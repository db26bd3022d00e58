// The job: what to build, from which sources, into which formats. Loaded from a job file
// (config/briefing.yaml) with yaml-cpp, or made from files named on the command line. YAML
// problems become positioned diagnostics here; no other stage reads YAML.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "emit/emit.h"
#include "model/diagnostics.h"
#include "model/model.h"
#include "structure/structure.h"

namespace dossier::cli {

struct SourceSpec {
  std::string display_path;    // relative to the job folder, or as given
  std::filesystem::path path;  // where to read it
  model::SourceMeta given;
};

struct Job {
  std::filesystem::path file;  // empty for an ad-hoc job
  std::filesystem::path folder;
  std::optional<std::string> title;
  std::optional<std::string> subtitle;
  std::optional<std::string> author;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::string language = "en";
  std::vector<SourceSpec> sources;
  std::vector<std::string> outputs = {"html", "epub", "pdf", "md", "json"};
  std::optional<std::filesystem::path> templates;
  std::optional<std::filesystem::path> boilerplate;
  std::vector<std::filesystem::path> entities;    // gazetteer files layered on the built-in one
  std::vector<std::filesystem::path> data_files;  // a report's data (YAML or JSON), in order
  std::vector<std::string> data_values;           // --set KEY=VALUE, after the files
  emit::PdfOptions pdf;
  std::set<std::string> pdf_keys;  // the pdf: keys the job sets (they win over pdf.yaml)
};

// Loads a job file. Returns nothing when the job cannot be used (its errors are in `diag`);
// a missing source is an error but the job is still returned without it.
std::optional<Job> load_job(const std::filesystem::path& file, model::Diagnostics& diag);

// The same from the job file's text; `file` places it (sources are found beside it).
std::optional<Job> load_job_text(const std::string& text, const std::filesystem::path& file,
                                 model::Diagnostics& diag);

// A job from files, directories and globs named on the command line.
Job ad_hoc_job(const std::vector<std::string>& paths, model::Diagnostics& diag);

// Boilerplate rules from a YAML file (config/boilerplate.yaml format); errors to `diag`.
std::vector<structure::BoilerplateRule> load_boilerplate(const std::filesystem::path& file,
                                                         model::Diagnostics& diag);

// PDF page and type settings (templates/pdf.yaml) over `defaults`.
emit::PdfOptions load_pdf_settings(const std::string& yaml_text, const std::string& path,
                                   emit::PdfOptions defaults, model::Diagnostics& diag);

// The words table (templates/strings.yaml).
std::map<std::string, std::string> load_words(const std::string& yaml_text, const std::string& path,
                                              model::Diagnostics& diag);

}  // namespace dossier::cli
