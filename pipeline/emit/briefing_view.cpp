#include "emit/briefing_view.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "emit/end_note.h"
#include "model/name_key.h"
#include "model/parallel.h"

namespace dossier::emit {

namespace {

std::vector<ParagraphRef> paragraphs_of(const model::Entity& e) {
  std::vector<ParagraphRef> refs;
  std::unordered_set<std::string_view> seen;
  seen.reserve(e.mentions.size());
  for (const auto& m : e.mentions) {
    if (seen.insert(m.block).second) refs.push_back(paragraph_ref(m.block));
  }
  return refs;
}

}  // namespace

ParagraphRef paragraph_ref(const std::string& block_id) {
  return ParagraphRef{block_id};
}

std::string ParagraphRef::source() const {
  return std::string(block.substr(0, block.find('-')));
}

std::string ParagraphRef::label() const {
  return paragraph_label(block);
}

namespace {

// The index (every entity with the paragraphs that mention it, alphabetical) and the key
// people and organizations (most mentioned first).
void list_entities(const model::Briefing& b, BriefingView& view) {
  view.index.reserve(b.entities.size());
  for (const auto& e : b.entities) view.index.push_back({&e, paragraphs_of(e)});
  // Alphabetical by the folded name (diacritics and case aside), then by id; each name is
  // folded once, not at every comparison.
  std::unordered_map<const model::Entity*, std::string> folded;
  folded.reserve(view.index.size());
  for (const auto& entry : view.index) folded[entry.entity] = model::name_key(entry.entity->name);
  std::stable_sort(view.index.begin(), view.index.end(),
                   [&](const EntityEntry& a, const EntityEntry& b) {
                     const std::string& ka = folded[a.entity];
                     const std::string& kb = folded[b.entity];
                     return ka != kb ? ka < kb : a.entity->id < b.entity->id;
                   });
  // The key entities in the order of the briefing's entities, then by mentions (stable).
  std::unordered_map<const model::Entity*, const EntityEntry*> entry_of;
  entry_of.reserve(view.index.size());
  for (const auto& entry : view.index) entry_of[entry.entity] = &entry;
  for (const auto& e : b.entities) {
    if (e.type == model::EntityType::Person || e.type == model::EntityType::Organization) {
      view.key_entities.push_back(entry_of.at(&e));
    }
  }
  std::stable_sort(view.key_entities.begin(), view.key_entities.end(),
                   [](const EntityEntry* a, const EntityEntry* b) {
                     return a->entity->mentions.size() > b->entity->mentions.size();
                   });
}

// Each paragraph's mentions, in the order they come in its text.
void map_mentions(const model::Briefing& b, BriefingView& view) {
  std::size_t mentions = 0;
  for (const auto& e : b.entities) mentions += e.mentions.size();
  view.mentions_in.reserve(mentions / 2);
  for (const auto& e : b.entities) {
    for (const auto& m : e.mentions) view.mentions_in[m.block].emplace_back(&m, &e);
  }
  for (auto& [block, list] : view.mentions_in) {
    std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
      return x.first->start != y.first->start ? x.first->start < y.first->start
                                              : x.first->end > y.first->end;
    });
  }
}

}  // namespace

BriefingView make_view(const model::Briefing& b, unsigned threads) {
  BriefingView view;
  // The two big halves fill different members, so they run side by side (for 10,000
  // articles the view took 1.4 s, with the build's other core idle).
  model::parallel_for(2, threads, [&](std::size_t half) {
    if (half == 0) {
      list_entities(b, view);
    } else {
      map_mentions(b, view);
    }
  });
  std::unordered_map<std::string_view, const model::Entity*> by_id;
  by_id.reserve(b.entities.size());
  for (const auto& e : b.entities) by_id[e.id] = &e;
  SpeakerQuotes unattributed;
  std::map<std::string, std::size_t> group_of;
  for (const auto& q : b.quotes) {
    const auto it = q.speaker ? by_id.find(*q.speaker) : by_id.end();
    if (it == by_id.end()) {
      unattributed.quotes.push_back(&q);
      continue;
    }
    auto [g, inserted] = group_of.emplace(*q.speaker, view.quotes.size());
    if (inserted) view.quotes.push_back({it->second, {}});
    view.quotes[g->second].quotes.push_back(&q);
  }
  if (!unattributed.quotes.empty()) view.quotes.push_back(std::move(unattributed));
  const auto pieces = [](const auto& entries, const auto& links_of) {
    std::vector<std::size_t> starts{0};
    starts.reserve(entries.size() + 1);
    for (const auto& entry : entries) {
      const std::size_t links = links_of(entry).paragraphs.size();
      starts.push_back(starts.back() +
                       std::max<std::size_t>(
                           1, (links + BriefingView::kPieceLinks - 1) / BriefingView::kPieceLinks));
    }
    return starts;
  };
  view.key_entity_pieces =
      pieces(view.key_entities, [](const EntityEntry* e) -> const EntityEntry& { return *e; });
  view.index_pieces =
      pieces(view.index, [](const EntityEntry& e) -> const EntityEntry& { return e; });
  view.quote_starts.reserve(view.quotes.size() + 1);
  view.quote_starts.push_back(0);
  for (const auto& group : view.quotes) {
    view.quote_starts.push_back(view.quote_starts.back() + group.quotes.size());
  }

  for (const auto& d : b.dates) {
    if (d.iso) view.timeline.push_back({&d, paragraph_ref(d.block)});
  }
  std::map<std::string, const model::Figure*> figure_by_id;
  for (const auto& f : b.figures) {
    view.figures.push_back(&f);
    figure_by_id[f.id] = &f;
  }
  for (const auto& c : b.conflicts) {
    ConflictEntry entry{&c, {}};
    for (const auto& id : c.figures) {
      if (auto it = figure_by_id.find(id); it != figure_by_id.end()) {
        entry.figures.push_back(it->second);
      }
    }
    view.conflicts.push_back(std::move(entry));
  }
  return view;
}

const BriefingView& view_for(const model::Briefing& briefing,
                             const std::shared_ptr<const BriefingView>& shared,
                             std::optional<BriefingView>& made) {
  if (shared) return *shared;
  return made.emplace(make_view(briefing));
}

}  // namespace dossier::emit
