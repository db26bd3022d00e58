#include "crossref/crossref.h"

namespace dossier::crossref {

model::Briefing cross_reference(const BriefingInfo& info, std::vector<model::Source> sources) {
  model::Briefing briefing;
  briefing.title = info.title;
  briefing.subtitle = info.subtitle;
  briefing.author = info.author;
  briefing.date = info.date;
  briefing.language = info.language;
  briefing.sources = std::move(sources);
  // Quotations, numbered Q1, Q2, … in reading order across sources.
  for (auto& source : briefing.sources) {
    for (auto& quote : source.quotes) {
      quote.id = "Q" + std::to_string(briefing.quotes.size() + 1);
      briefing.quotes.push_back(quote);
    }
  }
  return briefing;
}

}  // namespace dossier::crossref
