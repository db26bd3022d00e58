#include "cli/stage_times.h"

#include <algorithm>
#include <cstdio>

namespace dossier::cli {

namespace {

constexpr std::array<const char*, kSourceStageCount> kStageNames = {"ingest", "normalize",
                                                                    "structure", "annotate"};

std::string line(const std::string& name, std::int64_t ns, const char* note) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-22s %9.1f ms%s\n", name.c_str(),
                static_cast<double>(ns) / 1e6, note);
  return buf;
}

}  // namespace

void StageTimes::add_source(std::size_t index, std::string path, Clock::duration d) {
  std::lock_guard lock(mutex_);
  sources_.push_back({index, {std::move(path), ns(d)}});
}

void StageTimes::add_step(std::string name, Clock::duration d) {
  std::lock_guard lock(mutex_);
  steps_.push_back({std::move(name), ns(d)});
}

std::string StageTimes::summary(bool per_source) const {
  std::lock_guard lock(mutex_);
  std::string out = "timings:\n";
  for (std::size_t s = 0; s < kSourceStageCount; ++s) {
    out += line(kStageNames[s], source_stage_ns_[s].load(), " (CPU, all threads)");
  }
  for (const auto& step : steps_) out += line(step.name, step.ns, "");
  if (per_source) {
    auto sorted = sources_;
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    out += "per source:\n";
    for (const auto& [index, step] : sorted) out += line(step.name, step.ns, "");
  }
  return out;
}

}  // namespace dossier::cli
