#include "cli/source_cache.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <thread>

#include "cli/read_text.h"
#include "model/fnv1a.h"

namespace dossier::cli {

namespace {

void add_field(std::string& key, const std::optional<std::string>& value) {
  key += value ? "+" + *value : "-";
  key += '\x1f';
}

}  // namespace

std::string settings_fingerprint(const Job& job, const std::filesystem::path& data,
                                 bool ascii_punctuation, std::size_t max_source_size) {
  std::string print = std::string(DOSSIER_VERSION) + '\x1f' +
                      (ascii_punctuation ? "ascii" : "typographic") + '\x1f' +
                      std::to_string(max_source_size) + '\x1f';
  std::vector<std::filesystem::path> files = {data / "config" / "boilerplate.yaml",
                                              data / "config" / "entities.yaml"};
  if (job.boilerplate) files.push_back(*job.boilerplate);
  files.insert(files.end(), job.entities.begin(), job.entities.end());
  files.insert(files.end(), job.data_files.begin(), job.data_files.end());
  for (const auto& value : job.data_values) print += "set:" + value + '\x1f';
  for (const auto& f : files) {
    const std::string bytes = read_text(f).value_or("");
    print += f.filename().string() + ':' + std::to_string(std::hash<std::string>{}(bytes)) + '\x1f';
  }
  return print;
}

std::optional<std::string> SourceCache::key_for(const SourceSpec& spec, std::size_t index) {
  const std::optional<std::string> read = read_text(spec.path);
  if (!read) return std::nullopt;
  const std::string& bytes = *read;
  std::string key = std::to_string(index) + '\x1f' + spec.display_path + '\x1f' +
                    spec.path.string() + '\x1f' + std::to_string(bytes.size()) + '\x1f' +
                    std::to_string(std::hash<std::string>{}(bytes)) + '\x1f';
  const model::SourceMeta& g = spec.given;
  for (const auto* field : {&g.title, &g.subtitle, &g.outlet, &g.date, &g.url, &g.language,
                            &g.translated_from, &g.category, &g.original_title}) {
    add_field(key, *field);
  }
  for (const auto& a : g.authors) add_field(key, a);
  return key;
}

namespace {
// The running program's size and modification time: a dossier rebuilt at the same version (a
// developer's) must not reuse results that an older build of it made.
std::string program_identity() {
  struct stat st {};
  if (::stat("/proc/self/exe", &st) != 0) return {};
  return "program:" + std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}
}  // namespace

SourceCache::SourceCache(std::filesystem::path folder, std::string fingerprint)
    : folder_(std::move(folder)), fingerprint_(std::move(fingerprint) + program_identity()) {}

std::filesystem::path SourceCache::file_for(const std::string& key) const {
  // FNV-1a of fingerprint and key: a collision only costs a miss, as the file keeps its key.
  model::Fnv1a h;
  for (const std::string* part : {&fingerprint_, &key}) {
    h.add(*part);
    h.add(0x1e);
  }
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.dsrc", static_cast<unsigned long long>(h.value()));
  return *folder_ / name;
}

std::optional<SourceCache::Entry> SourceCache::find(const std::string& key) const {
  std::optional<std::filesystem::path> file;
  {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) {
      ++hits_;
      return it->second;
    }
    if (folder_) used_.insert(*(file = file_for(key)));
  }
  if (file) {
    const std::string bytes = read_text(*file).value_or("");
    if (auto record = model::read_source(bytes, std::string_view(fingerprint_ + '\x1e' + key))) {
      std::lock_guard lock(mutex_);
      ++hits_;
      return record;
    }
  }
  std::lock_guard lock(mutex_);
  ++misses_;
  return std::nullopt;
}

void SourceCache::store(const std::string& key, const Entry& entry) {
  if (!folder_) {
    std::lock_guard lock(mutex_);
    entries_[key] = entry;
    return;
  }
  // On disk only: a build reads each source's entry once, so a copy in memory would only
  // hold a second briefing's worth of sources until the build ends.
  const std::filesystem::path file = file_for(key);
  std::error_code ec;
  std::filesystem::create_directories(*folder_, ec);
  // Through a temporary name, but without the fsync outputs get: a file torn by a crash
  // fails its own check and counts as a miss, and a cache that cannot be written only makes
  // the next build slower.
  const std::filesystem::path temp =
      file.string() + ".tmp" +
      std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << model::write_source(entry, fingerprint_ + '\x1e' + key);
    if (!out) ec = std::make_error_code(std::errc::io_error);
  }
  if (!ec) std::filesystem::rename(temp, file, ec);
  if (ec) std::filesystem::remove(temp, ec);
  std::lock_guard lock(mutex_);
  used_.insert(file);
}

void SourceCache::prune() {
  std::lock_guard lock(mutex_);
  if (!folder_) return;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(*folder_, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".dsrc" && !used_.contains(it->path())) {
      std::filesystem::remove(it->path(), ec);
    }
  }
}

void SourceCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace dossier::cli
