// Mustache in Markdown sources (report jobs): variables and sections over the job's data
// (`data:` files and `--set` values), expanded before the Markdown is read. Every expansion
// is recorded as a fix of kind template (the tag or section as written → what it became), so
// the ledger still accounts for every input character.
//
// The subset of Mustache a source may use: {{name}}, {{{name}}} and {{&name}} (all insert the
// value as written: the Markdown reader escapes what it shows), dotted names (a.b.c), {{.}},
// sections {{#name}}…{{/name}} over lists, maps and true values, inverted sections
// {{^name}}…{{/name}}, comments {{! …}}. A tag alone on its line takes the line with it, so a
// section can produce table rows. Partials and delimiter changes are refused: a source never
// reads another file. A variable that the data does not define is an error at its position,
// not an empty string; a section over an undefined name is false, as in Mustache (an optional
// field of a list's items).
//
// Written here rather than with the Mustache library the templates use because a source needs
// what it does not give: the position of every tag, an error for an undefined name, and the
// record of each expansion.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"

namespace dossier::normalize {

// A line of the expanded text and the input line it comes from (a section's rows come from
// the section's lines).
struct ExpandedLine {
  std::string text;
  int line = 1;
};

// What one source may expand to, in bytes: sections nest, so a short template can ask for
// more than any report needs.
inline constexpr std::size_t kMaxExpansion = std::size_t{64} << 20;

// Expands `text` (whose first line is input line `first_line`) against `data`. Errors go to
// `diag` against `path`; an undefined name or a refused tag expands to nothing, and output past
// `max_output` bytes is left out with an error.
std::vector<ExpandedLine> expand_template(std::string_view text, int first_line,
                                          const nlohmann::json& data, const std::string& path,
                                          std::vector<model::Fix>& fixes, model::Diagnostics& diag,
                                          std::size_t max_output = kMaxExpansion);

// True when `text` holds anything that looks like a Mustache tag.
bool has_template_tags(std::string_view text);

}  // namespace dossier::normalize
