// A line being repaired, with the original column of each code point so that fixes made
// after other fixes still point into the input. Internal to normalize.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.h"

namespace dossier::normalize {

class LineText {
 public:
  LineText(std::string text, int line, int first_col = 1)
      : text_(std::move(text)), line_(line), first_col_(first_col) {}

  const std::string& text() const { return text_; }
  int line() const { return line_; }

  // The input column of the code point that starts at byte `offset` (or just past the end).
  int column_at(std::size_t offset) const;

  // Replaces bytes [begin, end) and records the change as a Fix of `kind`.
  void replace(std::size_t begin, std::size_t end, std::string_view replacement,
               model::FixKind kind, std::vector<model::Fix>& fixes);

  // Replaces the whole text, recording one Fix for the span that differs.
  void replace_all(std::string_view after, model::FixKind kind, std::vector<model::Fix>& fixes);

 private:
  void materialize_columns();

  std::string text_;
  int line_;
  int first_col_;
  std::vector<int> columns_;  // empty while no edit has happened: column = first_col + index
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

// Joins hard-wrapped lines (blank lines stay as empty Lines between paragraphs).
std::vector<model::Line> reflow(std::vector<model::Line> lines, std::vector<model::Fix>& fixes);

}  // namespace dossier::normalize
