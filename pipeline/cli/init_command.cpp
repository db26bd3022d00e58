// dossier init [--report] DIR: a working job to start from — the job file, two example
// articles (or, for a report, two Markdown sources and their data file), a README and a copy
// of the built-in templates — written to a temporary folder beside DIR and renamed into
// place, so a failure leaves nothing half made.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/pipeline.h"

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

int fail(const fs::path& where, const std::string& message) {
  std::cerr << where.string() << ": error: " << message << '\n';
  return kInputError;
}

}  // namespace

int run_init(const std::string& folder, bool report) {
  const fs::path target = fs::path(folder).lexically_normal();
  const fs::path data = data_folder();
  const fs::path scaffold = data / "config" / (report ? "report" : "init");
  const fs::path templates = data / "templates";
  std::error_code ec;
  if (!fs::is_directory(scaffold, ec) || !fs::is_directory(templates, ec)) {
    return fail(scaffold, "dossier's job scaffold is not installed");
  }
  if (fs::exists(fs::symlink_status(target, ec))) {
    if (!fs::is_directory(target, ec) || !fs::is_empty(target, ec)) {
      return fail(target, "already exists and is not an empty folder; init writes only a new one");
    }
  }
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) return fail(parent, "cannot create folder: " + ec.message());
  const fs::path temp =
      parent / ("." + target.filename().string() + ".init" + std::to_string(::getpid()));
  const auto clean_up = [&] { fs::remove_all(temp, ec); };
  try {
    fs::copy(scaffold, temp, fs::copy_options::recursive);
    fs::copy(templates, temp / "templates", fs::copy_options::recursive);
    if (fs::exists(target)) fs::remove(target);  // an empty folder, checked above
    fs::rename(temp, target);
  } catch (const fs::filesystem_error& e) {
    clean_up();
    return fail(e.path1().empty() ? target : e.path1(), e.code().message());
  }
  const char* job = report ? "report.yaml" : "briefing.yaml";
  std::cout << "created " << target.string() << "/: " << job
            << (report ? ", data.yaml, sources/ (two Markdown sources)"
                       : ", sources/ (two example articles)")
            << ", templates/, README.md\n"
            << "build it with: dossier build " << (target / job).string() << " -o "
            << (target / "output").string() << '\n';
  return kOk;
}

}  // namespace dossier::cli
