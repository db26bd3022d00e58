#include "annotate/gazetteer.h"

#include <algorithm>

#include "model/name_key.h"

namespace dossier::annotate {

using model::name_key;
using model::surname_key;
using model::word_key;

namespace {
bool short_capitals(std::string_view alias) {
  int letters = 0;
  for (char c : alias) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters > 0 && letters <= 4;
}
}  // namespace

void Gazetteer::index(const std::string& alias, std::size_t entry) {
  const std::string key = name_key(alias);
  if (key.empty()) return;
  keys_[key] = Match{entry, short_capitals(alias)};
  max_words_ = std::max(max_words_, static_cast<int>(std::count(key.begin(), key.end(), ' ')) + 1);
}

void Gazetteer::add(GazetteerEntry entry) {
  std::size_t at = entries_.size();
  if (auto it = by_name_.find(entry.name); it != by_name_.end()) {
    at = it->second;
    entries_[at] = std::move(entry);
  } else {
    by_name_[entry.name] = at;
    entries_.push_back(std::move(entry));
  }
  const GazetteerEntry& e = entries_[at];
  index(e.name, at);
  for (const auto& alias : e.aliases) index(alias, at);
  for (const auto& demonym : e.demonyms) demonyms_[name_key(demonym)] = at;
}

void Gazetteer::add_given_name(std::string_view name) {
  given_.insert(name_key(name));
}

const Gazetteer::Match* Gazetteer::find(const std::string& key) const {
  auto it = keys_.find(key);
  return it == keys_.end() ? nullptr : &it->second;
}

std::optional<std::size_t> Gazetteer::find_demonym(const std::string& key) const {
  auto it = demonyms_.find(key);
  if (it == demonyms_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dossier::annotate
