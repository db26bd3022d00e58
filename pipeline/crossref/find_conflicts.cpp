#include "crossref/find_conflicts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "model/parallel.h"

namespace dossier::crossref {

namespace {

constexpr double kTolerance = 0.05;
constexpr std::size_t kSeeAlso = 3;
// A shared term weighs log2(N / paragraphs holding it), N at least kSmallestCollection so
// that a name in two of a handful of paragraphs still counts as rare; a link needs 3 bits.
constexpr double kSeeAlsoThreshold = 3.0;
constexpr double kSmallestCollection = 32;
// An entity in more paragraphs than this says little about any one of them; skipping it also
// keeps the pairing linear in large collections.
constexpr std::size_t kMaxSharedParagraphs = 200;

std::string source_of(const std::string& block) {
  return block.substr(0, block.find('-'));
}

bool differ(double a, double b) {
  const double scale = std::max(std::fabs(a), std::fabs(b));
  return scale > 0 && std::fabs(a - b) / scale > kTolerance;
}

}  // namespace

// A measure key is the unit, then its words: "% egypt flow nile".
struct Measure {
  std::string unit;
  std::set<std::string> words;
};

Measure parse_measure(const std::string& key) {
  Measure m;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= key.size(); ++i) {
    if (i == key.size() || key[i] == ' ') {
      std::string w = key.substr(start, i - start);
      if (start == 0) {
        m.unit = std::move(w);
      } else if (!w.empty()) {
        m.words.insert(std::move(w));
      }
      start = i + 1;
    }
  }
  return m;
}

std::vector<model::Conflict> find_conflicts(const std::vector<model::Figure>& figures) {
  // Distinct measures, in reading order, and the figures of each.
  std::vector<std::string> order;
  std::unordered_map<std::string, std::vector<std::size_t>> figures_of;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const auto& f = figures[i];
    if (f.measure.empty() || !f.about) continue;
    auto& list = figures_of[f.measure];
    if (list.empty()) order.push_back(f.measure);
    list.push_back(i);
  }
  // "share of the Nile flow" and "Egypt's share of the Nile flow" are one measure: a measure
  // of two words or more joins a larger one that contains all its words (same unit), when
  // exactly one does. Candidates come from the posting list of the measure's rarest word.
  std::vector<Measure> parsed;
  std::unordered_map<std::string, std::vector<std::size_t>> postings;  // unit + word → measures
  for (std::size_t m = 0; m < order.size(); ++m) {
    parsed.push_back(parse_measure(order[m]));
    for (const auto& w : parsed[m].words) postings[parsed[m].unit + " " + w].push_back(m);
  }
  std::vector<std::size_t> group(order.size());
  for (std::size_t m = 0; m < order.size(); ++m) group[m] = m;
  for (std::size_t m = 0; m < order.size(); ++m) {
    const Measure& small = parsed[m];
    if (small.words.size() < 2) continue;
    const std::vector<std::size_t>* rarest = nullptr;
    for (const auto& w : small.words) {
      const auto& list = postings[small.unit + " " + w];
      if (!rarest || list.size() < rarest->size()) rarest = &list;
    }
    if (!rarest || rarest->size() > kMaxSharedParagraphs) continue;
    std::vector<std::size_t> larger;
    for (std::size_t other : *rarest) {
      const Measure& big = parsed[other];
      if (other == m || big.words.size() <= small.words.size()) continue;
      if (std::includes(big.words.begin(), big.words.end(), small.words.begin(),
                        small.words.end())) {
        larger.push_back(other);
      }
    }
    if (larger.size() == 1) group[m] = larger.front();
  }
  std::map<std::size_t, std::vector<std::size_t>> members;  // group → figures, reading order
  for (std::size_t m = 0; m < order.size(); ++m) {
    std::size_t g = m;
    while (group[g] != g) g = group[g];
    auto& list = members[g];
    list.insert(list.end(), figures_of[order[m]].begin(), figures_of[order[m]].end());
  }
  std::vector<std::pair<std::size_t, std::vector<std::size_t>>> groups(members.begin(),
                                                                       members.end());
  for (auto& [g, list] : groups) std::sort(list.begin(), list.end());
  std::sort(groups.begin(), groups.end(),
            [](const auto& a, const auto& b) { return a.second.front() < b.second.front(); });

  std::vector<model::Conflict> conflicts;
  for (const auto& [g, list] : groups) {
    std::set<std::string> sources;
    bool disagree = false;
    for (std::size_t i : list) {
      sources.insert(source_of(figures[i].block));
      disagree = disagree || differ(figures[i].value, figures[list.front()].value);
    }
    if (sources.size() < 2 || !disagree) continue;
    model::Conflict c;
    c.about = *figures[list.front()].about;
    for (std::size_t i : list) {
      c.figures.push_back(figures[i].id);
      if (std::find(c.blocks.begin(), c.blocks.end(), figures[i].block) == c.blocks.end()) {
        c.blocks.push_back(figures[i].block);
      }
    }
    conflicts.push_back(std::move(c));
  }
  return conflicts;
}

void link_see_also(std::vector<model::Source>& sources, const EntityTable& table,
                   unsigned threads) {
  // Terms are entity indices, then measures numbered after them.
  struct Paragraph {
    std::size_t source;
    model::Block* block;
    std::vector<std::size_t> terms;
  };
  std::vector<Paragraph> paragraphs;
  std::unordered_map<std::string, std::size_t> measure_term;
  const std::size_t entities = table.entities.size();
  for (std::size_t s = 0; s < sources.size(); ++s) {
    std::unordered_map<std::string_view, std::size_t> index_of;
    for (auto& b : sources[s].blocks) {
      if (b.kind == model::BlockKind::Heading || b.kind == model::BlockKind::Caption) continue;
      index_of.emplace(b.id, paragraphs.size());
      paragraphs.push_back({s, &b, {}});
    }
    for (std::size_t n = 0; n < sources[s].names.size(); ++n) {
      const auto e = table.entity_of[s][n];
      const auto it = index_of.find(sources[s].names[n].at.block);
      if (e && it != index_of.end()) paragraphs[it->second].terms.push_back(*e);
    }
    for (const auto& f : sources[s].figures) {
      const auto it = index_of.find(f.block);
      if (f.measure.empty() || it == index_of.end()) continue;
      const auto term = measure_term.emplace(f.measure, entities + measure_term.size()).first;
      paragraphs[it->second].terms.push_back(term->second);
    }
  }
  std::vector<std::vector<std::size_t>> postings(entities + measure_term.size());
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    auto& terms = paragraphs[p].terms;
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (std::size_t term : terms) postings[term].push_back(p);
  }
  const double total = std::max(kSmallestCollection, static_cast<double>(paragraphs.size()));
  // Paragraphs are scored a chunk at a time on the threads; each chunk has its own score
  // table, reset entry by entry after each paragraph, and a paragraph's sums are added in
  // one order whatever the thread, so the links do not depend on the thread count.
  constexpr std::size_t kChunk = 1024;
  const std::size_t chunks = (paragraphs.size() + kChunk - 1) / kChunk;
  model::parallel_for(chunks, threads, [&](std::size_t chunk) {
    std::vector<double> score(paragraphs.size(), 0.0);
    std::vector<std::size_t> touched, best;
    const std::size_t end = std::min(paragraphs.size(), (chunk + 1) * kChunk);
    for (std::size_t p = chunk * kChunk; p < end; ++p) {
      touched.clear();
      for (std::size_t term : paragraphs[p].terms) {
        const auto& list = postings[term];
        if (list.size() < 2 || list.size() > kMaxSharedParagraphs) continue;
        const double weight = std::log2(total / static_cast<double>(list.size()));
        for (std::size_t q : list) {
          if (paragraphs[q].source == paragraphs[p].source) continue;
          if (score[q] == 0.0) touched.push_back(q);
          score[q] += weight;
        }
      }
      best.clear();
      for (std::size_t q : touched) {
        if (score[q] >= kSeeAlsoThreshold) best.push_back(q);
      }
      std::sort(best.begin(), best.end(), [&](std::size_t a, std::size_t b) {
        return score[a] != score[b] ? score[a] > score[b] : a < b;
      });
      if (best.size() > kSeeAlso) best.resize(kSeeAlso);
      paragraphs[p].block->see_also.clear();
      for (std::size_t q : best) paragraphs[p].block->see_also.push_back(paragraphs[q].block->id);
      for (std::size_t q : touched) score[q] = 0.0;
    }
  });
}

}  // namespace dossier::crossref
