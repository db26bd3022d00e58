#include "cli/report.h"

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>

namespace dossier::cli {

namespace {
std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
}  // namespace

void check_standard_output(model::Diagnostics& diag) {
  errno = 0;
  std::cout.flush();
  if (std::cout) return;
  const int err = errno;
  diag.error(model::DiagCode::OutputWrite, "<stdout>", 0, 0,
             std::string("cannot write to standard output") +
                 (err ? std::string(": ") + std::strerror(err) : std::string()));
}

int finish(const model::Diagnostics& diag, std::size_t sources, const CommonOptions& common,
           bool strict) {
  const auto all = diag.all();
  for (const auto& d : all) {
    std::cerr << (common.json_diagnostics ? model::format_diagnostic_json(d)
                                          : model::format_diagnostic(d))
              << '\n';
  }
  const std::size_t errors = diag.error_count(), warnings = diag.warning_count();
  if (!all.empty() && !common.json_diagnostics) {
    std::cerr << plural(errors, "error") << ", " << plural(warnings, "warning") << " in "
              << plural(sources, "source") << '\n';
  }
  return errors > 0 || (strict && warnings > 0) ? kInputError : kOk;
}

}  // namespace dossier::cli
