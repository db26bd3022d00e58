#include "annotate/find_names.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>

#include "annotate/cue_words.h"
#include "model/name_key.h"

namespace dossier::annotate {

using model::name_key;
using model::surname_key;
using model::word_key;

namespace {

using model::EntityType;

constexpr int kMaxNameWords = 4;
constexpr int kMaxAppositionTokens = 16;

// One block being read, with per-token lower-case forms and keys computed once.
class BlockReader {
 public:
  BlockReader(const BlockText& b, std::size_t index, const Gazetteer& g)
      : b_(b), index_(index), gaz_(g), lower_(b.lowers), keys_(b.keys) {}

  int size() const { return static_cast<int>(b_.tokens.size()); }
  const Token& tok(int i) const { return b_.tokens[i]; }
  const std::string& lower(int i) const { return lower_[i]; }
  const std::string& key(int i) const { return keys_[i]; }
  bool word(int i) const { return i >= 0 && i < size() && tok(i).kind == TokenKind::Word; }
  bool cap(int i) const { return word(i) && (tok(i).capitalized || tok(i).all_caps); }
  bool punct(int i, char32_t c) const { return i >= 0 && i < size() && b_.punct(tok(i), c); }
  bool lower_is(int i, std::string_view w) const { return word(i) && lower_[i] == w; }

  // The longest gazetteer name starting at token i: its last token and entry.
  std::optional<std::pair<int, std::size_t>> gazetteer_at(int i) const {
    auto match = gazetteer_match(i);
    if (!match) return std::nullopt;
    return std::make_pair(match->last, match->entry);
  }

  struct GazetteerMatch {
    int last = 0;
    std::size_t entry = 0;
    bool keeps_possessive = false;  // "Lloyd’s": the ’s belongs to the name
  };
  std::optional<GazetteerMatch> gazetteer_match(int i) const {
    if (!cap(i)) return std::nullopt;
    std::string key;
    std::optional<GazetteerMatch> best;
    for (int j = i; j < size() && j < i + gaz_.max_words() * 2; ++j) {
      if (!word(j)) break;
      if (j > i && (tok(j).sentence_start || tok(j - 1).possessive)) break;
      if (!key.empty()) key += ' ';
      key += keys_[j];
      if (!cap(j)) continue;  // "Bosnia and Herzegovina": connectors only inside
      const auto* m = gaz_.find(key);
      bool whole = false;
      if (!m && tok(j).possessive) {
        // "Lloyd’s" is a name, not Lloyd's possessive
        m = gaz_.find(key.substr(0, key.size() - keys_[j].size()) + word_key(b_.view(tok(j))));
        whole = m != nullptr;
      }
      if (m) {
        const bool case_ok = !m->exact_case || (i == j && tok(i).all_caps);
        if (case_ok) best = GazetteerMatch{j, m->entry, whole};
      }
    }
    return best;
  }

  // Where a capitalized run that starts at i ends (inclusive): capitalized words, joined by
  // name particles and by of/for/and/the when more capitals follow; a possessive ends it.
  int run_end(int i) const {
    int last = i;
    for (int j = i; j < size();) {
      if (tok(j).possessive) return j;
      int k = j + 1;
      while (word(k) && !cap(k) && is_connector(k)) ++k;
      if (!cap(k) || tok(k).sentence_start || k - j > 3) return last;
      if (k > j + 1 && lower_is(j + 1, "and") && lower_is(j + 2, "the")) return last;
      last = j = k;
    }
    return last;
  }

  bool is_connector(int i) const {
    const std::string& w = lower_[i];
    return w == "of" || w == "for" || w == "and" || w == "the" || cue::is_name_particle(w);
  }

  bool is_demonym(int i) const { return word(i) && gaz_.find_demonym(keys_[i]).has_value(); }
  bool is_title_word(int i) const { return word(i) && cue::is_title(lower_[i]); }

  // Words that come before a name without being part of it.
  bool is_name_prefix(int i) const {
    const std::string& w = lower_[i];
    return cue::is_title(w) || cue::is_title_modifier(w) || cue::is_not_a_name(w) || is_demonym(i);
  }

  // "Kremlin spokesperson", "U.S. Secretary of State", "Associate Professor": the title
  // phrase that ends just before token `first`, or nothing when it holds no title word.
  std::optional<std::string> role_before(int first) const {
    int start = first;
    bool titled = false;
    for (int i = first - 1; i >= 0 && word(i); --i) {
      const std::string& w = lower_[i];
      const bool known = cap(i) && gaz_.find(keys_[i]) && !tok(i).possessive;
      // "Grain trader Daniel Park": a sentence may open with the title's first word.
      const bool opener = tok(i).sentence_start && !tok(i).possessive && !known && titled;
      if (cue::is_title(w)) {
        titled = true;
      } else if (!(cue::is_title_modifier(w) || is_demonym(i) || known || opener)) {
        break;
      }
      start = i;
      if (tok(i).sentence_start) break;
    }
    while (start < first && (lower_[start] == "the" || lower_[start] == "of")) ++start;
    if (!titled || start == first) return role_before_comma(first);
    return b_.utf8(tok(start).begin, tok(first - 1).end);
  }

  // "Ukraine's deputy infrastructure minister, Oksana Lytvyn,": a title phrase set off by
  // commas before the name.
  std::optional<std::string> role_before_comma(int first) const {
    if (!punct(first - 1, U',') || (!punct(first + 1, U',') && !punct(first + 2, U','))) {
      return std::nullopt;
    }
    const int end = first - 2;
    if (!is_title_word(end)) return std::nullopt;
    int start = end;
    while (start - 1 >= 0 && end - start < 5 && word(start - 1) &&
           (!tok(start - 1).capitalized || tok(start - 1).possessive || is_demonym(start - 1)) &&
           !cue::is_speech_verb(lower_[start - 1]) && lower_[start - 1] != "but" &&
           lower_[start - 1] != "and") {
      --start;
    }
    while (start < end && (lower_[start] == "the" || lower_[start] == "a")) ++start;
    return b_.utf8(tok(start).begin, tok(end).end);
  }

  // ", a senior fellow at the Carnegie Endowment," — the apposition after token `last`, when
  // it names a title within its first words.
  std::optional<std::string> role_after(int last) const {
    int i = last + 1;
    if (!punct(i, U',')) return std::nullopt;
    ++i;
    if (lower_is(i, "a") || lower_is(i, "an") || lower_is(i, "the")) ++i;
    const int start = i;
    // Capitals here are usually another name ("Baunov, Stanovaya and Girkin"), unless a title
    // follows at once: "Dmitry Peskov, the Kremlin spokesman,".
    const bool titled_soon =
        is_title_word(start) || is_title_word(start + 1) || is_title_word(start + 2);
    if (!word(start) || (tok(start).capitalized && !titled_soon)) return std::nullopt;
    bool titled = false;
    int end = start;
    for (; end < size() && end < start + kMaxAppositionTokens; ++end) {
      if (tok(end).kind == TokenKind::Punct) {
        const char32_t c = b_.text[tok(end).begin];
        if (c == U',' || c == U';' || is_sentence_end(c) || is_quote_mark(c) || c == U'(' ||
            c == U')' || c == U'\u2014') {
          break;
        }
        continue;
      }
      if (lower_is(end, "who") || lower_is(end, "which") || cue::is_speech_verb(lower_[end])) break;
      if (end < start + 4 && is_title_word(end)) titled = true;
    }
    if (!titled || end == start) return std::nullopt;
    return b_.utf8(tok(start).begin, tok(end - 1).end);
  }

  bool followed_by_who(int last) const {
    return (punct(last + 1, U',') && lower_is(last + 2, "who")) || lower_is(last + 1, "who");
  }

  // "said Baunov", "Baunov said", "Baunov, …, said" is left to quote attribution.
  bool beside_speech_verb(int first, int last) const {
    if (word(first - 1) && cue::is_speech_verb(lower_[first - 1])) return true;
    int next = last + 1;
    if (word(next) && (lower_[next] == "also" || lower_[next].ends_with("ly"))) ++next;
    if (word(next) && cue::is_speech_verb(lower_[next])) return true;
    return lower_is(first - 2, "according") && lower_is(first - 1, "to");
  }

  bool after_place_preposition(int first) const {
    int i = first - 1;
    if (lower_is(i, "the")) --i;
    // "in Kherson, Kharkiv, and Donetsk": the preposition carries through a list
    while (i >= 1 && (punct(i, U',') || lower_is(i, "and")) && cap(i - 1)) {
      i -= 2;
      if (punct(i + 1, U',') && lower_is(i + 1, "and")) --i;
    }
    return word(i) && cue::is_place_preposition(lower_[i]);
  }

  model::NameMention mention(int first, int last) const {
    model::NameMention m;
    m.at.block = b_.id;
    m.at.start = tok(first).begin;
    m.at.end = tok(last).name_end;
    m.text = b_.utf8(m.at.start, m.at.end);
    m.full = m.text;
    return m;
  }

  const BlockText& text() const { return b_; }
  std::size_t index() const { return index_; }
  const Gazetteer& gazetteer() const { return gaz_; }

 private:
  const BlockText& b_;
  std::size_t index_;
  const Gazetteer& gaz_;
  const std::vector<std::string>& lower_;
  const std::vector<std::string>& keys_;
};

struct Candidate {
  FoundName found;
  bool tentative = false;  // a lone unknown word opening a sentence
};

class NameScanner {
 public:
  NameScanner(const BlockReader& r, std::vector<Candidate>& out) : r_(r), out_(out) {}

  void scan_body() {
    for (int i = 0; i < r_.size();) {
      if (!r_.cap(i)) {
        ++i;
        continue;
      }
      const int end = r_.run_end(i);
      read_run(i, end);
      i = end + 1;
    }
  }

  // Headings: gazetteer names only; the body's names are added later.
  void scan_heading() {
    for (int i = 0; i < r_.size(); ++i) {
      if (auto g = r_.gazetteer_match(i)) {
        emit_known(i, g->last, g->entry, g->keeps_possessive);
        i = g->last;
      }
    }
  }

 private:
  void read_run(int first, int last) {
    // The last organization or event head decides a run's type: "International Crisis Group".
    int head = -1;
    for (int i = first; i <= last; ++i) {
      if (r_.cap(i) && (cue::is_organization_head(r_.lower(i)) || cue::is_event_head(r_.lower(i)) ||
                        cue::is_place_head(r_.lower(i)))) {
        head = i;
      }
    }
    if (head >= 0) {
      int start = first;
      // "Talks of the Grand … Dam": a sentence's first word before a connector is not part
      // of the name.
      if (r_.tok(first).sentence_start && first + 1 <= last && !r_.cap(first + 1) &&
          first != head) {
        start = first + 1;
        while (start < head && !r_.cap(start)) ++start;
      }
      while (start < head && (cue::is_not_a_name(r_.lower(start)) || r_.is_title_word(start))) {
        ++start;
      }
      // "United States and European Union": two known names, not one organization
      if (auto g = r_.gazetteer_at(start); g && r_.lower_is(g->first + 1, "and")) {
        if (auto h = r_.gazetteer_at(g->first + 2); h && h->first >= head) {
          read_plain(start, g->first);
          read_plain(g->first + 2, last);
          return;
        }
      }
      // "Olga Oliker of the International Crisis Group": when no head noun comes before the
      // last of/for, what precedes it is not part of the name.
      for (int k = head - 1; k > start; --k) {
        if (r_.cap(k) || !(r_.lower_is(k, "of") || r_.lower_is(k, "for"))) continue;
        bool head_before = false;
        for (int j = start; j < k; ++j) {
          head_before = head_before || cue::is_organization_head(r_.lower(j)) ||
                        cue::is_event_head(r_.lower(j)) || cue::is_place_head(r_.lower(j));
        }
        if (!head_before) {
          int before_end = k - 1;
          while (before_end >= start && !r_.cap(before_end)) --before_end;
          if (before_end >= start) read_plain(start, before_end);
          start = k + 1;
          while (start < head && !r_.cap(start)) ++start;
        }
        break;
      }
      if (start < head && read_named_body(start, last, head)) return;
    }
    // Split at connectors into sub-runs of capitalized words.
    int sub = first;
    for (int i = first; i <= last + 1; ++i) {
      if (i == last + 1 || !r_.cap(i)) {
        if (i > sub) read_plain(sub, i - 1);
        sub = i + 1;
      }
    }
  }

  bool read_named_body(int first, int last, int head) {
    // Trailing connectors belong to the next words only: "… Program" ends the name.
    while (last > head && !r_.cap(last)) --last;
    if (auto g = r_.gazetteer_at(first); g && g->first == last) {
      emit_known(first, last, g->second);
      return true;
    }
    const std::string& w = r_.lower(head);
    Candidate c;
    c.found = found(first, last);
    c.found.mention.type = cue::is_event_head(w)   ? EntityType::Event
                           : cue::is_place_head(w) ? EntityType::Place
                                                   : EntityType::Organization;
    out_.push_back(std::move(c));
    return true;
  }

  // Capitalized words with no connector between them: gazetteer names and the unknown
  // stretches between them.
  void read_plain(int first, int last) {
    int stretch = first;
    for (int i = first; i <= last;) {
      if (auto g = r_.gazetteer_match(i); g && g->last <= last) {
        if (i > stretch) read_unknown(stretch, i - 1);
        emit_known(i, g->last, g->entry, g->keeps_possessive);
        i = stretch = g->last + 1;
      } else {
        ++i;
      }
    }
    if (stretch <= last) read_unknown(stretch, last);
  }

  void read_unknown(int first, int last) {
    // Names hold no titles: "Indian Prime Minister Narendra Modi" → "Narendra Modi".
    for (int i = last - 1; i >= first; --i) {
      if (r_.is_title_word(i)) {
        first = i + 1;
        break;
      }
    }
    while (first <= last && r_.is_name_prefix(first)) ++first;
    if (first > last) return;
    if (r_.is_title_word(last)) return;  // "Deputy Foreign Minister"
    for (int i = first; i <= last; ++i) {
      if (cue::is_not_a_name(r_.lower(i))) return;
    }
    const int words = last - first + 1;
    if (words > kMaxNameWords) return;
    if (words == 1 && r_.tok(first).all_caps && r_.lower(first).size() <= 2) return;
    if (words == 1 && r_.lower(first).size() == 1) return;  // "X" the platform, initials

    Candidate c;
    c.found = found(first, last);
    auto& m = c.found.mention;
    const bool given = r_.gazetteer().is_given_name(r_.key(first));
    m.role = r_.role_before(first);
    const auto apposition = r_.role_after(last);
    if (apposition) m.role = m.role ? *m.role + ", " + *apposition : *apposition;
    const bool bracket = words >= 2 && read_bracketed_surname(last, m);
    m.person_cue = m.role.has_value() || r_.followed_by_who(last) ||
                   r_.beside_speech_verb(first, last) || bracket ||
                   (words >= 2 && (given || model::is_patronymic(r_.key(first + 1))));
    if (m.person_cue) {
      m.type = EntityType::Person;
    } else if (r_.after_place_preposition(first) && !r_.tok(last).possessive) {
      m.type = EntityType::Place;
    }
    // "Analysts say": a capitalized word opening a sentence is a name only when the source
    // uses it as one elsewhere, whatever verb follows.
    c.tentative = words == 1 && r_.tok(first).sentence_start && !m.role;
    out_.push_back(std::move(c));
  }

  // "Vladimir Vladimirovich [Putin]": an editor's bracket completes the name.
  bool read_bracketed_surname(int last, model::NameMention& m) {
    const int open = last + 1;
    if (!r_.punct(open, U'[') || !r_.cap(open + 1) || !r_.punct(open + 2, U']')) return false;
    const auto& t = r_.text();
    const std::string surname = t.utf8(r_.tok(open + 1).begin, r_.tok(open + 1).name_end);
    const auto space = m.text.find(' ');
    m.full = m.text.substr(0, space) + " " + surname;
    if (const auto* known = r_.gazetteer().find(name_key(m.full))) {
      m.known = r_.gazetteer().entry(known->entry).name;
    }
    return true;
  }

  void emit_known(int first, int last, std::size_t entry, bool keeps_possessive = false) {
    const GazetteerEntry& e = r_.gazetteer().entry(entry);
    Candidate c;
    c.found = found(first, last);
    if (keeps_possessive) {
      auto& m = c.found.mention;
      m.at.end = r_.tok(last).end;
      m.text = m.full = r_.text().utf8(m.at.start, m.at.end);
    }
    auto& m = c.found.mention;
    m.known = e.name;
    m.type = e.type;
    if (e.type == EntityType::Person) {
      m.role = r_.role_before(first);
      if (auto apposition = r_.role_after(last)) {
        m.role = m.role ? *m.role + ", " + *apposition : *apposition;
      }
      m.person_cue = true;
    }
    out_.push_back(std::move(c));
  }

  FoundName found(int first, int last) const {
    FoundName f;
    f.mention = r_.mention(first, last);
    f.block = r_.index();
    f.first = first;
    f.last = last;
    return f;
  }

  const BlockReader& r_;
  std::vector<Candidate>& out_;
};

bool is_heading_like(const BlockText& b) {
  if (b.kind == model::BlockKind::Heading) return true;
  // A paragraph in capitals carries no case signal either.
  int letters = 0, upper = 0;
  for (const auto& t : b.tokens) {
    if (t.kind != TokenKind::Word) continue;
    ++letters;
    if (t.all_caps) ++upper;
  }
  return letters >= 3 && upper * 10 >= letters * 8;
}

// Links each lone surname to the full name the source gives (nearest before it, else the
// first after), keeps sentence-opening words only when the source uses them as names, and
// adds the body's names to headings.
class SourceNames {
 public:
  explicit SourceNames(std::vector<Candidate>& c) : c_(c) {
    for (const auto& cand : c_) {
      const auto& m = cand.found.mention;
      const bool person = m.type == EntityType::Person;
      if (!cand.tentative) proper_.insert(name_key(m.text));
      if (person && model::name_word_count(m.full) >= 2) {
        surnames_[surname_key(m.full)].push_back(&cand - c_.data());
        const std::string key = name_key(m.full);
        given_[key.substr(0, key.find(' '))].insert(key);
        given_at_[key.substr(0, key.find(' '))] = &cand - c_.data();
      }
    }
  }

  void link() {
    for (std::size_t i = 0; i < c_.size(); ++i) {
      auto& m = c_[i].found.mention;
      if (model::name_word_count(m.text) != 1 || (m.type && m.type != EntityType::Person)) continue;
      const auto it = surnames_.find(name_key(m.text));
      std::size_t best = 0;
      if (it != surnames_.end()) {
        best = it->second.front();
        for (std::size_t j : it->second) {
          if (j < i) best = j;
        }
      } else if (auto g = given_.find(name_key(m.text));
                 g != given_.end() && g->second.size() == 1) {
        best = given_at_[g->first];  // "Abiy told parliament": the one Abiy of the source
      } else {
        continue;
      }
      const auto& full = c_[best].found.mention;
      m.full = full.full;
      m.known = full.known;
      m.type = EntityType::Person;
      m.person_cue = true;
      c_[i].tentative = false;
    }
  }

  bool keeps(const Candidate& c) const {
    return !c.tentative || proper_.contains(name_key(c.found.mention.text));
  }

  // Names the body established, looked for again in a heading.
  std::vector<std::pair<std::string, model::NameMention>> established() const {
    std::vector<std::pair<std::string, model::NameMention>> names;
    std::set<std::string> seen;
    for (const auto& cand : c_) {
      const auto& m = cand.found.mention;
      if (!keeps(cand) || m.known || !m.type) continue;
      std::string key = name_key(m.text);
      if (seen.insert(key).second) names.emplace_back(std::move(key), m);
    }
    return names;
  }

 private:
  std::vector<Candidate>& c_;
  std::unordered_set<std::string> proper_;
  std::map<std::string, std::vector<std::size_t>> surnames_;
  std::map<std::string, std::set<std::string>> given_;  // given name → full names with it
  std::map<std::string, std::size_t> given_at_;
};

void find_established_in_heading(
    const BlockReader& r, const std::vector<std::pair<std::string, model::NameMention>>& names,
    std::vector<FoundName>& out, const std::vector<FoundName>& known) {
  for (int i = 0; i < r.size(); ++i) {
    if (!r.word(i)) continue;
    std::string key;
    for (int j = i; j < r.size() && j < i + kMaxNameWords && r.word(j); ++j) {
      if (!key.empty()) key += ' ';
      key += r.key(j);
      for (const auto& [name, source] : names) {
        if (name != key) continue;
        FoundName f;
        f.mention = r.mention(i, j);
        f.mention.full = source.full;
        f.mention.type = source.type;
        f.mention.person_cue = source.person_cue;
        f.block = r.index();
        f.first = i;
        f.last = j;
        const bool overlaps = std::any_of(known.begin(), known.end(), [&](const FoundName& k) {
          return k.block == f.block && k.first <= j && i <= k.last;
        });
        if (!overlaps) out.push_back(std::move(f));
      }
    }
  }
}

}  // namespace

std::vector<FoundName> find_names(const std::vector<BlockText>& blocks,
                                  const Gazetteer& gazetteer) {
  std::vector<Candidate> candidates;
  std::vector<std::size_t> headings;
  std::vector<BlockReader> readers;
  readers.reserve(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    readers.emplace_back(blocks[i], i, gazetteer);
    NameScanner scanner(readers.back(), candidates);
    if (is_heading_like(blocks[i])) {
      scanner.scan_heading();
      headings.push_back(i);
    } else {
      scanner.scan_body();
    }
  }
  SourceNames names(candidates);
  names.link();
  std::vector<FoundName> found;
  found.reserve(candidates.size());
  std::vector<FoundName> extra;
  const auto established = names.established();
  for (auto& c : candidates) {
    if (names.keeps(c)) found.push_back(std::move(c.found));
  }
  for (std::size_t h : headings) find_established_in_heading(readers[h], established, extra, found);
  found.insert(found.end(), std::make_move_iterator(extra.begin()),
               std::make_move_iterator(extra.end()));
  std::sort(found.begin(), found.end(), [](const FoundName& a, const FoundName& b) {
    return std::tie(a.block, a.first) < std::tie(b.block, b.first);
  });
  // "Associate Professor İkbal Dürre from Moscow State University": the institution
  // completes a title.
  for (std::size_t i = 0; i + 1 < found.size(); ++i) {
    auto& person = found[i].mention;
    const auto& next = found[i + 1];
    if (person.type != EntityType::Person || !person.role || next.block != found[i].block ||
        next.mention.type != EntityType::Organization || next.first != found[i].last + 2) {
      continue;
    }
    const auto& reader = readers[found[i].block];
    if (reader.lower_is(found[i].last + 1, "from") || reader.lower_is(found[i].last + 1, "at")) {
      person.role = *person.role + ", " + next.mention.text;
    }
  }
  return found;
}

}  // namespace dossier::annotate
