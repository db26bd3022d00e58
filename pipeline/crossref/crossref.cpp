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
  return briefing;
}

}  // namespace dossier::crossref
