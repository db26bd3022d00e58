#include "structure/markup_record.h"

#include <algorithm>
#include <cstdint>

#include "model/ledger.h"
#include "model/utf8.h"

namespace dossier::structure {

namespace {

// A non-whitespace character of the lines, and where it sits.
struct LineChar {
  char32_t cp;
  std::uint32_t line;  // index into the lines
  std::uint32_t byte;  // offset in the line's text
  std::uint32_t length;
  std::uint32_t col;  // code points before it in the line
};

// How far ahead of the cursor a piece's next word is looked for; syntax between two words of
// text (a link destination, a table rule) is shorter than this.
constexpr std::size_t kWindow = 4096;
// Words are compared in chunks of at most this many characters.
constexpr std::size_t kChunk = 64;
// Syntax is looked for only this close to the cursor: a link destination follows its text's
// "](" at once, and one met elsewhere is not the one read.
constexpr std::size_t kSyntaxReach = 8;

class Alignment {
 public:
  Alignment(const std::vector<model::Line>& lines, std::size_t first, std::size_t last,
            std::vector<model::Fix>& fixes)
      : lines_(lines), fixes_(fixes) {
    for (std::size_t k = first; k <= last && k < lines.size(); ++k) {
      const std::string& text = lines[k].text;
      std::uint32_t col = 0;
      model::utf8::for_each(text, [&](char32_t cp, std::size_t byte) {
        if (!model::is_ledger_space(cp)) {
          const auto length = static_cast<std::uint32_t>(model::utf8::decode(text, byte).length);
          chars_.push_back(
              {cp, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(byte), length, col});
        }
        ++col;
      });
    }
    matched_.assign(chars_.size(), false);
    budget_ = 16 * (chars_.size() + kWindow);
  }

  // Matches a word of a piece: at once where it follows, else its next place in the window,
  // else character by character.
  void word(std::u32string_view w) {
    if (const auto at = find(w)) {
      take(*at, w.size());
      return;
    }
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (const auto at = find(w.substr(k, 1))) {
        take(*at, 1);
      } else {
        inserted_ += w[k];
      }
    }
  }

  // Steps over syntax the reader took in, leaving it unmatched so that it is recorded.
  void syntax(std::u32string_view s) {
    if (s.empty()) return;
    const std::size_t end = std::min(chars_.size(), cursor_ + kSyntaxReach + s.size());
    for (std::size_t p = cursor_; p + s.size() <= end; ++p) {
      if (same(p, s)) {
        flush_inserted();
        cursor_ = p + s.size();
        return;
      }
    }
  }

  // Records what was left: each unmatched run of the lines, as one fix with the characters
  // no line held where they stand there ("&#8217;" → "’"), and those characters elsewhere.
  void finish() {
    flush_inserted();
    auto next_inserted = inserted_at_.begin();
    const auto record_inserted_before = [&](std::size_t index) {
      for (; next_inserted != inserted_at_.end() && next_inserted->first < index; ++next_inserted) {
        fixes_.push_back(
            {model::FixKind::Markup, position_of(next_inserted->first), "", next_inserted->second});
      }
    };
    std::size_t k = 0;
    while (k < chars_.size()) {
      if (matched_[k]) {
        ++k;
        continue;
      }
      const std::size_t start = k;
      while (k < chars_.size() && !matched_[k] && chars_[k].line == chars_[start].line) ++k;
      record_inserted_before(start);
      std::string after;
      if (next_inserted != inserted_at_.end() && next_inserted->first == start) {
        after = std::move(next_inserted->second);
        ++next_inserted;
      }
      const LineChar& a = chars_[start];
      const LineChar& b = chars_[k - 1];
      const model::Line& line = lines_[a.line];
      fixes_.push_back({model::FixKind::Markup, position(a),
                        line.text.substr(a.byte, b.byte + b.length - a.byte), std::move(after)});
    }
    record_inserted_before(chars_.size() + 1);
  }

 private:
  std::optional<std::size_t> find(std::u32string_view w) {
    const std::size_t end = std::min(chars_.size(), cursor_ + kWindow);
    for (std::size_t p = cursor_; p + w.size() <= end; ++p) {
      if (budget_ == 0) return p == cursor_ && same(p, w) ? std::optional(p) : std::nullopt;
      budget_ -= std::min(budget_, w.size());
      if (same(p, w)) return p;
    }
    return std::nullopt;
  }
  bool same(std::size_t p, std::u32string_view w) const {
    for (std::size_t k = 0; k < w.size(); ++k) {
      if (chars_[p + k].cp != w[k]) return false;
    }
    return true;
  }
  void take(std::size_t at, std::size_t n) {
    flush_inserted();
    std::fill_n(matched_.begin() + static_cast<std::ptrdiff_t>(at), n, true);
    cursor_ = at + n;
  }
  // Characters of the pieces that no line held, kept with where the alignment stands.
  void flush_inserted() {
    if (inserted_.empty()) return;
    if (!inserted_at_.empty() && inserted_at_.back().first == cursor_) {
      inserted_at_.back().second += model::utf8::encode(inserted_);
    } else {
      inserted_at_.emplace_back(cursor_, model::utf8::encode(inserted_));
    }
    inserted_.clear();
  }
  model::Position position_of(std::size_t index) const {
    if (index < chars_.size()) return position(chars_[index]);
    return chars_.empty() ? model::Position{} : position(chars_.back());
  }
  model::Position position(const LineChar& c) const {
    const model::Position& origin = lines_[c.line].origin;
    return {origin.line, origin.col + static_cast<int>(c.col)};
  }

  const std::vector<model::Line>& lines_;
  std::vector<model::Fix>& fixes_;
  std::vector<LineChar> chars_;
  std::vector<bool> matched_;
  std::size_t cursor_ = 0;
  std::size_t budget_ = 0;  // comparisons left before only the cursor is tried
  std::u32string inserted_;
  std::vector<std::pair<std::size_t, std::string>> inserted_at_;  // index into chars_, text
};

}  // namespace

void record_markup(const std::vector<model::Line>& lines, std::size_t first, std::size_t last,
                   const std::vector<Piece>& pieces, std::vector<model::Fix>& fixes) {
  Alignment alignment(lines, first, last, fixes);
  std::u32string word;
  const auto flush = [&] {
    if (!word.empty()) alignment.word(word);
    word.clear();
  };
  for (const Piece& piece : pieces) {
    if (piece.syntax) {
      std::u32string s;
      model::utf8::for_each(piece.text, [&](char32_t cp, std::size_t) {
        if (!model::is_ledger_space(cp)) s += cp;
      });
      alignment.syntax(s);
      continue;
    }
    model::utf8::for_each(piece.text, [&](char32_t cp, std::size_t) {
      if (model::is_ledger_space(cp)) return flush();
      word += cp;
      if (word.size() == kChunk) flush();
    });
    flush();
  }
  alignment.finish();
}

}  // namespace dossier::structure
