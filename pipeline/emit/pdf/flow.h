// The page flow shared by the PDF layout's parts: lines placed top to bottom across pages,
// with a running head and a folio on each page, anchors and link rectangles.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "emit/pdf/break_lines.h"
#include "emit/pdf/hyphenate.h"
#include "emit/pdf/layout.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

inline constexpr double kLeading = 1.4;
inline constexpr double kHyphenPenalty = 50;  // line height as a multiple of the font size

// Places lines top to bottom across pages, with a running head and a folio on each page.
class Flow {
 public:
  Flow(PagedDocument& doc, const Geometry& geometry, const Measure& measure, double body_size)
      : doc_(doc), g_(geometry), measure_(measure), body_size_(body_size) {}

  void new_page() {
    doc_.pages.emplace_back();
    y_ = g_.height - g_.margin_top;
    decorate();
  }

  void set_running_head(std::string left, std::string right) {
    head_left_ = std::move(left);
    head_right_ = std::move(right);
  }

  // Starts a new page unless `height` still fits on this one.
  void ensure(double height) {
    if (doc_.pages.empty() || y_ - height < g_.margin_bottom) new_page();
  }

  void space(double points) { y_ -= points; }

  // An image box of `width` × `height` points at `indent`, on a new page if it does not fit.
  void image(const std::string& bytes, double width, double height, double indent = 0) {
    ensure(height);
    page().images.push_back({g_.margin_left + indent, y_ - height, width, height, &bytes});
    y_ -= height;
  }

  double text_width() const { return g_.text_width(); }
  double text_height() const { return g_.height - g_.margin_top - g_.margin_bottom; }

  // Widows: when only the last line of a paragraph of three or more would go over to the next
  // page, the page breaks one line earlier so two lines go together. The index of the line
  // to start a new page at, or -1.
  int widow_break(std::size_t lines, double leading) const {
    if (doc_.pages.empty() || lines < 3) return -1;
    const auto fit = static_cast<std::size_t>((y_ - g_.margin_bottom) / leading + 1e-6);
    return fit >= 2 && fit + 1 == lines ? static_cast<int>(fit) - 1 : -1;
  }

  void anchor(const std::string& id) {
    ensure(body_size_ * kLeading);
    doc_.anchors[id] = {page_index(), y_};
  }

  // Sets `text` wrapped to the text width (less `indent`); returns the lines' rectangles'
  // top and bottom on the last page for link placement.
  void paragraph(const std::string& text, Face face, double size, double indent = 0,
                 const std::string& link_target = "", double keep_with_next = 0) {
    const double leading = size * kLeading;
    const auto lines = wrap_text(text, face, size, g_.text_width() - indent, measure_);
    // Keep a heading with at least the first lines that follow it.
    ensure(std::min<double>(static_cast<double>(lines.size()), 2) * leading + keep_with_next);
    const int widow = widow_break(lines.size(), leading);
    int index = 0;
    for (const auto& line : lines) {
      if (index++ == widow) new_page();
      ensure(leading);
      const double baseline = y_ - size;
      page().runs.push_back({g_.margin_left + indent, baseline, face, size, line});
      if (!link_target.empty()) {
        const double w = measure_(face, size, line);
        page().links.push_back({g_.margin_left + indent, baseline - size * 0.25,
                                g_.margin_left + indent + w, baseline + size * 0.9, link_target});
      }
      y_ -= leading;
    }
  }

  // Text in pieces, some of them links, wrapped greedily at spaces; a word is never split
  // between pieces ("Putin" linked + "’s" plain stay on one line). Runs of one face on a line
  // are one text run; each linked piece gets its own rectangle.
  struct Piece {
    std::string text;
    std::string target;  // an anchor id, or empty
    Face face = Face::Body;
  };

  // Text in pieces, some of them links. First fit at spaces, or, with `justify`, total fit
  // with hyphenation and lines set to the full measure. A word is never split between pieces
  // ("Putin" linked + "’s" plain stay together); each linked piece gets its own rectangle.
  void rich_paragraph(const std::vector<Piece>& pieces, double size, double indent = 0,
                      bool justify = false) {
    const auto words = split_words(pieces, size, g_.text_width() - indent);
    if (justify && justified_paragraph(words, size, indent)) return;
    first_fit_paragraph(words, size, indent);
  }

  struct Fragment {
    std::string_view text;  // in the piece's text
    const Piece* piece;
    bool space_before;
    double width;
  };
  using Words = std::vector<std::vector<Fragment>>;

  // Words as lists of fragments. A fragment wider than the line (a long address, a run of
  // digits) is cut at code points into pieces that fit, each a word of its own, so no line
  // runs past the margin.
  Words split_words(const std::vector<Piece>& pieces, double size, double line_width) const {
    Words words(1);
    bool pending_space = false;
    for (const auto& piece : pieces) {
      std::size_t start = 0;
      while (start <= piece.text.size()) {
        const std::size_t space = std::min(piece.text.find(' ', start), piece.text.size());
        if (space > start) {
          std::string_view part = std::string_view(piece.text).substr(start, space - start);
          if (pending_space && !words.back().empty()) words.emplace_back();
          double width = measure_(piece.face, size, part);
          while (width > line_width) {
            const auto [cut, head_width] = fitting_prefix(part, piece.face, size, line_width);
            if (cut >= part.size()) break;
            words.back().push_back({part.substr(0, cut), &piece, pending_space, head_width});
            words.emplace_back();
            pending_space = false;
            part = part.substr(cut);
            width -= head_width;
          }
          words.back().push_back({part, &piece, pending_space, width});
          pending_space = false;
        }
        if (space < piece.text.size()) pending_space = true;
        start = space + 1;
      }
    }
    return words;
  }

  // The bytes of the longest run of whole code points at the start of `text` that fits in
  // `width` (at least one code point), and that run's width. Reads only as far as it needs:
  // widths add up code point by code point (the PDF fonts have no kerning).
  std::pair<std::size_t, double> fitting_prefix(std::string_view text, Face face, double size,
                                                double width) const {
    std::size_t end = 0;
    double used = 0;
    while (end < text.size()) {
      const std::size_t length = model::utf8::decode(text, end).length;
      const double w = measure_(face, size, text.substr(end, length));
      if (end > 0 && used + w > width) break;
      used += w;
      end += length;
    }
    return {end, used};
  }

  void first_fit_paragraph(const Words& words, double size, double indent) {
    const double leading = size * kLeading;
    const double width = g_.text_width() - indent;
    const double space_w = measure_(Face::Body, size, " ");
    std::vector<std::pair<const Fragment*, double>> line;  // fragment and its x offset
    double x = 0;
    const auto flush = [&] {
      if (line.empty()) return;
      ensure(leading);
      const double baseline = y_ - size;
      const double left = g_.margin_left + indent;
      for (std::size_t i = 0; i < line.size();) {
        // One run per stretch of one face.
        std::size_t j = i;
        std::string run;
        while (j < line.size() && line[j].first->piece->face == line[i].first->piece->face) {
          if (j > i && line[j].first->space_before) run += ' ';
          run += line[j].first->text;
          ++j;
        }
        page().runs.push_back(
            {left + line[i].second, baseline, line[i].first->piece->face, size, run});
        i = j;
      }
      for (std::size_t i = 0; i < line.size();) {
        const Piece* piece = line[i].first->piece;
        std::size_t j = i + 1;
        while (j < line.size() && line[j].first->piece == piece) ++j;
        if (!piece->target.empty()) {
          const double x0 = left + line[i].second;
          const double x1 = left + line[j - 1].second + line[j - 1].first->width;
          page().links.push_back(
              {x0, baseline - size * 0.25, x1, baseline + size * 0.9, piece->target});
        }
        i = j;
      }
      y_ -= leading;
      line.clear();
      x = 0;
    };
    for (const auto& word : words) {
      if (word.empty()) continue;
      double w = 0;
      for (const auto& f : word) w += f.width;
      const double gap = line.empty() ? 0 : space_w;
      if (!line.empty() && x + gap + w > width) flush();
      double at = line.empty() ? 0 : x + space_w;
      for (const auto& f : word) {
        line.emplace_back(&f, at);
        at += f.width;
      }
      x = at;
    }
    flush();
  }

  // Justified: the pieces' words as boxes, glue and hyphenation penalties, broken by total
  // fit (break_lines.h); each line's glue stretches or shrinks to the measure, the last line
  // keeps natural spacing. Falls back to first fit when no set of breaks fits.
  bool justified_paragraph(const Words& words, double size, double indent) {
    struct BoxText {
      const Fragment* fragment;
      std::string_view text;
      double width;
    };
    std::vector<BreakItem> items;
    std::vector<BoxText> boxes(0);
    std::vector<int> box_of;  // item → index in boxes, or -1
    const double space_w = measure_(Face::Body, size, " ");
    const double hyphen_w = measure_(Face::Body, size, "-");
    const auto add = [&](BreakItem item, int box = -1) {
      items.push_back(item);
      box_of.push_back(box);
    };
    for (std::size_t wi = 0; wi < words.size(); ++wi) {
      const auto& word = words[wi];
      if (word.empty()) continue;
      if (!items.empty()) {
        add({BreakItem::Kind::Glue, space_w, space_w * 0.5, space_w * 0.33, 0, false});
      }
      const std::vector<std::size_t> points = word.size() == 1 && word[0].piece->target.empty()
                                                  ? hyphenation_points(word[0].text)
                                                  : std::vector<std::size_t>{};
      if (!points.empty()) {
        const Fragment& f = word[0];
        std::size_t from = 0;
        for (std::size_t p : points) {
          const std::string_view part = f.text.substr(from, p - from);
          boxes.push_back({&f, part, measure_(f.piece->face, size, part)});
          add({BreakItem::Kind::Box, boxes.back().width, 0, 0, 0, false},
              static_cast<int>(boxes.size()) - 1);
          add({BreakItem::Kind::Penalty, hyphen_w, 0, 0, kHyphenPenalty, true});
          from = p;
        }
        const std::string_view part = f.text.substr(from);
        boxes.push_back({&f, part, measure_(f.piece->face, size, part)});
        add({BreakItem::Kind::Box, boxes.back().width, 0, 0, 0, false},
            static_cast<int>(boxes.size()) - 1);
      } else {
        for (const auto& f : word) {
          boxes.push_back({&f, f.text, f.width});
          add({BreakItem::Kind::Box, f.width, 0, 0, 0, false}, static_cast<int>(boxes.size()) - 1);
        }
      }
    }
    if (items.empty()) return true;
    add({BreakItem::Kind::Glue, 0, 1e6, 0, 0, false});
    add({BreakItem::Kind::Penalty, 0, 0, 0, kForcedBreak, false});
    const double width = g_.text_width() - indent;
    const auto breaks = break_lines(items, width);
    if (!breaks) return false;
    const double leading = size * kLeading;
    const double left = g_.margin_left + indent;
    std::size_t start = 0;
    ensure(std::min<double>(static_cast<double>(breaks->size()), 2) * leading);  // no orphan
    const int widow = widow_break(breaks->size(), leading);
    int index = 0;
    for (const auto& brk : *breaks) {
      while (start < brk.at && items[start].kind != BreakItem::Kind::Box) ++start;
      if (index++ == widow) new_page();
      ensure(leading);
      const double baseline = y_ - size;
      double x = 0;
      std::string run;
      Face run_face = Face::Body;
      double run_x = 0;
      bool open = false;
      const auto flush = [&] {
        if (open && !run.empty())
          page().runs.push_back({left + run_x, baseline, run_face, size, run});
        run.clear();
        open = false;
      };
      // Link rectangles, one per stretch of a linked piece on this line.
      const Piece* link_piece = nullptr;
      double link_x0 = 0, link_x1 = 0;
      const auto close_link = [&] {
        if (link_piece) {
          page().links.push_back({left + link_x0, baseline - size * 0.25, left + link_x1,
                                  baseline + size * 0.9, link_piece->target});
        }
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
        if (open && piece->face != run_face) flush();
        if (!open) {
          run_x = x;
          run_face = piece->face;
          open = true;
        }
        run += box.text;
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
          run_x = x;
          open = true;
        }
        run += "-";
      }
      flush();
      close_link();
      y_ -= leading;
      start = brk.at + 1;
    }
    return true;
  }

  // A paragraph number in the left margin, level with the next line.
  void margin_number(const std::string& number, double size) {
    ensure(body_size_ * kLeading * 2);
    const double w = measure_(Face::Body, size, number);
    page().runs.push_back({g_.margin_left - 8 - w, y_ - body_size_, Face::Body, size, number});
  }

  // A line with text at the left and a page number at the right, linked to `target`.
  void contents_entry(const std::string& text, const std::string& number, double size,
                      const std::string& target) {
    const double leading = size * kLeading;
    const double number_column = measure_(Face::Body, size, "00000");
    const auto lines = wrap_text(text, Face::Body, size, g_.text_width() - number_column, measure_);
    ensure(static_cast<double>(lines.size()) * leading);
    const double top = y_;
    for (const auto& line : lines) {
      page().runs.push_back({g_.margin_left, y_ - size, Face::Body, size, line});
      y_ -= leading;
    }
    const double w = measure_(Face::Body, size, number);
    page().runs.push_back(
        {g_.width - g_.margin_right - w, y_ + leading - size, Face::Body, size, number});
    page().links.push_back(
        {g_.margin_left, y_ + leading * 0.2, g_.width - g_.margin_right, top, target});
  }

  int page_index() const { return static_cast<int>(doc_.pages.size()) - 1; }

  // Page numbers, centred under the text; added once all pages exist, because chapters are
  // laid out on their own (in parallel) and only then put in order.
  static void add_folios(PagedDocument& doc, const Geometry& g, const Measure& measure,
                         double body_size) {
    const double size = body_size * 0.75;
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
      const std::string folio = std::to_string(i + 1);
      const double w = measure(Face::Body, size, folio);
      doc.pages[i].runs.push_back(
          {(g.width - w) / 2, g.margin_bottom - size * 3, Face::Body, size, folio});
    }
  }

 private:
  Page& page() { return doc_.pages.back(); }

  void decorate() {
    const double size = body_size_ * 0.75;
    const double head_y = g_.height - g_.margin_top + size * 2;
    if (!head_left_.empty()) {
      page().runs.push_back({g_.margin_left, head_y, Face::BodyItalic, size, head_left_});
    }
    if (!head_right_.empty()) {
      const double w = measure_(Face::BodyItalic, size, head_right_);
      page().runs.push_back(
          {g_.width - g_.margin_right - w, head_y, Face::BodyItalic, size, head_right_});
    }
  }

  PagedDocument& doc_;
  const Geometry& g_;
  const Measure& measure_;
  double body_size_;
  double y_ = 0;
  std::string head_left_, head_right_;
};

}  // namespace dossier::emit::pdf
