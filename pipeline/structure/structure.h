// structure: normalized lines → source metadata, blocks and removals.
//
// Recovers the headline (joined when broken over two lines), a section label above it, a
// standfirst under or above it, a byline ("By NAME", a name alone, "…, writes NAME"), headings
// (ALL-CAPS and title-case lines), captions, a translation note at the end (language, original
// title, outlet, date) and paragraphs; takes out site furniture by the boilerplate rules and a
// lone trailing word after the last paragraph, recording each removal.
// Nothing is dropped silently: every non-blank line becomes metadata, a block or a Removal.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::structure {

enum class MatchKind { Exact, Prefix, Regex };
// Where in the article a rule applies: anywhere, among the first or the last lines kept.
enum class Where { Anywhere, Top, Bottom };

// One boilerplate rule: lines matching any pattern are removed and recorded with `name`.
struct BoilerplateRule {
  std::string name;
  MatchKind match = MatchKind::Exact;
  std::vector<std::string> patterns;
  std::string why;
  Where where = Where::Anywhere;
};

struct StructureOptions {
  std::vector<BoilerplateRule> boilerplate;
};

// The first rule whose pattern matches the whole line, or nullptr.
const BoilerplateRule* match_boilerplate(const std::vector<BoilerplateRule>& rules,
                                         const std::string& line);

// Consumes source.lines; fills source.meta, source.blocks and source.removals. Front matter
// problems are warnings in `diag`.
model::Source structure(model::Source source, const StructureOptions& options,
                        model::Diagnostics& diag);

}  // namespace dossier::structure
