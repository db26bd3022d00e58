#include "cli/source_cache.h"

#include <functional>

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

SourceCache::SourceCache(std::filesystem::path folder, std::string fingerprint)
    : fingerprint_(std::move(fingerprint) + model::program_identity()),
      pack_(std::in_place, std::move(folder), "sources.pack") {}

SourceCache::~SourceCache() = default;

std::uint64_t SourceCache::hash_of(const std::string& key) const {
  // FNV-1a of fingerprint and key: a collision only costs a miss, as the record keeps its key.
  model::Fnv1a h;
  for (const std::string* part : {&fingerprint_, &key}) {
    h.add(*part);
    h.add(0x1e);
  }
  return h.value();
}

std::optional<SourceCache::Entry> SourceCache::find(const std::string& key) {
  if (!pack_) {
    std::lock_guard lock(mutex_);
    if (const auto it = entries_.find(key); it != entries_.end()) {
      ++hits_;
      return it->second;
    }
    ++misses_;
    return std::nullopt;
  }
  const std::uint64_t hash = hash_of(key);
  if (const auto bytes = pack_->find(hash)) {
    // The record carries its key and a checksum: a collision or a damaged record is a miss.
    if (auto record = model::read_source(*bytes, std::string_view(fingerprint_ + '\x1e' + key))) {
      ++hits_;
      pack_->reuse(hash);
      return record;
    }
  }
  ++misses_;
  return std::nullopt;
}

void SourceCache::store(const std::string& key, const Entry& entry) {
  if (!pack_) {
    std::lock_guard lock(mutex_);
    entries_[key] = entry;
    return;
  }
  // On disk only: a build reads each source's entry once, so a copy in memory would only
  // hold a second briefing's worth of sources until the build ends.
  pack_->keep(hash_of(key), model::write_source(entry, fingerprint_ + '\x1e' + key));
}

void SourceCache::prune() {
  if (!pack_) return;
  pack_->commit();
  // Results of older versions (one file per source).
  std::error_code ec;
  for (std::filesystem::directory_iterator it(pack_->folder(), ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->path().extension() == ".dsrc") std::filesystem::remove(it->path(), ec);
  }
}

void SourceCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace dossier::cli
