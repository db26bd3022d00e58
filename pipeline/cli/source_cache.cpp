#include "cli/source_cache.h"

#include <fstream>
#include <functional>
#include <iterator>

namespace dossier::cli {

namespace {

void add_field(std::string& key, const std::optional<std::string>& value) {
  key += value ? "+" + *value : "-";
  key += '\x1f';
}

}  // namespace

std::optional<std::string> SourceCache::key_for(const SourceSpec& spec, std::size_t index) {
  std::ifstream in(spec.path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
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

std::optional<SourceCache::Entry> SourceCache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  return it->second;
}

void SourceCache::store(const std::string& key, Entry entry) {
  std::lock_guard lock(mutex_);
  entries_[key] = std::move(entry);
}

void SourceCache::clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace dossier::cli
