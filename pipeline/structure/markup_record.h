// The Markdown syntax a reader consumed, recorded as fixes of kind markup (DESIGN.md §8.9):
// heading and list markers, emphasis marks, fences and info strings, link destinations, table
// rules. Internal to structure.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::structure {

// What a reader made of the lines, in source order: text that its blocks or removals hold, or
// syntax it read (a link destination) that is expected right where the alignment stands.
struct Piece {
  std::string_view text;
  bool syntax = false;
};

// Lines [first, last] of `lines` became `pieces`. Aligns the pieces' characters with the
// lines' (whitespace aside): runs of the lines that no text piece holds become markup fixes
// from that text to nothing, and characters of text pieces that the lines do not hold (an
// entity or escape decoded) become markup fixes from nothing to them. Linear in the size of
// the lines and pieces.
void record_markup(const std::vector<model::Line>& lines, std::size_t first, std::size_t last,
                   const std::vector<Piece>& pieces, std::vector<model::Fix>& fixes);

}  // namespace dossier::structure
