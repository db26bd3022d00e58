#include "cli/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>

namespace dossier::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr std::size_t kBarWidth = 24;

std::size_t terminal_width() {
  winsize w{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 20) return w.ws_col;
  return 80;
}

}  // namespace

bool stderr_is_terminal() {
  return ::isatty(STDERR_FILENO) == 1;
}

void Progress::step(const std::string& name) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  draw(name + "\u2026", true);
}

void Progress::advance(const std::string& name, std::size_t done, std::size_t total,
                       const std::string& item) {
  if (!enabled_ || total == 0) return;
  std::lock_guard lock(mutex_);
  const std::size_t filled = done * kBarWidth / total;
  std::string bar = "[";
  for (std::size_t i = 0; i < kBarWidth; ++i) bar += i < filled ? "#" : "-";
  bar += "] " + std::to_string(done) + "/" + std::to_string(total) + " " + name + " " + item;
  draw(bar, done == total);
}

void Progress::clear() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (shown_) std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

void Progress::draw(const std::string& line, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && shown_ && now - last_ < kRedrawEvery) return;
  last_ = now;
  std::string shown = line;
  std::size_t width = terminal_width() - 1;
  if (shown.size() > width) {
    // Cut at a character boundary (bytes count a little more than columns: the line is
    // never too long).
    while (width > 0 && (static_cast<unsigned char>(shown[width]) & 0xC0) == 0x80) --width;
    shown.resize(width);
  }
  std::fprintf(stderr, "\r\033[K%s", shown.c_str());
  std::fflush(stderr);
  shown_ = true;
}

}  // namespace dossier::cli
