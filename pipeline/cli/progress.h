// The progress line a build shows on a terminal: a bar, the step, and the source last done,
// redrawn in place at most ten times a second, and erased when the build ends. Off a terminal
// (or with --quiet) it prints nothing, so logs hold only diagnostics. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace dossier::cli {

class Progress {
 public:
  // `enabled`: draw at all (stderr is a terminal and the build is not quiet).
  explicit Progress(bool enabled) : enabled_(enabled) {}
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A step without a count ("cross-referencing").
  void step(const std::string& name);
  // One more of `total` items of the current step done; `item` names it.
  void advance(const std::string& name, std::size_t done, std::size_t total,
               const std::string& item);
  // Erases the line.
  void clear();

  bool enabled() const { return enabled_; }

 private:
  void draw(const std::string& line, bool force);

  bool enabled_;
  bool shown_ = false;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_{};
};

// True when standard error is a terminal.
bool stderr_is_terminal();

}  // namespace dossier::cli
