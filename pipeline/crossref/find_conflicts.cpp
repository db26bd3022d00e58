#include "crossref/find_conflicts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

namespace dossier::crossref {

namespace {

constexpr double kTolerance = 0.05;
constexpr std::size_t kSeeAlso = 3;
constexpr double kSeeAlsoThreshold = 2.5;
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

std::vector<model::Conflict> find_conflicts(const std::vector<model::Figure>& figures) {
  std::map<std::string, std::vector<const model::Figure*>> by_measure;
  std::vector<std::string> order;
  for (const auto& f : figures) {
    if (f.measure.empty() || !f.about) continue;
    auto& group = by_measure[f.measure];
    if (group.empty()) order.push_back(f.measure);
    group.push_back(&f);
  }
  std::vector<model::Conflict> conflicts;
  for (const auto& measure : order) {
    const auto& group = by_measure[measure];
    std::set<std::string> sources;
    bool disagree = false;
    for (const auto* f : group) {
      sources.insert(source_of(f->block));
      disagree = disagree || differ(f->value, group.front()->value);
    }
    if (sources.size() < 2 || !disagree) continue;
    model::Conflict c;
    c.about = *group.front()->about;
    for (const auto* f : group) {
      c.figures.push_back(f->id);
      if (std::find(c.blocks.begin(), c.blocks.end(), f->block) == c.blocks.end()) {
        c.blocks.push_back(f->block);
      }
    }
    conflicts.push_back(std::move(c));
  }
  return conflicts;
}

void link_see_also(std::vector<model::Source>& sources, const EntityTable& table) {
  // Paragraph → the entities and measures it holds.
  struct Paragraph {
    std::size_t source;
    model::Block* block;
    std::set<std::string> terms;
  };
  std::vector<Paragraph> paragraphs;
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t s = 0; s < sources.size(); ++s) {
    for (auto& b : sources[s].blocks) {
      if (b.kind == model::BlockKind::Heading || b.kind == model::BlockKind::Caption) continue;
      index_of[b.id] = paragraphs.size();
      paragraphs.push_back({s, &b, {}});
    }
    for (std::size_t n = 0; n < sources[s].names.size(); ++n) {
      const auto e = table.entity_of[s][n];
      const auto it = index_of.find(sources[s].names[n].at.block);
      if (e && it != index_of.end()) paragraphs[it->second].terms.insert(table.entities[*e].id);
    }
    for (const auto& f : sources[s].figures) {
      const auto it = index_of.find(f.block);
      if (!f.measure.empty() && it != index_of.end())
        paragraphs[it->second].terms.insert(f.measure);
    }
  }
  std::map<std::string, std::vector<std::size_t>> postings;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    for (const auto& term : paragraphs[p].terms) postings[term].push_back(p);
  }
  const double total = static_cast<double>(paragraphs.size());
  std::vector<double> score(paragraphs.size(), 0.0);
  std::vector<std::size_t> touched;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    touched.clear();
    for (const auto& term : paragraphs[p].terms) {
      const auto& list = postings[term];
      if (list.size() < 2 || list.size() > kMaxSharedParagraphs) continue;
      const double idf = std::log(total / static_cast<double>(list.size()));
      for (std::size_t q : list) {
        if (paragraphs[q].source == paragraphs[p].source) continue;
        if (score[q] == 0.0) touched.push_back(q);
        score[q] += idf;
      }
    }
    std::vector<std::size_t> best;
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
}

}  // namespace dossier::crossref
