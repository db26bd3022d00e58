// Setting a paragraph: its pieces of text (some linked, some in other faces or struck
// through) broken into lines of a given width, each line's runs and link stretches positioned
// from the line's left edge. Placing the lines on pages is the Flow's job (flow.h); a table
// cell is set the same way and placed beside its neighbours.
#pragma once

#include <string>
#include <vector>

#include "emit/pdf/layout.h"

namespace dossier::emit::pdf {

// A stretch of text in one face, with one link target (an anchor id, a kWebLinkPrefix
// address, or empty). '\n' in the text is a forced line break.
struct Piece {
  std::string text;
  std::string target;
  Face face = Face::Body;
  bool strike = false;
};

struct SetRun {
  double x = 0;  // from the line's left edge
  double width = 0;
  Face face = Face::Body;
  bool strike = false;
  std::string text;
};

struct SetLink {
  double x0 = 0, x1 = 0;
  std::string target;
};

struct SetLine {
  std::vector<SetRun> runs;
  std::vector<SetLink> links;
  double width = 0;  // from the left edge to the end of the last run
};

// First fit at spaces, or, with `justify`, total fit (break_lines.h) with hyphenation and
// every line but a paragraph's last (or one before a forced break) set to the full width;
// justification falls back to first fit when no set of breaks fits. A word is never split
// between pieces ("Putin" linked + "’s" plain stay together), except a word wider than the
// line, which is cut between pieces or at code points so no line runs past the margin.
std::vector<SetLine> set_lines(const std::vector<Piece>& pieces, double size, double width,
                               bool justify, const Measure& measure);

// The width of `pieces` set on one line (a table column's natural width), and of their
// widest word (the narrowest the column can be without cutting a word).
struct Extent {
  double natural = 0;
  double widest_word = 0;
};
Extent measure_pieces(const std::vector<Piece>& pieces, double size, const Measure& measure);

}  // namespace dossier::emit::pdf
