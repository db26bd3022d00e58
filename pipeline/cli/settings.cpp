#include "cli/settings.h"

#include "cli/entity_file.h"
#include "cli/job_data.h"

#include <cstdlib>
#include <ctime>

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

std::string iso_date(long long seconds) {
  std::tm utc{};
  const std::time_t t = static_cast<std::time_t>(seconds);
  gmtime_r(&t, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

long long midnight_utc(const std::string& date) {
  std::tm tm{};
  tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(date.substr(8, 2));
  return static_cast<long long>(timegm(&tm));
}

}  // namespace

std::optional<BuildClock> resolve_clock(const std::optional<std::string>& job_date,
                                        model::Diagnostics& diag) {
  BuildClock clock;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (*end != '\0' || seconds < 0 || seconds > 253402300799LL) {
      diag.error(model::DiagCode::JobWrongType, "SOURCE_DATE_EPOCH", 0, 0,
                 std::string("must be whole seconds since 1970, not '") + epoch + "'");
      return std::nullopt;
    }
    clock.timestamp = seconds;
    clock.date = job_date.value_or(iso_date(seconds));
    return clock;
  }
  if (job_date) {
    clock.date = *job_date;
    clock.timestamp = midnight_utc(*job_date);
    return clock;
  }
  clock.timestamp = static_cast<long long>(std::time(nullptr));
  clock.date = iso_date(clock.timestamp);
  return clock;
}

PipelineSettings pipeline_settings(const Job& job, const fs::path& data, model::Diagnostics& diag) {
  PipelineSettings settings;
  settings.annotate.default_language = job.language;
  auto gazetteer = std::make_shared<annotate::Gazetteer>();
  load_entities(data / "config" / "entities.yaml", *gazetteer, diag);
  for (const auto& file : job.entities) load_entities(file, *gazetteer, diag);
  settings.annotate.gazetteer = std::move(gazetteer);
  settings.normalize.data = load_job_data(job, diag);
  settings.structure.boilerplate = load_boilerplate(data / "config" / "boilerplate.yaml", diag);
  if (job.boilerplate) {
    auto extra = load_boilerplate(*job.boilerplate, diag);
    settings.structure.boilerplate.insert(settings.structure.boilerplate.end(), extra.begin(),
                                          extra.end());
  }
  return settings;
}

emit::EmitOptions make_emit_options(const Job& job, const fs::path& data, const BuildClock& clock,
                                    model::Diagnostics& diag) {
  std::vector<fs::path> folders;
  if (job.templates) folders.push_back(*job.templates);
  folders.push_back(data / "templates");
  emit::EmitOptions options;
  options.templates = emit::TemplateSet(folders);
  if (auto words = options.templates.read("strings.yaml")) {
    options.words = emit::Words(load_words(words.value(), "strings.yaml", diag));
  } else {
    diag.report(words.error());
  }
  // templates/pdf.yaml (the job's copy first), then the job file's pdf: keys.
  if (auto pdf = options.templates.read("pdf.yaml")) {
    options.pdf = load_pdf_settings(pdf.value(), "pdf.yaml", options.pdf, diag);
  }
  const auto given = [&](const char* key) { return job.pdf_keys.contains(key); };
  if (given("paper")) options.pdf.paper = job.pdf.paper;
  if (given("font")) options.pdf.font = job.pdf.font;
  if (given("font_size")) options.pdf.font_size = job.pdf.font_size;
  if (given("margins.top")) options.pdf.margin_top = job.pdf.margin_top;
  if (given("margins.bottom")) options.pdf.margin_bottom = job.pdf.margin_bottom;
  if (given("margins.left")) options.pdf.margin_left = job.pdf.margin_left;
  if (given("margins.right")) options.pdf.margin_right = job.pdf.margin_right;
  options.timestamp = clock.timestamp;
  options.version = DOSSIER_VERSION;
  return options;
}

model::Briefing assemble_briefing(const Job& job, const PipelineSettings& settings,
                                  const BuildClock& clock, model::Diagnostics& diag) {
  std::vector<model::Source> sources;
  {
    ScopedStep step(settings.times, "per-source stages");
    sources = process_sources(job.sources, settings, diag);
  }
  return cross_reference_sources(job, settings, clock, std::move(sources), diag);
}

model::Briefing cross_reference_sources(const Job& job, const PipelineSettings& settings,
                                        const BuildClock& clock, std::vector<model::Source> sources,
                                        model::Diagnostics& diag) {
  // Images are read on every build, whichever way the sources came (fresh, cached, joined).
  for (auto& source : sources) {
    if (source.format == model::SourceFormat::Markdown) ingest::read_images(source, diag);
  }
  if (settings.progress) settings.progress->step("cross-referencing");
  ScopedStep step(settings.times, "cross-reference");
  crossref::BriefingInfo info;
  info.title = job.title.value_or("Briefing");
  info.subtitle = job.subtitle;
  info.author = job.author;
  info.date = clock.date;
  info.language = job.language;
  crossref::CrossrefOptions options;
  options.threads = settings.threads;
  return crossref::cross_reference(info, std::move(sources), options);
}

}  // namespace dossier::cli
