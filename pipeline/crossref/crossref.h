// crossref: gathers annotated sources into one Briefing.
//
// The only stage that sees every source at once: it will merge entity aliases across sources,
// assign entity ids, find conflicting figures and "see also" links. Sources keep job order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.h"

namespace dossier::crossref {

// Job-level metadata, resolved by the caller (the date already honours SOURCE_DATE_EPOCH).
struct BriefingInfo {
  std::string title;
  std::optional<std::string> subtitle;
  std::optional<std::string> author;
  std::string date;
  std::string language = "en";
};

model::Briefing cross_reference(const BriefingInfo& info, std::vector<model::Source> sources);

}  // namespace dossier::crossref
