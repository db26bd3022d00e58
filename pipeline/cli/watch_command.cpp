// dossier watch [JOB]: builds, then rebuilds whenever the job, a source, a template, the
// boilerplate rules or an entity file changes (inotify on their folders, since editors often
// save by writing a new file and renaming it over the old). Sources whose bytes did not change
// are taken from the previous build. Ctrl-C (SIGINT) or SIGTERM stops it with exit status 0.
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <csignal>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "cli/commands.h"
#include "cli/source_cache.h"
#include "emit/piece_cache.h"

namespace dossier::cli {

namespace fs = std::filesystem;

namespace {

volatile std::sig_atomic_t stop_requested = 0;
void request_stop(int) {
  stop_requested = 1;
}

constexpr int kPollMs = 200;
constexpr auto kSettle = std::chrono::milliseconds(60);  // events of one save arrive together

// Absolute, normal, and without a trailing separator ("templates/" names "templates").
fs::path absolute_of(const fs::path& p) {
  std::error_code ec;
  const fs::path a = fs::absolute(p, ec);
  fs::path out = (ec ? p : a).lexically_normal();
  return out.has_filename() ? out : out.parent_path();
}

// The folders to watch, and which changes in them matter.
struct WatchSet {
  std::set<fs::path> files;           // a change to one of these rebuilds
  std::set<fs::path> job_files;       // ... and also forgets every cached source
  std::set<fs::path> any_file_under;  // folders (templates) where any change rebuilds

  static WatchSet of(const BuildInputs& in) {
    WatchSet w;
    for (const auto& f : in.job_files) {
      w.job_files.insert(absolute_of(f));
      w.files.insert(absolute_of(f));
    }
    for (const auto& f : in.sources) w.files.insert(absolute_of(f));
    for (const auto& d : in.template_folders) {
      std::error_code ec;
      if (!fs::is_directory(d, ec)) continue;
      w.any_file_under.insert(absolute_of(d));
      for (fs::recursive_directory_iterator it(d, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_directory(ec)) w.any_file_under.insert(absolute_of(it->path()));
      }
    }
    return w;
  }

  std::set<fs::path> folders() const {
    std::set<fs::path> out(any_file_under.begin(), any_file_under.end());
    for (const auto& f : files) out.insert(f.parent_path());
    return out;
  }
};

class Watcher {
 public:
  Watcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}
  ~Watcher() {
    if (fd_ >= 0) ::close(fd_);
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  bool ok() const { return fd_ >= 0; }

  void watch(const std::set<fs::path>& folders) {
    for (const auto& [wd, folder] : folders_) ::inotify_rm_watch(fd_, wd);
    folders_.clear();
    constexpr std::uint32_t kMask =
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
    for (const auto& folder : folders) {
      const int wd = ::inotify_add_watch(fd_, folder.c_str(), kMask);
      if (wd >= 0) folders_[wd] = folder;
    }
  }

  // Waits up to kPollMs; returns the paths that changed (empty on timeout or a signal).
  std::set<fs::path> changes() {
    std::set<fs::path> changed;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, kPollMs) <= 0) return changed;
    std::this_thread::sleep_for(kSettle);
    alignas(inotify_event) std::array<char, 64 * 1024> buffer;
    for (;;) {
      const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n <= 0) break;
      for (ssize_t at = 0; at < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
        if (const auto it = folders_.find(e->wd); it != folders_.end()) {
          changed.insert(e->len ? it->second / e->name : it->second);
        }
        at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      }
    }
    return changed;
  }

 private:
  int fd_;
  std::map<int, fs::path> folders_;
};

}  // namespace

int run_watch(const BuildOptions& options, const CommonOptions& common) {
  Watcher watcher;
  if (!watcher.ok()) {
    std::cerr << "dossier: error: cannot watch files (inotify unavailable)\n";
    return kInternalError;
  }
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  SourceCache cache;
  emit::PieceCache pieces;
  BuildInputs inputs;
  const auto build = [&] {
    cache.reset_counts();
    pieces.reset_counts();
    const auto start = std::chrono::steady_clock::now();
    const int status = build_once(options, common, {&cache, &pieces}, &inputs);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!options.quiet) {
      std::cerr << "dossier watch: built in " << static_cast<int>(seconds * 1000) << " ms ("
                << cache.misses() << " sources processed, " << cache.hits() << " reused; "
                << pieces.misses() << " chapters rendered, " << pieces.hits() << " reused; "
                << pieces.misses(emit::PieceKind::Part) << " pieces of reference parts rendered, "
                << pieces.hits(emit::PieceKind::Part)
                << " reused); watching for changes, Ctrl-C to stop\n";
    }
    return status;
  };
  build();
  WatchSet set = WatchSet::of(inputs);
  watcher.watch(set.folders());
  while (!stop_requested) {
    const std::set<fs::path> changed = watcher.changes();
    bool rebuild = false, rules_changed = false;
    for (const auto& path : changed) {
      rules_changed |= set.job_files.contains(path);
      rebuild |= set.files.contains(path) || set.any_file_under.contains(path.parent_path());
    }
    if (!rebuild || stop_requested) continue;
    if (rules_changed) cache.clear();
    build();
    set = WatchSet::of(inputs);
    watcher.watch(set.folders());
  }
  return kOk;
}

}  // namespace dossier::cli
