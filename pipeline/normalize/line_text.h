// A logical line being repaired, with the input position (line and column) of each code
// point, so that fixes made after other fixes, or after reflow joined lines, still point into
// the input. Internal to normalize.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::normalize {

class LineText {
 public:
  LineText(std::string text, int line, int first_col = 1)
      : text_(std::move(text)), line_(line), last_line_(line), first_col_(first_col) {}

  const std::string& text() const { return text_; }
  std::string take_text() && { return std::move(text_); }
  int line() const { return line_; }
  int last_line() const { return last_line_; }

  // The input position of the code point that starts at byte `offset` (or just past the end).
  model::Position position_at(std::size_t offset) const;
  int column_at(std::size_t offset) const { return position_at(offset).col; }

  // Replaces bytes [begin, end) and records the change as a Fix of `kind`.
  void replace(std::size_t begin, std::size_t end, std::string_view replacement,
               model::FixKind kind, std::vector<model::Fix>& fixes);

  // Replaces the whole text, recording a Fix for each span that differs.
  void replace_all(std::string_view after, model::FixKind kind, std::vector<model::Fix>& fixes);

  // Joins `next` after this line with `glue` in between (reflow); the glue stands where the
  // line break stood.
  void join(std::string_view glue, const LineText& next);

 private:
  void materialize();

  std::string text_;
  int line_;
  int last_line_;
  int first_col_;
  // Empty while the text is still one untouched input line: position = (line, first_col + i).
  std::vector<model::Position> origins_;
};

// Per-line steps, in the order normalize applies them.
void repair_mojibake(LineText& line, std::vector<model::Fix>& fixes);
void fix_c1_controls(LineText& line, std::vector<model::Fix>& fixes);
void decode_entities(LineText& line, std::vector<model::Fix>& fixes);
void strip_invisible(LineText& line, std::vector<model::Fix>& fixes);
void replace_compatibility(LineText& line, std::vector<model::Fix>& fixes);
void normalize_nfc(LineText& line, std::vector<model::Fix>& fixes);
void repair_quotes(LineText& line, std::vector<model::Fix>& fixes);
void straighten_quotes(LineText& line, std::vector<model::Fix>& fixes);
void repair_homoglyphs(LineText& line, std::vector<model::Fix>& fixes);
void fold_whitespace(LineText& line, std::vector<model::Fix>& fixes);
void fix_punctuation_spacing(LineText& line, std::vector<model::Fix>& fixes);

// The mojibake repair on its own, over code points; true when it changed the text.
bool fix_mojibake(std::u32string& text);

// Joins hard-wrapped lines (blank lines stay as empty lines between paragraphs).
std::vector<LineText> reflow(std::vector<LineText> lines, std::vector<model::Fix>& fixes);

}  // namespace dossier::normalize
