#include "crossref/crossref.h"

#include <algorithm>
#include <iterator>
#include <tuple>
#include <utility>
#include <vector>

#include "model/calendar.h"

#include "crossref/find_conflicts.h"
#include "crossref/merge_entities.h"
#include "model/release_memory.h"

namespace dossier::crossref {

namespace {

// Timeline order: dated entries by ISO value (day before month before year at the same
// start), then the undated ones in reading order.
void sort_timeline(std::vector<model::DateMention>& dates) {
  // By the first day each value covers (2025-W20 before 2025-06), then the more precise first.
  const auto key = [](const model::DateMention& d) {
    const auto day = d.iso ? model::calendar::first_day(*d.iso) : std::nullopt;
    return std::make_tuple(!day.has_value(), day.value_or(0),
                           d.iso ? -static_cast<int>(d.iso->size()) : 0);
  };
  std::stable_sort(dates.begin(), dates.end(),
                   [&](const auto& a, const auto& b) { return key(a) < key(b); });
}

constexpr std::size_t kSourcesBetweenReleases = 1024;

template <class T>
void release(std::vector<T>& list) {
  std::vector<T>().swap(list);
}

}  // namespace

model::Briefing cross_reference(const BriefingInfo& info, std::vector<model::Source> sources,
                                const CrossrefOptions& options) {
  model::Briefing briefing;
  briefing.title = info.title;
  briefing.subtitle = info.subtitle;
  briefing.author = info.author;
  briefing.date = info.date;
  briefing.language = info.language;

  EntityTable table = merge_entities(sources, options.threads);
  // See-also links read each source's names and figures, which the loop below moves out.
  link_see_also(sources, table, options.threads);
  // The briefing's lists are sized once: grown by doubling, the figures alone would be copied
  // a dozen times, their old storage left free beside the new.
  std::size_t quotes = 0, figures = 0, dates = 0;
  for (const auto& source : sources) {
    quotes += source.quotes.size();
    figures += source.figures.size();
    dates += source.dates.size();
  }
  briefing.quotes.reserve(quotes);
  briefing.figures.reserve(figures);
  briefing.dates.reserve(dates);
  for (std::size_t s = 0; s < sources.size(); ++s) {
    auto& source = sources[s];
    for (auto& quote : source.quotes) {
      quote.id = "Q" + std::to_string(briefing.quotes.size() + 1);
      quote.speaker.reset();
      if (quote.speaker_name && *quote.speaker_name < source.names.size()) {
        if (const auto e = table.entity_of[s][*quote.speaker_name]) {
          quote.speaker = table.entities[*e].id;
        }
      }
      briefing.quotes.push_back(std::move(quote));
    }
    for (auto& figure : source.figures) {
      figure.id = "F" + std::to_string(briefing.figures.size() + 1);
      briefing.figures.push_back(std::move(figure));
    }
    briefing.dates.insert(briefing.dates.end(), std::make_move_iterator(source.dates.begin()),
                          std::make_move_iterator(source.dates.end()));
    // The source's own lists are spent (their entries moved to the briefing's): each goes
    // now rather than after the last source, so they are never all held beside their moves.
    release(source.names);
    release(source.quotes);
    release(source.figures);
    release(source.dates);
    release(table.entity_of[s]);
    // What the released lists held goes back to the system as the loop goes, not only after
    // it: at 10,000 articles their names alone are 200 MB.
    if ((s + 1) % kSourcesBetweenReleases == 0) model::release_free_memory();
  }
  sort_timeline(briefing.dates);
  briefing.conflicts = find_conflicts(briefing.figures);
  briefing.entities = std::move(table.entities);
  briefing.sources = std::move(sources);
  return briefing;
}

}  // namespace dossier::crossref
