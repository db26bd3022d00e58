// The gazetteer: names annotate knows before reading a word of the sources — places,
// organizations, well-known people, events — with their aliases and demonyms, plus a list of
// given names that mark a capitalized pair as a person's name. Filled by cli/ from
// config/entities.yaml and a job's own entity files; read-only while sources are annotated.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/model.h"

namespace dossier::annotate {

struct GazetteerEntry {
  std::string name;
  model::EntityType type = model::EntityType::Place;
  std::vector<std::string> aliases;
  std::vector<std::string> demonyms;  // Ukrainian → Ukraine; used for roles and figures
};

class Gazetteer {
 public:
  // A later entry with the same name replaces the earlier one's aliases (a job's file wins).
  void add(GazetteerEntry entry);
  void add_given_name(std::string_view name);

  struct Match {
    std::size_t entry = 0;
    bool exact_case = false;  // short all-caps aliases (US, UN) match only in capitals
  };
  // Looks a name key (annotate::name_key) up among names and aliases.
  const Match* find(const std::string& key) const;
  // The entry a demonym key names ("russian" → Russia).
  std::optional<std::size_t> find_demonym(const std::string& key) const;
  bool is_given_name(const std::string& key) const { return given_.contains(key); }

  const GazetteerEntry& entry(std::size_t i) const { return entries_[i]; }
  std::size_t size() const { return entries_.size(); }
  int max_words() const { return max_words_; }

 private:
  void index(const std::string& alias, std::size_t entry);

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, std::size_t> by_name_;
  std::unordered_map<std::string, Match> keys_;
  std::unordered_map<std::string, std::size_t> demonyms_;
  std::unordered_set<std::string> given_;
  int max_words_ = 1;
};

}  // namespace dossier::annotate
