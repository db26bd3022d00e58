// A block's text with its spans, walked outermost span first: the one traversal behind the
// HTML/EPUB and Markdown writers' inline formatting.
#pragma once

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/utf8.h"

namespace dossier::emit {

class InlineText {
 public:
  // `extra` spans (entity links) join the block's own where they nest without crossing one.
  explicit InlineText(const model::Block& block, const std::vector<model::Span>* extra = nullptr)
      : text_(block.text), extra_(extra) {
    model::utf8::for_each(text_, [&](char32_t, std::size_t at) { byte_at_.push_back(at); });
    byte_at_.push_back(text_.size());
    const int length = this->length();
    for (const auto& sp : block.spans) {
      const bool point = sp.kind == model::SpanKind::FootnoteRef;  // the one kind of no width
      if (sp.start >= 0 && sp.end <= length && (sp.start < sp.end || (point && sp.start == sp.end)))
        spans_.push_back(&sp);
    }
    const std::size_t own = spans_.size();
    if (extra) {
      for (const auto& sp : *extra) {
        if (sp.start < 0 || sp.end > length || sp.start >= sp.end) continue;
        bool crosses = false;
        for (std::size_t i = 0; i < spans_.size() && !crosses; ++i) {
          const model::Span* o = spans_[i];
          const bool disjoint = o->end <= sp.start || sp.end <= o->start;
          const bool nested = (o->start <= sp.start && sp.end <= o->end) ||
                              (sp.start <= o->start && o->end <= sp.end);
          crosses = !disjoint && (i >= own || !nested);  // extras never overlap each other
        }
        if (!crosses) spans_.push_back(&sp);
      }
    }
    std::stable_sort(spans_.begin(), spans_.end(), [](const model::Span* a, const model::Span* b) {
      return a->start != b->start ? a->start < b->start : a->end > b->end;
    });
  }

  int length() const { return static_cast<int>(byte_at_.size()) - 1; }
  const std::vector<const model::Span*>& spans() const { return spans_; }
  // Whether `span` is one of the extra spans, not one of the block's own.
  bool is_extra(const model::Span& span) const {
    const std::less<const model::Span*> before;
    return extra_ && !before(&span, extra_->data()) &&
           before(&span, extra_->data() + extra_->size());
  }

  // The text of code points [from, to).
  std::string slice(int from, int to) const {
    const auto a = byte_at_[static_cast<std::size_t>(from)],
               b = byte_at_[static_cast<std::size_t>(to)];
    return text_.substr(a, b - a);
  }

  // Over [from, to): `text(string)` for each plain run and `span(span, inner)` for each
  // outermost span, `inner` being the spans nested inside it (to walk in turn). A point span
  // (a footnote reference) belongs to the spans it is strictly inside: one at a span's end
  // comes after it.
  template <typename OnText, typename OnSpan>
  void walk(const std::vector<const model::Span*>& spans, int from, int to, OnText&& text,
            OnSpan&& span) const {
    int pos = from;
    for (const model::Span* s : spans) {
      if (s->start < pos || s->end > to) continue;  // nested in an earlier one, or outside
      if (s->start > pos) text(slice(pos, s->start));
      std::vector<const model::Span*> inner;
      for (const model::Span* other : spans) {
        const bool point_at_end = other->start == other->end && other->start == s->end;
        if (other != s && s->start < s->end && other->start >= s->start && other->end <= s->end &&
            !point_at_end) {
          inner.push_back(other);
        }
      }
      span(*s, inner);
      pos = s->end;
    }
    if (to > pos) text(slice(pos, to));
  }

 private:
  const std::string& text_;
  const std::vector<model::Span>* extra_;
  std::vector<std::size_t> byte_at_;
  std::vector<const model::Span*> spans_;
};

}  // namespace dossier::emit
