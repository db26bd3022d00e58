// Fuzz target for the job file loader: any text loads or is refused with positioned
// diagnostics; nothing throws, and a loaded job has a title and only known formats.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/job.h"
#include "emit/emit.h"
#include "fuzz_check.h"

using namespace dossier;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  model::Diagnostics diag;
  // Sources are looked up beside the job: a folder that holds none keeps runs independent.
  const auto job = cli::load_job_text(text, "/nonexistent-fuzz-folder/job.yaml", diag);
  for (const auto& d : diag.all()) {
    fuzz::check(d.path == "/nonexistent-fuzz-folder/job.yaml", "diagnostics name the job file",
                d.path);
    fuzz::check(d.line >= 0 && d.col >= 0, "diagnostic positions are not negative");
    fuzz::check(!d.message.empty(), "diagnostics say what is wrong");
  }
  if (job) {
    fuzz::check(job->title.has_value(), "a loaded job has a title");
  } else {
    fuzz::check(diag.error_count() > 0, "a refused job has an error");
  }
  return 0;
}
