#include "emit/pdf/layout.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

namespace {

// Splits a word too wide for any line into pieces that fit, at code point boundaries. Widths
// add up code point by code point (the PDF fonts have no kerning), so each is measured once.
void split_long_word(std::string_view word, Face face, double size, double width,
                     const Measure& measure, std::vector<std::string>& lines) {
  std::string piece;
  double piece_width = 0;
  model::utf8::for_each(word, [&](char32_t cp, std::size_t) {
    const std::string one = model::utf8::encode(cp);
    const double w = measure(face, size, one);
    if (!piece.empty() && piece_width + w > width) {
      lines.push_back(std::move(piece));
      piece.clear();
      piece_width = 0;
    }
    piece += one;
    piece_width += w;
  });
  if (!piece.empty()) lines.push_back(piece);
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, Face face, double size, double width,
                                   const Measure& measure) {
  std::vector<std::string> lines;
  const double space = measure(face, size, " ");
  std::string line;
  double line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    if (i >= text.size()) break;
    const std::size_t end = std::min(text.find(' ', i), text.size());
    const std::string_view word = text.substr(i, end - i);
    i = end;
    const double w = measure(face, size, word);  // each word is measured once
    if (!line.empty() && line_width + space + w <= width) {
      line += ' ';
      line += word;
      line_width += space + w;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
    if (w > width) {
      split_long_word(word, face, size, width, measure, lines);
      line = std::move(lines.back());
      lines.pop_back();
      line_width = measure(face, size, line);
    } else {
      line.assign(word);
      line_width = w;
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace dossier::emit::pdf
