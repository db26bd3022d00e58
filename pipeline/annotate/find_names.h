// Names of people, organizations, places and events in one source's blocks (annotate-internal).
#pragma once

#include <cstddef>
#include <vector>

#include "annotate/block_text.h"
#include "annotate/gazetteer.h"
#include "model/model.h"

namespace dossier::annotate {

// A name with the tokens it covers, so later recognisers (quote speakers) can reason about
// what stands next to it. `block` indexes the BlockText list.
struct FoundName {
  model::NameMention mention;
  std::size_t block = 0;
  int first = 0;  // first and last token, inclusive
  int last = 0;
};

// Gazetteer names first (longest match), then capitalized runs: runs with an organization or
// event head noun ("… University", "… Summit") are organizations and events; other runs, once
// titles and demonyms are stripped, are people when a cue says so (a title before, an
// apposition or "who" after, a speech verb beside, a known given name). A lone word that
// opens a sentence counts only when the source uses it as a name elsewhere. Surnames are then
// linked to the full name the same source gives. Headings (title case carries no signal) get
// only names the body established. Sorted by block and position.
std::vector<FoundName> find_names(const std::vector<BlockText>& blocks, const Gazetteer& gazetteer);

}  // namespace dossier::annotate
