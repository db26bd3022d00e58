// crossref: the only stage that sees every source at once.
//
// Merges the names annotate found into entities across sources (gazetteer names, full names
// under transliteration and diacritic variants, lone surnames when exactly one person has
// them), assigns entity ids and turns quote speakers into them, numbers quotations (Q1…) and
// figures (F1…), sorts dates into a timeline, flags figures that measure the same thing with
// different values in different sources, and links each paragraph to the other sources'
// paragraphs that share its rarer entities or its measures ("see also"). Sources keep job
// order. The briefing's quotes, figures, dates and entities are then the only copies: each
// source's own lists, and its names, are released (a quarter of the model's memory).
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

struct CrossrefOptions {
  unsigned threads = 0;  // for the steps that split (0: one per core); results never depend on it
};

model::Briefing cross_reference(const BriefingInfo& info, std::vector<model::Source> sources,
                                const CrossrefOptions& options = {});

}  // namespace dossier::crossref
