#include "normalize/normalize.h"

#include "normalize/line_text.h"

namespace dossier::normalize {

namespace {
void apply_character_repairs(LineText& line, const CharacterRepairs& repairs,
                             std::vector<model::Fix>& fixes) {
  if (repairs.mojibake) {
    repair_mojibake(line, fixes);
    fix_c1_controls(line, fixes);
  }
  if (repairs.entities) decode_entities(line, fixes);
  if (repairs.invisible) strip_invisible(line, fixes);
  if (repairs.compatibility) replace_compatibility(line, fixes);
  if (repairs.nfc) normalize_nfc(line, fixes);
  if (repairs.quotes) repair_quotes(line, fixes);
  if (repairs.ascii_punctuation) straighten_quotes(line, fixes);
  if (repairs.homoglyphs) repair_homoglyphs(line, fixes);
}
}  // namespace

std::string repair_characters(std::string_view text, const CharacterRepairs& repairs,
                              std::vector<model::Fix>& fixes, int line_number) {
  LineText line{std::string(text), line_number};
  apply_character_repairs(line, repairs, fixes);
  return line.text();
}

model::Source normalize(model::Source source, const NormalizeOptions& options) {
  std::vector<model::Line> lines;
  std::string_view text = source.text;
  int number = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    LineText line(std::string(text.substr(0, end)), number);
    CharacterRepairs repairs = options.characters;
    if (source.format == model::SourceFormat::Markdown) repairs.entities = false;
    apply_character_repairs(line, repairs, source.fixes);
    int first_col = 1;
    if (options.fold_whitespace && source.format == model::SourceFormat::PlainText) {
      // The first kept character's column is the line's origin.
      fold_whitespace(line, source.fixes);
      fix_punctuation_spacing(line, source.fixes);
      first_col = line.column_at(0);
    }
    lines.push_back({line.text(), {number, first_col}, number});
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    ++number;
  }
  if (options.reflow && source.format == model::SourceFormat::PlainText) {
    lines = reflow(std::move(lines), source.fixes);
  }
  source.lines = std::move(lines);
  return source;
}

}  // namespace dossier::normalize
