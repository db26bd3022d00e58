#include "normalize/normalize.h"

#include <algorithm>

#include "normalize/expand_template.h"
#include "normalize/line_text.h"
#include "normalize/line_triggers.h"

namespace dossier::normalize {

namespace {
void apply_character_repairs_once(LineText& line, const LineTriggers& t,
                                  const CharacterRepairs& repairs, std::vector<model::Fix>& fixes) {
  // Each step runs only when the line holds something it could change.
  if (!t.non_ascii && !t.ampersand && !t.invisible && !t.quotes) return;
  if (repairs.mojibake && (t.latin1_letters || t.c1)) repair_mojibake(line, fixes);
  if (repairs.mojibake && t.c1) fix_c1_controls(line, fixes);
  if (repairs.entities && t.ampersand) decode_entities(line, fixes);
  if (repairs.invisible && (t.invisible || t.c1)) strip_invisible(line, fixes);
  if (repairs.compatibility && t.compatibility) replace_compatibility(line, fixes);
  if (repairs.nfc && t.beyond_nfc_safe) normalize_nfc(line, fixes);
  if (repairs.quotes && t.quotes) repair_quotes(line, fixes);
  if (repairs.ascii_punctuation && t.quotes) straighten_quotes(line, fixes);
  if (repairs.homoglyphs && t.other_script) repair_homoglyphs(line, fixes);
}

// One repair can uncover another (a stray control removed lets a whole line decode; a space
// removed before ";" completes "&#82;"), so the repairs run while they still change the line
// (a round that changes nothing ends it; eight bound the worst chain). A clean line costs one
// scan of its bytes.
void repair_line(LineText& line, const CharacterRepairs& repairs, bool spacing,
                 std::vector<model::Fix>& fixes) {
  constexpr int kMaxRounds = 8;
  for (int round = 0; round < kMaxRounds; ++round) {
    const std::size_t before = fixes.size();
    LineTriggers t = scan_line(line.text());
    apply_character_repairs_once(line, t, repairs, fixes);
    if (spacing) {
      if (fixes.size() != before) t = scan_line(line.text());
      const std::size_t unfolded = fixes.size();
      if (t.spacing) fold_whitespace(line, fixes);
      // Folding can bring a space next to punctuation ("word\t,"): look again then.
      if (t.punctuation || fixes.size() != unfolded) fix_punctuation_spacing(line, fixes);
    }
    if (fixes.size() == before) break;
  }
}

// "---" on the first line and a closing "---" or "..." within the next hundred lines.
bool has_front_matter(std::string_view text) {
  if (!text.starts_with("---\n")) return false;
  std::size_t at = 4;
  for (int line = 0; line < 100 && at < text.size(); ++line) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string_view l = text.substr(at, end - at);
    if (l == "---" || l == "...") return true;
    at = end + 1;
  }
  return false;
}

// Tracks Markdown code fences (``` or ~~~, three or more); true for lines inside or on one.
bool is_fence_or_code(const std::string& line, std::string& fence) {
  const std::size_t indent = line.find_first_not_of(' ');
  const std::string_view rest = indent == std::string::npos || indent > 3
                                    ? std::string_view()
                                    : std::string_view(line).substr(indent);
  const auto marker = [](std::string_view s) -> std::string_view {
    if (!s.starts_with("```") && !s.starts_with("~~~")) return {};
    std::size_t n = 0;
    while (n < s.size() && s[n] == s[0]) ++n;
    return s.substr(0, n);
  };
  if (fence.empty()) {
    fence = std::string(marker(rest));
    return !fence.empty();
  }
  const std::string_view closing = marker(rest);
  if (!closing.empty() && closing[0] == fence[0] && closing.size() >= fence.size()) fence.clear();
  return true;
}

}  // namespace

std::string repair_characters(std::string_view text, const CharacterRepairs& repairs,
                              std::vector<model::Fix>& fixes, int line_number) {
  LineText line{std::string(text), line_number};
  repair_line(line, repairs, false, fixes);
  return line.text();
}

model::Source normalize(model::Source source, const NormalizeOptions& options) {
  model::Diagnostics unused;  // only template expansion reports, and it needs data
  return normalize(std::move(source), options, unused);
}

model::Source normalize(model::Source source, const NormalizeOptions& options,
                        model::Diagnostics& diag) {
  const bool plain = source.format == model::SourceFormat::PlainText;
  CharacterRepairs repairs = options.characters;
  if (!plain) repairs.entities = false;
  const bool spacing = options.fold_whitespace && plain;
  std::vector<LineText> lines;
  std::string_view text = source.text;
  int number = 1;
  std::string fence;  // inside a Markdown code fence: its opening marker
  // YAML front matter ("---" … "---" at the very top) is data: kept verbatim, never reflowed.
  std::size_t front_matter = 0;
  bool in_front_matter = has_front_matter(text);
  const auto add_body_line = [&](LineText line) {
    // Code in Markdown is verbatim: fenced blocks are not repaired.
    const bool code = !plain && is_fence_or_code(line.text(), fence);
    if (!code) repair_line(line, repairs, spacing, source.fixes);
    lines.push_back(std::move(line));
  };
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    LineText line(std::string(text.substr(0, end)), number);
    if (in_front_matter) {
      const bool closes = number > 1 && (line.text() == "---" || line.text() == "...");
      lines.push_back(std::move(line));
      front_matter = lines.size();
      in_front_matter = !closes;
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
      ++number;
      continue;
    }
    // A report's Markdown: Mustache over the job's data, then the lines it expanded to.
    if (!plain && options.data && has_template_tags(text)) {
      for (auto& expanded : expand_template(text, number, *options.data, source.path, source.fixes,
                                            diag, options.max_expansion)) {
        add_body_line(LineText(std::move(expanded.text), expanded.line));
      }
      break;
    }
    add_body_line(std::move(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    ++number;
  }
  if (options.reflow && plain) {
    std::vector<LineText> body(
        std::make_move_iterator(lines.begin() + static_cast<std::ptrdiff_t>(front_matter)),
        std::make_move_iterator(lines.end()));
    lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(front_matter), lines.end());
    for (auto& line : reflow(std::move(body), source.fixes)) lines.push_back(std::move(line));
    // A joined line is new context: a repair that needed it (mojibake spread over a wrap,
    // a quote at the wrap) happens now, still positioned in the input.
    for (auto& line : lines) {
      if (line.last_line() == line.line()) continue;
      repair_line(line, repairs, spacing, source.fixes);
    }
  }
  // Reading order, whichever pass found them.
  std::stable_sort(source.fixes.begin(), source.fixes.end(), model::in_reading_order);
  source.lines.clear();
  source.lines.reserve(lines.size());
  for (auto& line : lines) {
    const model::Position origin = line.position_at(0);
    source.lines.push_back({std::move(line).take_text(), origin, line.last_line()});
  }
  return source;
}

}  // namespace dossier::normalize
