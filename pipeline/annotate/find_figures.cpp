#include "annotate/find_figures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string_view>

#include "model/name_key.h"
#include "model/utf8.h"

namespace dossier::annotate {

using model::name_key;
using model::surname_key;
using model::word_key;

namespace {

constexpr int kMaxAboutWords = 4;

struct Scale {
  std::string_view word;
  double factor;
};
constexpr std::array<Scale, 4> kScales = {
    {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

// "tens of thousands": the smallest value the phrase allows.
struct Vague {
  std::string_view first;
  double value;
};
constexpr std::array<Vague, 5> kVague = {
    {{"dozens", 24}, {"hundreds", 200}, {"thousands", 2000}, {"millions", 2e6}, {"billions", 2e9}}};

// Spelled-out counts. "one" and "two" are too often not a figure ("the two sides"); two
// counts only before a unit of time ("two decades").
constexpr std::array<std::string_view, 21> kNumberWords = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

constexpr std::array<std::string_view, 7> kDurationUnits = {"minute", "hour", "day",   "week",
                                                            "month",  "year", "decade"};

// Words that end the phrase naming what a figure measures.
bool ends_about(std::string_view w) {
  static const std::set<std::string_view> stop = {
      "that",  "which", "who",    "is",    "are",    "was",  "were",  "has",     "have",  "had",
      "for",   "in",    "on",     "at",    "by",     "with", "from",  "to",      "and",   "but",
      "or",    "while", "since",  "as",    "ahead",  "ago",  "later", "earlier", "would", "will",
      "could", "may",   "might",  "than",  "of",     "a",    "an",    "the",     "this",  "more",
      "less",  "each",  "before", "after", "during", "if",   "when",  "so",      "be",    "been",
      "it",    "they",  "we",     "he",    "she",    "there"};
  return stop.contains(w);
}

// Words that open a clause: the subject of a measuring verb starts after them.
bool ends_clause(std::string_view w) {
  static const std::set<std::string_view> stop = {"that", "which",   "who",      "and",  "but",
                                                  "or",   "since",   "while",    "when", "if",
                                                  "as",   "because", "although", "said", "says"};
  return stop.contains(w);
}

// Verbs after which the clause's subject is what a figure measures: "casualties exceed 30,000".
bool is_measure_verb(std::string_view w) {
  static const std::set<std::string_view> verbs = {
      "rose",    "risen",    "rise",     "rises",     "fell",      "fallen",  "fall",
      "falls",   "grew",     "grown",    "increased", "decreased", "dropped", "climbed",
      "exceed",  "exceeds",  "exceeded", "reached",   "reach",     "reaches", "stood",
      "totaled", "totalled", "totals",   "topped",    "surpassed", "hit",     "is",
      "are",     "was",      "were",     "numbered",  "jumped",    "soared",  "plunged"};
  return verbs.contains(w);
}

// Nouns that say nothing about which measure it is: "20% of Ukrainian territory" and "18% of
// Ukraine" measure the same thing.
bool is_generic(std::string_view w) {
  static const std::set<std::string_view> g = {"territory", "land",   "area",  "share",  "total",
                                               "number",    "figure", "count", "amount", "level"};
  return g.contains(w);
}

bool is_qualifier(std::string_view w) {
  static const std::set<std::string_view> q = {
      "about", "around", "roughly", "nearly",  "almost", "approximately", "some", "over",
      "under", "only",   "just",    "exactly", "up",     "least",         "than", "estimated"};
  return q.contains(w);
}

class FigureScanner : TokenCursor {
 public:
  FigureScanner(const BlockText& b, const std::vector<model::DateMention>& dates,
                const Gazetteer& g, std::vector<model::Figure>& out)
      : TokenCursor(b), gaz_(g), out_(out), lower_(b.lowers) {
    for (const auto& d : dates) {
      if (d.block == b.id) date_spans_.emplace_back(d.start, d.end);
    }
  }

  void scan() {
    for (int i = 0; i < size();) i = read_at(i);
  }

 private:
  bool in_date(int i) const {
    return std::any_of(date_spans_.begin(), date_spans_.end(), [&](auto span) {
      return tok(i).begin >= span.first && tok(i).end <= span.second;
    });
  }

  double value_of(int i) const {
    std::string digits;
    for (int k = tok(i).begin; k < tok(i).end; ++k) {
      const char32_t c = b_.text[k];
      if (c != U',') digits += static_cast<char>(c);
    }
    return std::strtod(digits.c_str(), nullptr);
  }

  int read_at(int i) {
    if (number(i) && !in_date(i)) return read_number(i);
    if (word(i)) {
      for (std::size_t n = 2; n < kNumberWords.size(); ++n) {
        if (lower_[i] == kNumberWords[n] && word(i + 1)) return read_number_word(i, n);
      }
      // "tens of thousands", "hundreds of millions": the smallest value the phrase allows.
      const double times = lower_[i] == "tens" ? 10 : lower_[i] == "hundreds" ? 100 : 0;
      if (times > 0 && is(i + 1, "of")) {
        for (const auto& inner : kVague) {
          if (is(i + 2, inner.first)) return push_vague(i, i + 2, times * inner.value / 2);
        }
      }
      if (times == 0) {
        for (const auto& v : kVague) {
          if (lower_[i] == v.first) return push_vague(i, i, v.value);
        }
      }
    }
    return i + 1;
  }

  int push_vague(int first, int last, double value) {
    Figure f = figure(first, last, value);
    attach_about(f, last + 1, first);
    push(f);
    return last + 1;
  }

  struct Figure : model::Figure {
    int first = 0, last = 0;
  };

  Figure figure(int first, int last, double value) const {
    Figure f;
    f.first = first;
    f.last = last;
    f.value = value;
    f.block = b_.id;
    return f;
  }

  int read_number(int i) {
    int first = i, last = i;
    double value = value_of(i);
    std::optional<std::string> unit;
    if (punct(i - 1, U'$')) unit = "USD", first = i - 1;
    if (punct(i - 1, U'\u20AC')) unit = "EUR", first = i - 1;
    if (punct(i - 1, U'\u00A3')) unit = "GBP", first = i - 1;
    // 3–5 months: a range keeps its low end as the value
    if ((punct(i + 1, U'\u2013') || punct(i + 1, U'-')) && adjacent(i + 1) && number(i + 2) &&
        adjacent(i + 2)) {
      last = i + 2;
    }
    for (const auto& s : kScales) {
      if (is(last + 1, s.word)) {
        value *= s.factor;
        ++last;
      }
    }
    if (punct(last + 1, U'%') && adjacent(last + 1)) {
      unit = "%";
      ++last;
    } else if (is(last + 1, "percent")) {
      unit = "%";
      ++last;
    } else if (is(last + 1, "per") && is(last + 2, "cent")) {
      unit = "%";
      last += 2;
    } else if (is(last + 1, "dollars") || is(last + 1, "euros")) {
      unit = lower_[last + 1] == "dollars" ? "USD" : "EUR";
      ++last;
    } else if (auto d = duration(last + 1)) {
      unit = d->first;
      last = d->second;
    } else if (is(last + 1, "times")) {
      unit = "times";
      ++last;
    }
    Figure f = figure(first, last, value);
    f.unit = unit;
    // Qualifiers stay in the text: "nearly 20%", "fewer than 30 ships", "at least 5".
    int q = first - 1;
    while (word(q) && is_qualifier(lower_[q]) && q >= first - 2) --q;
    if (is(q, "more") || is(q, "fewer") || is(q, "less") || is(q, "at")) --q;
    f.first = q + 1;
    attach_about(f, last + 1, first);
    push(f);
    return last + 1;
  }

  // "three calm months", "four regions", "two decades"
  int read_number_word(int i, std::size_t value) {
    int unit_at = i + 1;
    if (word(unit_at) && !duration(unit_at) && duration(unit_at + 1)) ++unit_at;  // calm
    const auto d = duration(unit_at);
    if (value == 2 && !d) return i + 1;
    // A plural noun within two words: "four regions", "three main terminals"
    auto plural = [&](int k) {
      return word(k) && !ends_about(lower_[k]) && lower_[k].size() >= 3 && lower_[k].back() == 's';
    };
    if (!d && (ends_about(lower_[i + 1]) || !(plural(i + 1) || plural(i + 2)))) return i + 1;
    Figure f = figure(i, d ? d->second : i, static_cast<double>(value));
    if (d) f.unit = d->first;
    attach_about(f, f.last + 1, i);
    push(f);
    return f.last + 1;
  }

  // "30-day", "30 days": the unit and the token that ends it.
  std::optional<std::pair<std::string, int>> duration(int i) const {
    int at = i;
    if (punct(i, U'-') && adjacent(i) && adjacent(i + 1)) at = i + 1;
    if (!word(at)) return std::nullopt;
    std::string w = lower_[at];
    if (at == i && w.size() > 1 && w.back() == 's') w.pop_back();
    for (auto u : kDurationUnits) {
      if (w == u) return std::make_pair(std::string(u), at);
    }
    return std::nullopt;
  }

  // What the figure measures: "of NP" after it, a noun phrase after it, or the subject of a
  // measuring verb before it.
  void attach_about(Figure& f, int next, int first) {
    int start = next, end = next;
    if (f.unit == "%" && is(next, "of")) start = end = next + 1;
    if (f.unit != "times") {
      while (word(start) &&
             (is(start, "the") || is(start, "a") || is(start, "its") || is(start, "their"))) {
        ++start;
      }
      end = start;
      const int limit = f.unit && *f.unit != "%" && *f.unit != "USD" && *f.unit != "EUR"
                            ? 1  // "30-day ceasefire"
                            : kMaxAboutWords;
      const bool next_row = word(start) && line_break_before(start);  // a table's next row
      while (!next_row && word(end) && end - start < limit && !ends_about(lower_[end]) &&
             !(end > start && (tok(end).capitalized || lower_[end].ends_with("ing") ||
                               lower_[end].ends_with("ed") || line_break_before(end)))) {
        const bool possessive = tok(end).possessive;
        ++end;
        if (!possessive && end < size() && !word(end)) break;
      }
      // "30 ships a month": the rate belongs to the measure
      if (end > start && (is(end, "a") || is(end, "per")) && duration(end + 1)) end += 2;
    }
    if (end == start) {
      // "Civilian casualties exceed 30,000": the subject before a measuring verb
      int v = first - 1;
      while (word(v) && (is_qualifier(lower_[v]) || lower_[v] == "by" || lower_[v] == "at" ||
                         lower_[v] == "more" || lower_[v] == "fewer" || lower_[v] == "than")) {
        --v;
      }
      if (!word(v) || !is_measure_verb(lower_[v])) return finish(f);
      int e = v;
      while (word(e - 1) &&
             (lower_[e - 1] == "have" || lower_[e - 1] == "has" || lower_[e - 1] == "had" ||
              lower_[e - 1] == "would" || lower_[e - 1] == "will")) {
        --e;
      }
      // Back to the clause's start: "freight rates on the route have risen by 40%"
      int s = e;
      while (word(s - 1) && e - s < kMaxAboutWords + 2 && !ends_clause(lower_[s - 1])) --s;
      while (s < e && (lower_[s] == "the" || lower_[s] == "a" || lower_[s] == "its" ||
                       lower_[s] == "their" || lower_[s] == "on" || lower_[s] == "of")) {
        ++s;
      }
      if (s == e) return finish(f);
      start = s;
      end = e;
    }
    f.about = b_.utf8(tok(start).begin, tok(end - 1).name_end);
    f.measure = measure_key(start, end, f.unit);
    finish(f);
  }

  bool line_break_before(int i) const {
    for (int k = tok(i - 1).end; k < tok(i).begin; ++k) {
      if (b_.text[k] == U'\n') return true;
    }
    return false;
  }

  void finish(Figure& f) {
    f.start = tok(f.first).begin;
    f.end = tok(f.last).end;
  }

  // Lower-case content words, plurals and possessives folded, demonyms as their place.
  std::string measure_key(int start, int end, const std::optional<std::string>& unit) const {
    std::set<std::string> words;
    for (int i = start; i < end; ++i) {
      if (!word(i)) continue;
      std::string w = word_key(b_.name_view(tok(i)));
      if (auto place = gaz_.find_demonym(w)) {
        w = name_key(gaz_.entry(*place).name);
      } else if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss")) {
        w.pop_back();
      }
      if (!ends_about(lower_[i]) && !is_generic(lower_[i]) &&
          !(lower_[i].size() > 3 && lower_[i].back() == 's' &&
            is_generic(std::string_view(lower_[i]).substr(0, lower_[i].size() - 1)))) {
        words.insert(w);
      }
    }
    std::string key = unit.value_or("#");
    for (const auto& w : words) key += " " + w;
    return key;
  }

  void push(Figure& f) {
    // Text from the first qualifier to the end of the measure phrase.
    int text_end = f.end;
    if (f.about) {
      const std::u32string about = model::utf8::decode_all(*f.about);
      const auto at = b_.text.find(about, f.end);
      if (at != std::u32string::npos && at <= static_cast<std::size_t>(f.end) + 4) {
        text_end = static_cast<int>(at + about.size());
      }
    }
    f.text = b_.utf8(f.start, text_end);
    out_.push_back(static_cast<model::Figure>(f));
  }

  const Gazetteer& gaz_;
  std::vector<model::Figure>& out_;
  const std::vector<std::string>& lower_;  // the block's, per token
  std::vector<std::pair<int, int>> date_spans_;
};

}  // namespace

std::vector<model::Figure> find_figures(const std::vector<BlockText>& blocks,
                                        const std::vector<model::DateMention>& dates,
                                        const Gazetteer& gazetteer) {
  std::vector<model::Figure> figures;
  for (const auto& b : blocks) {
    if (b.kind == model::BlockKind::Heading) continue;
    FigureScanner(b, dates, gazetteer, figures).scan();
  }
  return figures;
}

}  // namespace dossier::annotate
