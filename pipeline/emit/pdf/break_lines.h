// Line breaking for justified PDF paragraphs: Knuth and Plass's total-fit method over boxes,
// glue and penalties. Every way of breaking the paragraph is weighed at once and the one
// with the least total badness wins, so one tight line does not leave the next one loose.
// Plain values and arithmetic: no fonts, no libharu.
#pragma once

#include <optional>
#include <vector>

namespace dossier::emit::pdf {

struct BreakItem {
  enum class Kind { Box, Glue, Penalty };
  Kind kind = Kind::Box;
  double width = 0;
  double stretch = 0;    // glue only
  double shrink = 0;     // glue only
  double penalty = 0;    // penalty only; kForcedBreak forces a break, kNoBreak forbids one
  bool flagged = false;  // a hyphen: two in a row cost extra
};

inline constexpr double kForcedBreak = -10000;
inline constexpr double kNoBreak = 10000;

struct LineBreak {
  std::size_t at = 0;  // index of the item the line ends at (glue or penalty)
  double ratio = 0;    // how far the line's glue stretches (> 0) or shrinks (< 0)
};

// The breaks of the best total fit for lines of `width`, or nothing when no set of lines
// stays within `tolerance` (the caller then falls back to first fit). The items must end
// with a forced break.
std::optional<std::vector<LineBreak>> break_lines(const std::vector<BreakItem>& items, double width,
                                                  double tolerance = 2.5);

}  // namespace dossier::emit::pdf
