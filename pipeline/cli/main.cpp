// dossier: raw article text in, a cross-referenced briefing pack out.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "cli/huge_page_malloc.h"
#include "cli/self_docs.h"

namespace {

constexpr const char* kDescription =
    "dossier turns raw article text (web and PDF copies with broken encodings, stray line\n"
    "breaks and site furniture) into a cross-referenced briefing in HTML, EPUB, PDF,\n"
    "Markdown and JSON.";

constexpr const char* kFooter =
    "Exit status: 0 ok; 1 input or content errors (diagnostics printed); 2 usage errors;\n"
    "3 internal errors.\n"
    "Diagnostics go to stderr as path:line:col: error|warning: message, then a summary line.\n"
    "SOURCE_DATE_EPOCH sets every date that is not in the sources, so two builds of a job\n"
    "give byte-identical files.";

int run(int argc, char** argv) {
  using namespace dossier::cli;
  CLI::App app(kDescription, "dossier");
  app.footer(kFooter);
  app.set_version_flag("--version", std::string("dossier ") + DOSSIER_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough();
  // For the build: the man page and completion scripts, printed from this very definition.
  bool generate_man = false;
  std::string generate_completion;
  app.add_flag("--generate-man", generate_man)->group("");
  app.add_option("--generate-completion", generate_completion)
      ->check(CLI::IsMember({"bash", "zsh"}))
      ->group("");
  CommonOptions common;
  std::string diagnostics = "text";
  app.add_option("--diagnostics", diagnostics,
                 "How to print diagnostics: text or json (one object a line)")
      ->check(CLI::IsMember({"text", "json"}));

  // The options build and watch share; returns the job positional.
  const auto add_build_options = [](CLI::App* cmd, BuildOptions& o) {
    CLI::Option* job = cmd->add_option("job", o.job, "Job file (default: config/briefing.yaml)");
    cmd->add_option("-o,--output", o.output, "Output folder")->capture_default_str();
    cmd->add_option("--formats", o.formats, "Comma-separated formats: html,epub,pdf,md,json")
        ->type_name("LIST:{html,epub,pdf,md,json}");
    cmd->add_option("-j,--jobs", o.jobs, "Threads for per-source stages (0: one per core)");
    cmd->add_flag("-q,--quiet", o.quiet, "Print nothing but diagnostics");
    cmd->add_option("--set", o.set_values,
                    "Set a value of the job's data for Markdown sources and templates "
                    "(KEY=VALUE, KEY may be dotted; repeatable)")
        ->type_name("KEY=VALUE")
        ->allow_extra_args(false);
    cmd->add_flag("--verify-ledger", o.verify_ledger,
                  "Check that every input character is in the output, a fix or a removal; "
                  "write nothing otherwise");
    return job;
  };

  BuildOptions build;
  CLI::App* build_cmd = app.add_subcommand("build", "Run the whole pipeline and write the outputs");
  CLI::Option* job_opt = add_build_options(build_cmd, build);
  build_cmd
      ->add_option("--sources", build.sources,
                   "Build from these files, folders or globs instead of a job")
      ->expected(1, -1)
      ->excludes(job_opt);
  build_cmd->add_flag("--strict", build.strict, "Fail on any warning; replace no output");
  build_cmd->add_flag("-v,--verbose", build.verbose,
                      "Print the time of every stage, format and source, also off a terminal");
  build_cmd->add_flag("--ascii-punctuation", build.ascii_punctuation,
                      "Straighten typographic quotes");
  build_cmd->add_option("--max-source-size", build.max_source_size, "Largest source in bytes")
      ->capture_default_str();
  build_cmd->add_flag(
      "--no-cache", build.no_cache,
      "Process every source and render every chapter again (no OUTPUT/.dossier-cache)");
  CLI::Option* emit_opt = build_cmd->add_option(
      "--emit-sources", build.emit_sources,
      "Run only the per-source stages and write each source's result into this folder");
  build_cmd
      ->add_option("--from-sources", build.from_sources,
                   "Skip the per-source stages: read their results from this folder, then "
                   "cross-reference and write the outputs")
      ->excludes(emit_opt);
  build_cmd
      ->add_option("--shard", build.shard,
                   "With --emit-sources: process only the K-th of N shares of the sources")
      ->type_name("K/N")
      ->needs(emit_opt);

  NormalizeCommandOptions normalize;
  CLI::App* normalize_cmd = app.add_subcommand(
      "normalize", "Repair and structure text files; print the clean text to stdout");
  normalize_cmd->add_option("files", normalize.files,
                            "Files to normalize ('-' or none: standard input)");
  normalize_cmd->add_flag("--explain", normalize.explain, "List every fix and removal on stderr");
  normalize_cmd->add_flag("--ascii-punctuation", normalize.ascii_punctuation,
                          "Straighten typographic quotes");
  normalize_cmd->add_option("--format", normalize.format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  std::vector<std::string> inspect_files;
  CLI::App* inspect_cmd =
      app.add_subcommand("inspect", "Print the JSON of sources after annotation");
  inspect_cmd->add_option("files", inspect_files, "Source files")->required();

  BuildOptions watch;
  CLI::App* watch_cmd = app.add_subcommand(
      "watch", "Build, then rebuild whenever the job, a source or a template changes");
  add_build_options(watch_cmd, watch);

  std::string init_folder;
  CLI::App* init_cmd = app.add_subcommand(
      "init", "Start a briefing job in a new folder: job file, example sources, templates");
  init_cmd->add_option("folder", init_folder, "The folder to create (new or empty)")->required();
  bool init_report = false;
  init_cmd->add_flag("--report", init_report,
                     "Start a templated report instead: Markdown sources over a data file");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kOk : kUsageError;
  }
  if (generate_man) {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    const std::time_t t = epoch ? static_cast<std::time_t>(std::atoll(epoch)) : std::time(nullptr);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char date[16];
    std::strftime(date, sizeof date, "%Y-%m-%d", &utc);
    std::cout << man_page(app, DOSSIER_VERSION, date);
    return kOk;
  }
  if (!generate_completion.empty()) {
    std::cout << completion_script(app, generate_completion);
    return kOk;
  }
  if (app.get_subcommands().empty()) {
    std::cerr << app.help() << "dossier: error: a subcommand is required\n";
    return kUsageError;
  }
  common.json_diagnostics = diagnostics == "json";
  // Builds touch the most memory; the other commands are not worth a second start.
  if (*build_cmd || *watch_cmd) restart_with_huge_page_malloc(argv);
  if (*build_cmd) return run_build(build, common);
  if (*normalize_cmd) return run_normalize(normalize, common);
  if (*init_cmd) return run_init(init_folder, init_report);
  if (*watch_cmd) return run_watch(watch, common);
  return run_inspect(inspect_files, common);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "dossier: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "dossier: internal error\n";
  }
  return dossier::cli::kInternalError;
}
