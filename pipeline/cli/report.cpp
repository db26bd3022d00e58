#include "cli/report.h"

#include <iostream>

namespace dossier::cli {

namespace {
std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
}  // namespace

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
