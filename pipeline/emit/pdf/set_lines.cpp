#include "emit/pdf/set_lines.h"

#include <span>
#include <string_view>
#include <utility>

#include "emit/pdf/break_lines.h"
#include "emit/pdf/hyphenate.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

namespace {

constexpr double kHyphenPenalty = 50;

struct Fragment {
  std::string_view text;  // in the piece's text
  const Piece* piece;     // null: a forced line break
  bool space_before;
  double width;
};
using Word = std::span<const Fragment>;

// A paragraph's words in one array (a vector per word cost an allocation per word): word i is
// fragments[starts[i], starts[i + 1]).
struct Words {
  std::vector<Fragment> fragments;
  std::vector<std::size_t> starts{0};

  Word back() const { return Word(fragments).subspan(starts.back()); }
  void new_word() { starts.push_back(fragments.size()); }
  std::size_t size() const { return starts.size() - 1; }  // once the last word is closed
  Word operator[](std::size_t i) const {
    return Word(fragments).subspan(starts[i], starts[i + 1] - starts[i]);
  }
};

// The next space or forced line break in `text` from `start`, or its end. (find_first_of
// looks each byte up in the set of two with a call of its own.)
std::size_t next_break(std::string_view text, std::size_t start) {
  while (start < text.size() && text[start] != ' ' && text[start] != '\n') ++start;
  return start;
}

bool is_break(Word word) {
  return word.size() == 1 && word[0].piece == nullptr;
}

// Two fragments go in one run when they look the same.
bool same_look(const Piece* a, const Piece* b) {
  return a->face == b->face && a->strike == b->strike;
}

class Setter {
 public:
  Setter(double size, double width, const Measure& measure)
      : size_(size), width_(width), measure_(measure) {}

  // Words as lists of fragments. A word wider than the line (a long address, a run of
  // digits, a word of several pieces) is cut into words that fit: between its pieces where it
  // can be, else at code points.
  Words split_words(const std::vector<Piece>& pieces) const {
    Words words;
    double word_width = 0;  // of words.back()
    const auto new_word = [&] {
      words.new_word();
      word_width = 0;
    };
    bool pending_space = false;
    for (const auto& piece : pieces) {
      std::size_t start = 0;
      while (start <= piece.text.size()) {
        const std::size_t stop = next_break(piece.text, start);
        if (stop > start) {
          std::string_view part = std::string_view(piece.text).substr(start, stop - start);
          if (pending_space && !words.back().empty()) new_word();
          double width = measure_(piece.face, size_, part);
          while (word_width + width > width_) {
            if (!words.back().empty()) {  // the word so far is as much as a line holds
              new_word();
              pending_space = false;
              continue;
            }
            const auto [cut, head_width] = fitting_prefix(part, piece.face);
            if (cut >= part.size()) break;
            words.fragments.push_back({part.substr(0, cut), &piece, pending_space, head_width});
            new_word();
            pending_space = false;
            part = part.substr(cut);
            width -= head_width;
          }
          words.fragments.push_back({part, &piece, pending_space, width});
          word_width += width;
          pending_space = false;
        }
        if (stop < piece.text.size()) {
          if (piece.text[stop] == '\n') {
            if (!words.back().empty()) new_word();
            words.fragments.push_back({{}, nullptr, false, 0});
            new_word();
            pending_space = false;
          } else {
            pending_space = true;
          }
        }
        start = stop + 1;
      }
    }
    words.new_word();  // closes the last word
    return words;
  }

  std::vector<SetLine> first_fit(const Words& words) const {
    std::vector<SetLine> lines;
    const double space_w = measure_(Face::Body, size_, " ");
    std::vector<std::pair<const Fragment*, double>> line;  // fragment and its x offset
    double x = 0;
    const auto flush = [&] {
      SetLine& out = lines.emplace_back();
      for (std::size_t i = 0; i < line.size();) {
        // One run per stretch of one look.
        std::size_t j = i;
        std::string text;
        const Piece* first = line[i].first->piece;
        while (j < line.size() && same_look(line[j].first->piece, first)) {
          if (j > i && line[j].first->space_before) text += ' ';
          text += line[j].first->text;
          ++j;
        }
        const double x0 = line[i].second;
        const double x1 = line[j - 1].second + line[j - 1].first->width;
        out.runs.push_back({x0, x1 - x0, first->face, first->strike, std::move(text)});
        i = j;
      }
      for (std::size_t i = 0; i < line.size();) {
        const Piece* piece = line[i].first->piece;
        std::size_t j = i + 1;
        while (j < line.size() && line[j].first->piece == piece) ++j;
        if (!piece->target.empty()) {
          out.links.push_back(
              {line[i].second, line[j - 1].second + line[j - 1].first->width, piece->target});
        }
        i = j;
      }
      out.width = x;
      line.clear();
      x = 0;
    };
    bool open = false;  // a line is started (possibly empty, after a forced break)
    for (std::size_t k = 0; k < words.size(); ++k) {
      const Word word = words[k];
      if (word.empty()) continue;
      if (is_break(word)) {
        flush();
        open = false;
        continue;
      }
      double w = 0;
      for (const auto& f : word) w += f.width;
      const double gap = line.empty() ? 0 : space_w;
      if (!line.empty() && x + gap + w > width_) flush();
      double at = line.empty() ? 0 : x + space_w;
      for (const auto& f : word) {
        line.emplace_back(&f, at);
        at += f.width;
      }
      x = at;
      open = true;
    }
    if (open) flush();
    return lines;
  }

  // The words as boxes, glue and hyphenation penalties, broken by total fit; each line's glue
  // stretches or shrinks to the measure, a last line keeps natural spacing. Nothing when no
  // set of breaks fits.
  std::optional<std::vector<SetLine>> total_fit(const Words& words) const {
    struct BoxText {
      const Fragment* fragment;
      std::string_view text;
      double width;
    };
    // Kept by each thread from one paragraph to the next, to allocate them once.
    thread_local std::vector<BreakItem> items;
    thread_local std::vector<BoxText> boxes;
    thread_local std::vector<int> box_of;  // item → index in boxes, or -1
    items.clear();
    boxes.clear();
    box_of.clear();
    // A word is a box and its glue, and a hyphenated one a few more: room for most without
    // growing.
    items.reserve(words.fragments.size() * 3 + 4);
    box_of.reserve(items.capacity());
    boxes.reserve(words.fragments.size() * 2);
    const double space_w = measure_(Face::Body, size_, " ");
    const double hyphen_w = measure_(Face::Body, size_, "-");
    const auto add = [&](BreakItem item, int box = -1) {
      items.push_back(item);
      box_of.push_back(box);
    };
    const auto add_box = [&](const Fragment& f, std::string_view text, double width) {
      boxes.push_back({&f, text, width});
      add({BreakItem::Kind::Box, width, 0, 0, 0, false}, static_cast<int>(boxes.size()) - 1);
    };
    const auto end_line = [&] {
      add({BreakItem::Kind::Glue, 0, 1e6, 0, 0, false});
      add({BreakItem::Kind::Penalty, 0, 0, 0, kForcedBreak, false});
    };
    bool after_break = true;
    for (std::size_t k = 0; k < words.size(); ++k) {
      const Word word = words[k];
      if (word.empty()) continue;
      if (is_break(word)) {
        end_line();
        after_break = true;
        continue;
      }
      if (!after_break)
        add({BreakItem::Kind::Glue, space_w, space_w * 0.5, space_w * 0.33, 0, false});
      after_break = false;
      static const std::vector<std::size_t> kNoPoints;
      const std::vector<std::size_t>& points = word.size() == 1 && word[0].piece->target.empty()
                                                   ? hyphenation_points(word[0].text)
                                                   : kNoPoints;
      if (points.empty()) {
        for (const auto& f : word) add_box(f, f.text, f.width);
        continue;
      }
      const Fragment& f = word[0];
      std::size_t from = 0;
      for (std::size_t p : points) {
        const std::string_view part = f.text.substr(from, p - from);
        add_box(f, part, measure_(f.piece->face, size_, part));
        add({BreakItem::Kind::Penalty, hyphen_w, 0, 0, kHyphenPenalty, true});
        from = p;
      }
      const std::string_view part = f.text.substr(from);
      add_box(f, part, measure_(f.piece->face, size_, part));
    }
    if (items.empty()) return std::vector<SetLine>{};
    end_line();
    const auto breaks = break_lines(items, width_);
    if (!breaks) return std::nullopt;
    std::vector<SetLine> lines;
    std::size_t start = 0;
    for (const auto& brk : *breaks) {
      while (start < brk.at && items[start].kind != BreakItem::Kind::Box) ++start;
      SetLine& out = lines.emplace_back();
      double x = 0;
      SetRun run;
      bool open = false;
      const auto flush = [&] {
        if (open && !run.text.empty()) {
          run.width = x - run.x;
          out.runs.push_back(std::move(run));
        }
        run = SetRun{};
        open = false;
      };
      // Link stretches, one per stretch of a linked piece on this line.
      const Piece* link_piece = nullptr;
      double link_x0 = 0, link_x1 = 0;
      const auto close_link = [&] {
        if (link_piece) out.links.push_back({link_x0, link_x1, link_piece->target});
        link_piece = nullptr;
      };
      for (std::size_t i = start; i < brk.at; ++i) {
        const BreakItem& item = items[i];
        if (item.kind == BreakItem::Kind::Glue) {
          flush();
          x += item.width + (brk.ratio > 0 ? brk.ratio * item.stretch : brk.ratio * item.shrink);
          continue;
        }
        if (item.kind != BreakItem::Kind::Box) continue;
        const BoxText& box = boxes[static_cast<std::size_t>(box_of[i])];
        const Piece* piece = box.fragment->piece;
        if (open && (piece->face != run.face || piece->strike != run.strike)) flush();
        if (!open) {
          run.x = x;
          run.face = piece->face;
          run.strike = piece->strike;
          open = true;
        }
        run.text += box.text;
        if (piece != link_piece) {
          close_link();
          if (!piece->target.empty()) {
            link_piece = piece;
            link_x0 = x;
          }
        }
        x += box.width;
        if (link_piece) link_x1 = x;
      }
      if (items[brk.at].kind == BreakItem::Kind::Penalty && items[brk.at].flagged) {
        if (!open) {
          run.x = x;
          open = true;
        }
        run.text += "-";
        x += hyphen_w;
      }
      flush();
      close_link();
      out.width = x;
      start = brk.at + 1;
    }
    return lines;
  }

 private:
  // The bytes of the longest run of whole code points at the start of `text` that fits the
  // line (at least one code point), and that run's width. Widths add up code point by code
  // point (the PDF fonts have no kerning).
  std::pair<std::size_t, double> fitting_prefix(std::string_view text, Face face) const {
    std::size_t end = 0;
    double used = 0;
    while (end < text.size()) {
      const std::size_t length = model::utf8::decode(text, end).length;
      const double w = measure_(face, size_, text.substr(end, length));
      if (end > 0 && used + w > width_) break;
      used += w;
      end += length;
    }
    return {end, used};
  }

  double size_;
  double width_;
  const Measure& measure_;
};

}  // namespace

std::vector<SetLine> set_lines(const std::vector<Piece>& pieces, double size, double width,
                               bool justify, const Measure& measure) {
  const Setter setter(size, width, measure);
  const auto words = setter.split_words(pieces);
  if (justify) {
    if (auto lines = setter.total_fit(words)) return std::move(*lines);
  }
  return setter.first_fit(words);
}

Extent measure_pieces(const std::vector<Piece>& pieces, double size, const Measure& measure) {
  Extent e;
  double word = 0;  // the word being measured, which may span pieces
  double line = 0;  // the line being measured (a forced break starts another)
  for (const auto& piece : pieces) {
    std::size_t start = 0;
    while (start <= piece.text.size()) {
      const std::size_t stop = next_break(piece.text, start);
      const double w =
          stop > start
              ? measure(piece.face, size, std::string_view(piece.text).substr(start, stop - start))
              : 0;
      word += w;
      line += w;
      if (stop < piece.text.size()) {
        e.widest_word = std::max(e.widest_word, word);
        word = 0;
        if (piece.text[stop] == '\n') {
          e.natural = std::max(e.natural, line);
          line = 0;
        } else {
          line += measure(piece.face, size, " ");
        }
      }
      start = stop + 1;
    }
  }
  e.widest_word = std::max(e.widest_word, word);
  e.natural = std::max(e.natural, line);
  return e;
}

}  // namespace dossier::emit::pdf
