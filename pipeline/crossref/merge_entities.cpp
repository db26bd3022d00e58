// Names → entities across sources.
//
// Rules, in order:
//   1. A gazetteer name is its gazetteer entry ("Kremlin", "Vladimir Putin").
//   2. Full names (two words or more) merge when their keys agree: case, diacritics and
//      transliteration variants fold away (Zelenskyy = Zelensky, Erdoğan = Erdogan).
//   3. A full name whose given names are a subset of exactly one other's, with the same
//      surname, joins it ("Recep Erdoğan" → "Recep Tayyip Erdoğan"); a given name with a
//      patronymic ("Vladimir Vladimirovich") joins the one person with that given name.
//   4. A lone surname the source did not already link joins the one person across all
//      sources with that surname; with two or more candidates it stays on its own, since
//      two people may share a surname. A lone given name joins the one person with it.
//   5. Names with no cue that they name a person, an organization or a place are dropped.
#include "crossref/merge_entities.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "model/ascii.h"
#include "model/byte_scan.h"
#include "model/name_key.h"
#include "model/parallel.h"

namespace dossier::crossref {

namespace {

using model::EntityType;
using model::is_patronymic;
using model::name_key;
using model::surname_key;

std::vector<std::string> split_words(const std::string& key) {
  std::vector<std::string> words;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i] == ' ') {
      if (i > start) words.push_back(key.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

bool is_ascii(const std::string& s) {
  return model::bytes::first_non_ascii(s) == s.size();
}

// Case folded; most names are ASCII, which folds without ICU.
std::string lower_case(const std::string& s) {
  if (is_ascii(s)) {
    std::string out = s;
    for (char& c : out) c = model::ascii::to_lower(c);
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_all_caps(const std::string& s) {
  if (is_ascii(s)) {
    int letters = 0;
    for (const char c : s) {
      if (model::ascii::is_lower(c)) return false;
      letters += model::ascii::is_upper(c);
    }
    return letters >= 3;
  }
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  int letters = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    if (u_islower(u.charAt(i))) return false;
    if (u_isalpha(u.charAt(i))) ++letters;
  }
  return letters >= 3;
}

// Union-find over clusters.
struct Clusters {
  std::vector<std::size_t> parent;
  std::size_t add() {
    parent.push_back(parent.size());
    return parent.size() - 1;
  }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

class Merger {
 public:
  Merger(const std::vector<model::Source>& sources, unsigned threads)
      : sources_(sources), threads_(threads) {
    for (std::size_t s = 0; s < sources.size(); ++s) {
      for (std::size_t n = 0; n < sources[s].names.size(); ++n) refs_.push_back({s, n});
    }
    cluster_of_.assign(refs_.size(), kNone);
  }

  EntityTable run() {
    assign_named_clusters();
    join_partial_names();
    join_lone_surnames();
    return build();
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  struct Ref {
    std::size_t source, name;
  };

  const model::NameMention& m(std::size_t r) const {
    return sources_[refs_[r].source].names[refs_[r].name];
  }

  std::size_t cluster_for(const std::string& key) {
    auto [it, inserted] = by_key_.try_emplace(key, 0);
    if (inserted) {
      it->second = clusters_.add();
      keys_.push_back(key);
    }
    return it->second;
  }

  // name_key, once per spelling: the same few names recur thousands of times.
  const std::string& key_of(const std::string& form) {
    auto it = key_memo_.find(form);
    if (it == key_memo_.end()) it = key_memo_.emplace(form, name_key(form)).first;
    return it->second;
  }

  static char type_letter(const std::optional<EntityType>& t) {
    if (!t || *t == EntityType::Person) return 'P';
    return *t == EntityType::Organization ? 'O' : *t == EntityType::Place ? 'L' : 'V';
  }

  void assign_named_clusters() {
    for (std::size_t r = 0; r < refs_.size(); ++r) {
      const auto& n = m(r);
      if (n.known) {
        cluster_of_[r] = cluster_for("K|" + *n.known);
      } else if (model::name_word_count(n.full) >= 2) {
        cluster_of_[r] = cluster_for(std::string(1, type_letter(n.type)) + "|" + key_of(n.full));
      }
    }
  }

  // Each named cluster's members, whether it names a person, and its fullest form's words.
  void describe_clusters() {
    std::vector<std::vector<std::size_t>> members(keys_.size());
    for (std::size_t r = 0; r < refs_.size(); ++r) {
      if (cluster_of_[r] != kNone) members[cluster_of_[r]].push_back(r);
    }
    is_person_.assign(keys_.size(), false);
    words_.assign(keys_.size(), {});
    for (std::size_t c = 0; c < keys_.size(); ++c) {
      if (members[c].empty()) continue;
      const char kind = keys_[c][0];
      is_person_[c] =
          kind == 'P' || (kind == 'K' && m(members[c].front()).type == EntityType::Person);
      if (!is_person_[c]) continue;
      std::set<std::string_view> seen;
      for (std::size_t r : members[c]) {
        const std::string& form = m(r).known ? *m(r).known : m(r).full;
        if (!seen.insert(form).second) continue;
        auto words = split_words(name_key(form));
        if (words.size() > words_[c].size()) words_[c] = std::move(words);
      }
    }
  }

  void join_partial_names() {
    describe_clusters();
    // A full name the gazetteer knows under another spelling of the same key.
    std::unordered_map<std::string, std::size_t> known_people;
    for (std::size_t c = 0; c < keys_.size(); ++c) {
      if (is_person_[c] && keys_[c][0] == 'K') known_people[name_key(keys_[c].substr(2))] = c;
    }
    for (std::size_t c = 0; c < keys_.size(); ++c) {
      if (keys_[c][0] != 'P') continue;
      if (auto it = known_people.find(keys_[c].substr(2)); it != known_people.end()) {
        clusters_.join(c, it->second);
      }
    }
    std::unordered_map<std::string, std::vector<std::size_t>> by_surname, by_given;
    for (std::size_t c = 0; c < keys_.size(); ++c) {
      if (!is_person_[c] || words_[c].size() < 2) continue;
      by_surname[words_[c].back()].push_back(c);
      if (!is_patronymic(words_[c][1])) by_given[words_[c].front()].push_back(c);
    }
    for (std::size_t a = 0; a < keys_.size(); ++a) {
      const auto& wa = words_[a];
      if (!is_person_[a] || wa.size() < 2) continue;
      std::vector<std::size_t> matches;
      if (wa.size() == 2 && is_patronymic(wa[1])) {
        // "Vladimir Vladimirovich": the one person with that given name
        if (auto it = by_given.find(wa.front()); it != by_given.end()) matches = it->second;
      } else {
        for (std::size_t b : by_surname[wa.back()]) {
          const auto& wb = words_[b];
          if (b == a || wb.size() <= wa.size()) continue;
          const std::set<std::string> given(wb.begin(), wb.end() - 1);
          if (std::all_of(wa.begin(), wa.end() - 1,
                          [&](const std::string& w) { return given.contains(w); })) {
            matches.push_back(b);
          }
        }
      }
      if (matches.size() == 1) clusters_.join(a, matches.front());
    }
  }

  void join_lone_surnames() {
    // Surname key → person clusters (roots) carrying it.
    std::unordered_map<std::string, std::set<std::size_t>> by_surname, by_given;
    for (std::size_t c = 0; c < words_.size(); ++c) {
      if (is_person_[c] && words_[c].size() >= 2) {
        by_surname[words_[c].back()].insert(clusters_.find(c));
        by_given[words_[c].front()].insert(clusters_.find(c));
      }
    }
    for (std::size_t r = 0; r < refs_.size(); ++r) {
      if (cluster_of_[r] != kNone) continue;
      const auto& n = m(r);
      const std::string& key = key_of(n.full);
      const auto it = by_surname.find(key);
      const bool person_like = !n.type || n.type == EntityType::Person;
      // "the aging Donald": a given name alone, when one person has it and nobody has it as
      // a surname.
      const auto given = by_given.find(key);
      if (person_like && it != by_surname.end() && it->second.size() == 1) {
        cluster_of_[r] = *it->second.begin();
      } else if (person_like && it == by_surname.end() && given != by_given.end() &&
                 given->second.size() == 1) {
        cluster_of_[r] = *given->second.begin();
      } else {
        cluster_of_[r] = cluster_for(std::string(1, type_letter(n.type)) + "1|" + key);
      }
    }
  }

  EntityTable build() {
    std::map<std::size_t, std::vector<std::size_t>> members;  // root → refs in reading order
    for (std::size_t r = 0; r < refs_.size(); ++r) {
      members[clusters_.find(cluster_of_[r])].push_back(r);
    }
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> ordered(
        std::make_move_iterator(members.begin()), std::make_move_iterator(members.end()));
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.second.front() < b.second.front(); });
    EntityTable table;
    table.entity_of.resize(sources_.size());
    for (std::size_t s = 0; s < sources_.size(); ++s) {
      table.entity_of[s].assign(sources_[s].names.size(), std::nullopt);
    }
    // Each cluster's entity and the slug of its name are made on their own (most of the merge
    // at 10,000 articles, reading mentions spread over every source); ids are then given in
    // order, one after another.
    std::vector<std::optional<model::Entity>> made(ordered.size());
    model::parallel_for(ordered.size(), threads_, [&](std::size_t c) {
      made[c] = make_entity(ordered[c].second);
      if (made[c]) made[c]->id = model::entity_slug(made[c]->name);
    });
    std::unordered_set<std::string> ids;
    for (std::size_t c = 0; c < ordered.size(); ++c) {
      auto& entity = made[c];
      const auto& refs = ordered[c].second;
      if (!entity) continue;
      const std::string slug = std::move(entity->id);
      std::string id = slug == "E" ? "E-entity" : slug;
      for (int k = 2; ids.contains(id); ++k) id = slug + "-" + std::to_string(k);
      ids.insert(id);
      entity->id = id;
      for (std::size_t r : refs)
        table.entity_of[refs_[r].source][refs_[r].name] = table.entities.size();
      table.entities.push_back(std::move(*entity));
    }
    return table;
  }

  std::optional<model::Entity> make_entity(const std::vector<std::size_t>& refs) const {
    bool person_cue = false, known = false;
    // Votes per type, in the enum's order (a tie goes to the earlier type).
    constexpr EntityType kTypes[] = {EntityType::Person, EntityType::Organization,
                                     EntityType::Place, EntityType::Event};
    int votes[std::size(kTypes)] = {};
    bool voted = false;
    for (std::size_t r : refs) {
      const auto& n = m(r);
      person_cue = person_cue || n.person_cue;
      known = known || n.known.has_value();
      if (n.type) {
        for (std::size_t t = 0; t < std::size(kTypes); ++t) votes[t] += kTypes[t] == *n.type;
        voted = true;
      }
    }
    model::Entity e;
    if (person_cue) {
      e.type = EntityType::Person;
    } else if (voted) {
      std::size_t most = 0;
      for (std::size_t t = 1; t < std::size(kTypes); ++t) {
        if (votes[t] > votes[most]) most = t;
      }
      e.type = kTypes[most];
      if (e.type == EntityType::Person && !known) return std::nullopt;
    } else {
      return std::nullopt;  // a capitalized word nothing marks as a name
    }
    // The name: the gazetteer's, else the most frequent full form, else the word itself.
    std::unordered_map<std::string_view, int> counts;
    std::vector<std::string_view> order;
    for (std::size_t r : refs) {
      const auto& n = m(r);
      if (n.known) {
        e.name = *n.known;
        break;
      }
      if (counts[n.full]++ == 0) order.push_back(n.full);
    }
    if (e.name.empty()) {
      int best = 0;
      for (const auto& form : order) {
        const int score = counts[form] + (model::name_word_count(form) >= 2 ? 1000 : 0);
        if (score > best) best = score, e.name = form;
      }
    }
    // Aliases are the other spellings readers meet; case alone ("LONDON" in a heading)
    // does not make one.
    std::unordered_set<std::string> seen_alias = {lower_case(e.name)};
    std::unordered_set<std::string> seen_role;
    std::unordered_set<std::string_view> seen_form, seen_role_text;  // spellings already judged
    e.mentions.reserve(refs.size());
    for (std::size_t r : refs) {
      const auto& n = m(r);
      for (const std::string* form : {&n.text, &n.full}) {
        if (!seen_form.insert(*form).second) continue;
        if (!is_all_caps(*form) && seen_alias.insert(lower_case(*form)).second) {
          e.aliases.push_back(*form);
        }
      }
      if (n.role && seen_role_text.insert(*n.role).second) {
        if (seen_role.insert(name_key(*n.role)).second) e.roles.push_back(*n.role);
      }
      e.mentions.push_back(n.at);
    }
    return e;
  }

  const std::vector<model::Source>& sources_;
  unsigned threads_;
  std::vector<Ref> refs_;
  std::vector<std::size_t> cluster_of_;
  Clusters clusters_;
  std::unordered_map<std::string, std::size_t> by_key_;
  std::vector<std::string> keys_;
  std::unordered_map<std::string, std::string> key_memo_;
  std::vector<bool> is_person_;
  std::vector<std::vector<std::string>> words_;
};

}  // namespace

EntityTable merge_entities(const std::vector<model::Source>& sources, unsigned threads) {
  return Merger(sources, threads).run();
}

}  // namespace dossier::crossref
