// Where a build spends its time. The per-source stages run interleaved on several threads, so
// for them the record is CPU time summed over the threads (and per source, for --verbose); the
// other steps are wall time. Adding is thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

namespace dossier::cli {

enum class SourceStage { Ingest, Normalize, Structure, Annotate };
inline constexpr std::size_t kSourceStageCount = 4;

class StageTimes {
 public:
  using Clock = std::chrono::steady_clock;

  void add(SourceStage stage, Clock::duration d) {
    source_stage_ns_[static_cast<std::size_t>(stage)] += ns(d);
  }
  void add_source(std::size_t index, std::string path, Clock::duration d);
  void add_step(std::string name, Clock::duration d);

  // One line a stage and step, widest name first column; with per_source, a line a source too.
  std::string summary(bool per_source) const;

 private:
  static std::int64_t ns(Clock::duration d) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
  }
  struct Step {
    std::string name;
    std::int64_t ns = 0;
  };
  std::array<std::atomic<std::int64_t>, kSourceStageCount> source_stage_ns_{};
  mutable std::mutex mutex_;
  std::vector<Step> steps_;
  std::vector<std::pair<std::size_t, Step>> sources_;
};

// Times a scope into a step (or into nothing, when times is null).
class ScopedStep {
 public:
  ScopedStep(StageTimes* times, std::string name)
      : times_(times), name_(std::move(name)), start_(StageTimes::Clock::now()) {}
  ~ScopedStep() {
    if (times_) times_->add_step(std::move(name_), StageTimes::Clock::now() - start_);
  }
  ScopedStep(const ScopedStep&) = delete;
  ScopedStep& operator=(const ScopedStep&) = delete;

 private:
  StageTimes* times_;
  std::string name_;
  StageTimes::Clock::time_point start_;
};

}  // namespace dossier::cli
