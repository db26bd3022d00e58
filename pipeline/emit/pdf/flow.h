// The page flow shared by the PDF layout's parts: lines placed top to bottom across pages,
// with a running head and a folio on each page, anchors and link rectangles.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "emit/pdf/layout.h"
#include "emit/pdf/set_lines.h"
#include "model/utf8.h"

namespace dossier::emit::pdf {

inline constexpr double kLeading = 1.4;  // line height as a multiple of the font size

// Places lines top to bottom across pages, with a running head and a folio on each page.
class Flow {
 public:
  Flow(PagedDocument& doc, const Geometry& geometry, const Measure& measure, double body_size)
      : doc_(doc), g_(geometry), measure_(measure), body_size_(body_size) {}

  void new_page() {
    // The page before is done but for its folio: its runs and text move to storage of their
    // size plus the folio's, so the room growing storage keeps spare is handed back while the
    // next page fills (at 10,000 articles a third of the runs' memory was spare).
    if (!doc_.pages.empty()) {
      fit_page(doc_.pages.back());
      if (page_full_) page_full_();
    }
    doc_.pages.emplace_back();
    y_ = g_.height - g_.margin_top;
    decorate();
  }

  // Called when a page is full, before the next one starts: the flow never touches a page
  // again once it has moved on, so the pages before the new one can be finished and drawn.
  void on_page_full(std::function<void()> hook) { page_full_ = std::move(hook); }

  void set_running_head(std::string left, std::string right) {
    head_left_ = std::move(left);
    head_right_ = std::move(right);
    head_left_width_ = head_right_width_ = -1;  // measured on the first page that shows them
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
      const double w = measure_(face, size, line);
      page().add_run(g_.margin_left + indent, baseline, face, size, line, w);
      if (!link_target.empty()) {
        page().add_link(g_.margin_left + indent, baseline - size * 0.25,
                        g_.margin_left + indent + w, baseline + size * 0.9, link_target);
      }
      y_ -= leading;
    }
  }

  using Piece = pdf::Piece;

  // Text in pieces, some of them links. First fit at spaces, or, with `justify`, total fit
  // with hyphenation and lines set to the full measure (set_lines.h). `keep_with_next` is
  // room to keep below the first lines (a heading's).
  void rich_paragraph(const std::vector<Piece>& pieces, double size, double indent = 0,
                      bool justify = false, double keep_with_next = 0) {
    place_lines(set_lines(pieces, size, g_.text_width() - indent, justify, measure_), size, indent,
                keep_with_next);
  }

  // Set lines placed from `indent`, kept two together at a page's top and bottom.
  // The lines' text moves onto the pages.
  void place_lines(std::vector<SetLine> lines, double size, double indent,
                   double keep_with_next = 0) {
    const double leading = size * kLeading;
    ensure(std::min<double>(static_cast<double>(lines.size()), 2) * leading + keep_with_next);
    const int widow = widow_break(lines.size(), leading);
    int index = 0;
    for (auto& line : lines) {
      if (index++ == widow) new_page();
      ensure(leading);
      place_line(line, g_.margin_left + indent, y_ - size, size);
      y_ -= leading;
    }
  }

  // One set line with its left edge at `left` and its baseline at `baseline`, on this page;
  // struck runs get a line through them. The line's text and link targets are copied into
  // the page's.
  void place_line(const SetLine& line, double left, double baseline, double size) {
    for (const auto& run : line.runs) {
      page().add_run(left + run.x, baseline, run.face, size, run.text, run.width);
      if (run.strike) {
        const double y = baseline + size * 0.3;
        page().rules.push_back({left + run.x, y, left + run.x + run.width, y, size * 0.06});
      }
    }
    for (const auto& link : line.links) {
      page().add_link(left + link.x0, baseline - size * 0.25, left + link.x1, baseline + size * 0.9,
                      link.target);
    }
  }

  // A horizontal rule `width` thick from `x0` to `x1` (from the left margin) at the current
  // height.
  void rule(double x0, double x1, double width) {
    page().rules.push_back({g_.margin_left + x0, y_, g_.margin_left + x1, y_, width});
  }

  // A marker (a list item's number or bullet) ending `gap` before `indent`, on the baseline
  // of the next line; the caller keeps two lines' room so the line follows on this page.
  void marker(const std::string& text, Face face, double size, double indent, double gap) {
    ensure(size * kLeading * 2);
    const double w = measure_(face, size, text);
    page().add_run(g_.margin_left + indent - gap - w, y_ - size, face, size, text, w);
  }

  // The room left on this page, in points.
  double room() const { return doc_.pages.empty() ? 0 : y_ - g_.margin_bottom; }
  double y() const { return y_; }
  double left() const { return g_.margin_left; }
  const Measure& measure() const { return measure_; }

  // A paragraph number in the left margin, level with the next line.
  void margin_number(const std::string& number, double size) {
    ensure(body_size_ * kLeading * 2);
    const double w = measure_(Face::Body, size, number);
    page().add_run(g_.margin_left - 8 - w, y_ - body_size_, Face::Body, size, number, w);
  }

  // A line with text at the left and a page number at the right, linked to `target`. An
  // entry is kept on one page; one longer than a page (a title of hundreds of words) runs
  // over, linked on each page it is on.
  void contents_entry(const std::string& text, const std::string& number, double size,
                      const std::string& target) {
    const double leading = size * kLeading;
    const double number_column = measure_(Face::Body, size, "00000");
    const auto lines = wrap_text(text, Face::Body, size, g_.text_width() - number_column, measure_);
    const double height = static_cast<double>(lines.size()) * leading;
    ensure(height <= text_height() ? height : leading * 2);
    double top = y_;
    for (const auto& line : lines) {
      if (y_ - leading < g_.margin_bottom - 1e-6) {
        page().add_link(g_.margin_left, y_ + leading * 0.2, g_.width - g_.margin_right, top,
                        target);
        new_page();
        top = y_;
      }
      page().add_run(g_.margin_left, y_ - size, Face::Body, size, line,
                     measure_(Face::Body, size, line));
      y_ -= leading;
    }
    const double w = measure_(Face::Body, size, number);
    page().add_run(g_.width - g_.margin_right - w, y_ + leading - size, Face::Body, size, number,
                   w);
    page().add_link(g_.margin_left, y_ + leading * 0.2, g_.width - g_.margin_right, top, target);
  }

  int page_index() const { return static_cast<int>(doc_.pages.size()) - 1; }

  // The page number `index` + 1, centred under the text. Added once a page's number is
  // known: chapters are laid out on their own (in parallel) and only then put in order.
  static void add_folio(Page& page, std::size_t index, const Geometry& g, const Measure& measure,
                        double body_size) {
    fit_page(page);  // a no-op but for a part's last page
    const double size = body_size * 0.75;
    const std::string folio = std::to_string(index + 1);
    const double w = measure(Face::Body, size, folio);
    page.add_run((g.width - w) / 2, g.margin_bottom - size * 3, Face::Body, size, folio, w);
  }

 private:
  static constexpr std::size_t kFolioBytes = 8;  // room for the folio's digits
  static void fit_page(Page& page) {
    if (!page.content.empty()) return;  // drawn: its runs are gone
    if (page.runs.capacity() != page.runs.size() + 1) {
      std::vector<Run> fitted;
      fitted.reserve(page.runs.size() + 1);
      fitted.assign(page.runs.begin(), page.runs.end());
      page.runs.swap(fitted);
    }
    if (page.text.capacity() > page.text.size() + kFolioBytes) {
      std::string fitted;
      fitted.reserve(page.text.size() + kFolioBytes);
      fitted.append(page.text);
      page.text.swap(fitted);
    }
    page.links.shrink_to_fit();  // a finished page gets no more links
    page.link_text.shrink_to_fit();
  }

  Page& page() { return doc_.pages.back(); }

  void decorate() {
    const double size = body_size_ * 0.75;
    const double head_y = g_.height - g_.margin_top + size * 2;
    if (!head_left_.empty()) {
      if (head_left_width_ < 0) head_left_width_ = measure_(Face::BodyItalic, size, head_left_);
      page().add_run(g_.margin_left, head_y, Face::BodyItalic, size, head_left_, head_left_width_);
    }
    if (!head_right_.empty()) {
      if (head_right_width_ < 0) head_right_width_ = measure_(Face::BodyItalic, size, head_right_);
      page().add_run(g_.width - g_.margin_right - head_right_width_, head_y, Face::BodyItalic, size,
                     head_right_, head_right_width_);
    }
  }

  PagedDocument& doc_;
  const Geometry& g_;
  const Measure& measure_;
  double body_size_;
  double y_ = 0;
  std::string head_left_, head_right_;
  double head_left_width_ = -1, head_right_width_ = -1;
  std::function<void()> page_full_;
};

}  // namespace dossier::emit::pdf
