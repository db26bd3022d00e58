// The per-source end note shared by every format: what dossier repaired and removed.
// Routine repairs (reflow, whitespace, line ends) are counted; the rest are listed one by one.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/model.h"

namespace dossier::emit {

struct EndNote {
  std::vector<std::pair<std::string, int>> counts;  // fix kind → number, in kind order
  std::vector<const model::Fix*> listed;            // fixes worth reading one by one
  const std::vector<model::Removal>* removals = nullptr;
  bool empty() const { return counts.empty() && removals->empty(); }
};

EndNote end_note_for(const model::Source& source);

// `line:col kind: "before" → "after"` with invisible characters spelled out (U+00AD).
std::string describe_fix(const model::Fix& fix);
// Invisible and control characters spelled out as U+XXXX, for end notes and --explain.
std::string visible(const std::string& text);

// "S1 ¶3" for block id "S1-p3".
std::string paragraph_label(std::string_view block_id);
// "3" for block id "S1-p3".
std::string paragraph_number(std::string_view block_id);

}  // namespace dossier::emit
