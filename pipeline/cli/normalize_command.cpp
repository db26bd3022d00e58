#include <iostream>
#include <iterator>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/report.h"
#include "cli/settings.h"
#include "emit/emit.h"
#include "emit/end_note.h"

namespace dossier::cli {

namespace {

// The clean text: metadata lines as they stood, then one block per paragraph.
std::string clean_text(const model::Source& s) {
  std::vector<std::string> parts;
  if (s.meta.category) parts.push_back(*s.meta.category);
  if (s.meta.title) parts.push_back(*s.meta.title);
  if (s.meta.subtitle) parts.push_back(*s.meta.subtitle);
  for (const auto& a : s.meta.authors) parts.push_back(a);
  for (const auto& b : s.blocks) parts.push_back(b.text);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "\n\n") + p;
  return out + "\n";
}

void explain(const model::Source& s) {
  for (const auto& fix : s.fixes) std::cerr << s.path << ':' << emit::describe_fix(fix) << '\n';
  for (const auto& r : s.removals) {
    std::cerr << s.path << ':' << r.first_line << ":1 removal (" << r.rule << "): \""
              << emit::visible(r.text) << "\"\n";
  }
}

model::Source from_stdin(const PipelineSettings& settings, model::Diagnostics& diag) {
  const std::string bytes((std::istreambuf_iterator<char>(std::cin)),
                          std::istreambuf_iterator<char>());
  model::Source source;
  source.path = "<stdin>";
  auto decoded = ingest::decode_bytes(bytes, source.path, diag);
  if (!decoded) {
    diag.report(decoded.error());
    source.status = model::SourceStatus::Failed;
    return source;
  }
  source.text = std::move(decoded.value().text);
  source.fixes = std::move(decoded.value().fixes);
  return structure::structure(normalize::normalize(std::move(source), settings.normalize),
                              settings.structure, diag);
}

}  // namespace

int run_normalize(const NormalizeCommandOptions& options, const CommonOptions& common) {
  model::Diagnostics diag;
  const Job job = ad_hoc_job({}, diag);
  PipelineSettings settings = pipeline_settings(job, data_folder(), diag);
  settings.normalize.characters.ascii_punctuation = options.ascii_punctuation;
  // Names, quotes and figures only show in the JSON; plain text skips finding them.
  const auto finish_source = [&](model::Source s, std::size_t i) {
    return options.format == "json" ? annotate::annotate(std::move(s), i, settings.annotate) : s;
  };
  std::vector<model::Source> sources;
  if (options.files.empty() || (options.files.size() == 1 && options.files[0] == "-")) {
    sources.push_back(finish_source(from_stdin(settings, diag), 0));
  } else {
    const Job files = ad_hoc_job(options.files, diag);
    for (std::size_t i = 0; i < files.sources.size(); ++i) {
      sources.push_back(finish_source(prepare_source(files.sources[i], settings, diag), i));
    }
  }
  const bool many = sources.size() > 1;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const model::Source& s = sources[i];
    if (s.status == model::SourceStatus::Failed) continue;
    if (many) std::cout << (i ? "\n" : "") << "==> " << s.path << " <==\n";
    if (options.format == "json") {
      model::Briefing one;
      one.title = model::display_title(s);
      one.sources.push_back(s);
      std::cout << emit::briefing_json(one, DOSSIER_VERSION);
    } else {
      std::cout << clean_text(s);
    }
    if (options.explain) explain(s);
  }
  check_standard_output(diag);
  return finish(diag, sources.size(), common);
}

int run_inspect(const std::vector<std::string>& files, const CommonOptions& common) {
  model::Diagnostics diag;
  const Job job = ad_hoc_job(files, diag);
  const auto clock = resolve_clock(job.date, diag);
  if (!clock) return finish(diag, job.sources.size(), common);
  const PipelineSettings settings = pipeline_settings(job, data_folder(), diag);
  const model::Briefing briefing = assemble_briefing(job, settings, *clock, diag);
  std::cout << emit::briefing_json(briefing, DOSSIER_VERSION);
  check_standard_output(diag);
  return finish(diag, briefing.sources.size(), common);
}

}  // namespace dossier::cli
