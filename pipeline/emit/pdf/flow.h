// The page flow shared by the PDF layout's parts: lines placed top to bottom across pages,
// with a running head and a folio on each page, anchors and link rectangles.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "emit/pdf/layout.h"

namespace dossier::emit::pdf {

inline constexpr double kLeading = 1.4;  // line height as a multiple of the font size

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
    for (const auto& line : lines) {
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
  void rich_paragraph(const std::vector<Piece>& pieces, double size, double indent = 0) {
    struct Fragment {
      std::string text;
      const Piece* piece;
      bool space_before;
      double width;
    };
    // Words as lists of fragments.
    std::vector<std::vector<Fragment>> words(1);
    bool pending_space = false;
    for (const auto& piece : pieces) {
      std::size_t start = 0;
      while (start <= piece.text.size()) {
        const std::size_t space = std::min(piece.text.find(' ', start), piece.text.size());
        if (space > start) {
          const std::string part = piece.text.substr(start, space - start);
          if (pending_space && !words.back().empty()) words.emplace_back();
          words.back().push_back({part, &piece, pending_space, measure_(piece.face, size, part)});
          pending_space = false;
        }
        if (space < piece.text.size()) pending_space = true;
        start = space + 1;
      }
    }
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
    const std::string folio = std::to_string(doc_.pages.size());
    const double w = measure_(Face::Body, size, folio);
    page().runs.push_back(
        {(g_.width - w) / 2, g_.margin_bottom - size * 3, Face::Body, size, folio});
  }

  PagedDocument& doc_;
  const Geometry& g_;
  const Measure& measure_;
  double body_size_;
  double y_ = 0;
  std::string head_left_, head_right_;
};

}  // namespace dossier::emit::pdf
